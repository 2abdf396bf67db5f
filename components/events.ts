import { parseSnapshot, publishedSnapshot } from '@/lib/content/snapshot-feed';
import type { WebmailSnapshot } from '@/lib/model/snapshot';
import { EVENT_KIND, type SidecarEvent } from '@/lib/rpc/wire';
import { acceptSidebarLink } from '@/lib/webmail/sidebar-link';
import { extensionId, onRuntimeMessage } from './browser';

/** Calls `listener` for each worker event until `signal` aborts. */
export function onSidecarEvent(listener: (event: SidecarEvent) => void, signal: AbortSignal): void {
  onRuntimeMessage((message, sender) => {
    // Events come from the worker, never from a tab: a content script can message extension pages too.
    if (sender.tab !== undefined || (sender.id !== undefined && sender.id !== extensionId())) return;
    if ((message as { kind?: unknown } | null)?.kind === EVENT_KIND) listener(message as SidecarEvent);
  }, signal);
}

/** The port this frame's content script linked, once it has: the way to ask it to type into the page. */
let contentScriptPort: MessagePort | null = null;
export const linkedContentScript = (): MessagePort | null => contentScriptPort;

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
  const link = acceptSidebarLink(extensionId(), window.parent, (tabId, port) => {
    contentScriptPort = port;
    port.onmessage = (event) => {
      const snapshot = parseSnapshot(event.data);
      if (!snapshot) return;
      linked = true;
      listener(tabId, snapshot, 'link');
    };
  });
  window.addEventListener('message', (event) => link.fromWindow(event), { signal });
  onRuntimeMessage((message, sender) => {
    link.fromRuntime(message, sender);
    // Once the port delivers, the same snapshots come this way later, and parsing them is wasted work.
    if (linked) return;
    const published = publishedSnapshot(message, sender, extensionId());
    if (published) listener(published.tabId, published.snapshot, 'message');
  }, signal);
}
