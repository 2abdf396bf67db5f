import { browser } from 'wxt/browser';
import { parseSnapshot, publishedSnapshot } from '@/lib/content/snapshot-feed';
import type { WebmailSnapshot } from '@/lib/model/snapshot';
import { EVENT_KIND, type SidecarEvent } from '@/lib/rpc/wire';
import type { MessageSender } from '@/lib/webmail/origins';
import { acceptSidebarLink } from '@/lib/webmail/sidebar-link';

/** Calls `listener` for each worker event until `signal` aborts. */
export function onSidecarEvent(listener: (event: SidecarEvent) => void, signal: AbortSignal): void {
  const handle = (message: unknown, sender: { tab?: unknown; id?: string }) => {
    // Events come from the worker, never from a tab: a content script can message extension pages too.
    if (sender.tab !== undefined || (sender.id !== undefined && sender.id !== browser.runtime.id)) return undefined;
    if ((message as { kind?: unknown } | null)?.kind === EVENT_KIND) listener(message as SidecarEvent);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}

/**
 * Calls `listener` with each snapshot a webmail tab's content script publishes, through the port it linked to
 * this frame or as the worker receives it, until `signal` aborts. Never answers messages: the worker does.
 */
export function onSnapshotPublished(
  listener: (tabId: number, snapshot: WebmailSnapshot, via: 'link' | 'message') => void,
  signal: AbortSignal,
): void {
  // The sidebar frame's side of the content script's port (lib/webmail/sidebar-link.ts).
  let linked = false;
  const link = acceptSidebarLink(browser.runtime.id, window.parent, (tabId, port) => {
    port.onmessage = (event) => {
      const snapshot = parseSnapshot(event.data);
      if (!snapshot) return;
      linked = true;
      listener(tabId, snapshot, 'link');
    };
  });
  window.addEventListener('message', (event) => link.fromWindow(event), { signal });
  const handle = (message: unknown, sender: MessageSender) => {
    link.fromRuntime(message, sender);
    // Once the port delivers, the same snapshots come this way later, and parsing them is wasted work.
    if (linked) return undefined;
    const published = publishedSnapshot(message, sender, browser.runtime.id);
    if (published) listener(published.tabId, published.snapshot, 'message');
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}
