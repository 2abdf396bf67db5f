import type { InsertRequest } from '@/lib/webmail/sidebar-link';
import { linkedContentScript } from '../events';

/** A content script busy laying out a thread answers well within this; one that never answers is an older one. */
const ANSWER_MS = 2000;

/**
 * Asks this frame's content script to type `text` where the rep's caret was in a compose box
 * (lib/content/compose-insert.ts). Answers whether it did: false when no compose box the rep was in is open, or no
 * content script is linked.
 */
export function insertIntoCompose(text: string): Promise<boolean> {
  const port = linkedContentScript();
  if (!port) return Promise.resolve(false);
  const answer = new MessageChannel();
  return new Promise((resolve) => {
    const done = (inserted: boolean) => {
      clearTimeout(timer);
      answer.port1.close();
      resolve(inserted);
    };
    const timer = setTimeout(() => done(false), ANSWER_MS);
    answer.port1.onmessage = (event) => done(event.data === true);
    const request: InsertRequest = { insert: text };
    port.postMessage(request, [answer.port2]);
  });
}

/**
 * Puts `text` on the clipboard. The sidebar is a frame the page allows no clipboard permission, so where the
 * asynchronous API is refused the older copy command, which needs only the rep's click, is tried on `fallback`.
 */
export async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    return document.execCommand('copy');
  }
}
