import { browser } from 'wxt/browser';
import { EVENT_KIND, type SidecarEvent } from '@/lib/rpc/wire';

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
