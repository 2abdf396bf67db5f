import { browser } from 'wxt/browser';
import { dashboardPath, type PageName } from '@/lib/dashboard/links';
import type { MessageSender } from '@/lib/webmail/origins';

/**
 * The few extension APIs the pages' components use, and the only place they reach the global `browser`: the rest of
 * components/ stays plain Preact over data and callbacks, and a test can tell what a page may do from this list.
 */

/** This extension's id, which the browser puts on every message the extension itself sends. */
export function extensionId(): string {
  return browser.runtime.id;
}

/** The dashboard's full address: home, or the page named. */
export function dashboardUrl(name?: PageName, param?: string | null): string {
  return browser.runtime.getURL(dashboardPath(name, param));
}

/** Opens an address in a new tab: from the popup, which closes as the tab opens, window.open would open a window. */
export function openTab(url: string): void {
  void browser.tabs.create({ url });
}

/** Closes the page's own tab: window.close() may be refused for a tab no script of the page opened. */
export async function closeThisPage(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) window.close();
  else await browser.tabs.remove(tab.id);
}

/**
 * Calls `listener` with each runtime message until `signal` aborts. Never answers: the worker does, and a listener
 * that returned a promise would claim the reply.
 */
export function onRuntimeMessage(
  listener: (message: unknown, sender: MessageSender) => void,
  signal: AbortSignal,
): void {
  const handle = (message: unknown, sender: MessageSender) => {
    listener(message, sender);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}

/** A value the page keeps in storage.local (UI preferences, not CRM data); undefined when there is none. */
export async function readLocal(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

export async function writeLocal(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}
