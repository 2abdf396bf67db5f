import { browser } from 'wxt/browser';
import type { WebmailSnapshot } from '@/lib/model/snapshot';
import { EVENT_KIND, type SidecarEvent } from '@/lib/rpc/wire';
import { type PublishSender, publishedSnapshot } from '@/lib/webmail/snapshot-feed';

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
 * Calls `listener` with each snapshot a webmail tab's content script publishes, as the worker receives it, until
 * `signal` aborts. Never answers: the worker does.
 */
export function onSnapshotPublished(
  listener: (tabId: number, snapshot: WebmailSnapshot) => void,
  signal: AbortSignal,
): void {
  const handle = (message: unknown, sender: PublishSender) => {
    const published = publishedSnapshot(message, sender, browser.runtime.id);
    if (published) listener(published.tabId, published.snapshot);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}
