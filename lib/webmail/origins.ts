/**
 * Pages of these origins get a content script (Gmail's or Outlook's); its messages are trusted only from such a page's
 * top frame. wxt.config.ts grants the same hosts.
 */
export const WEBMAIL_ORIGINS = [
  'https://mail.google.com/',
  'https://outlook.office.com/',
  'https://outlook.office365.com/',
  'https://outlook.live.com/',
  'https://outlook.cloud.microsoft/',
] as const;

/** What the browser says of a message's sender (it fills this itself; a page cannot forge it). */
export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * The tab of a message sent by this extension's content script from the top frame of a webmail page, or null
 * for any other sender (another extension, a subframe, another site, an extension page).
 */
export function webmailTabOf(
  sender: MessageSender,
  extensionId: string,
  origins: readonly string[] = WEBMAIL_ORIGINS,
): number | null {
  if (sender.id !== extensionId || sender.frameId !== 0) return null;
  const tabId = sender.tab?.id;
  const url = sender.url ?? '';
  if (typeof tabId !== 'number' || !origins.some((origin) => url.startsWith(origin))) return null;
  return tabId;
}
