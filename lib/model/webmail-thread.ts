/**
 * Which webmail a stored thread id belongs to. Tasks and activities keep a thread as one id (`threadId`, at most 100
 * characters) and the account it was seen in (`accountIndex`); Gmail's ids are bare. An Outlook thread is kept as
 * `ol<host>:<conversation id>`: Outlook's `data-convid` already names the mailbox it belongs to (Exchange writes the
 * mailbox's id into it), and the one-letter host says which Outlook to open it in, so a link, "no reply" and
 * response times need nothing more, and no stored record changes shape.
 */
export const OUTLOOK_HOSTS = {
  o: 'outlook.office.com',
  m: 'outlook.office365.com',
  l: 'outlook.live.com',
  c: 'outlook.cloud.microsoft',
} as const;

type HostCode = keyof typeof OUTLOOK_HOSTS;

const KEY = /^ol([omlc]):(.+)$/s;

/** The stored id of an Outlook conversation seen on `host`; null on a host that is not Outlook's. */
export function outlookThreadId(host: string, conversationId: string): string | null {
  const code = (Object.keys(OUTLOOK_HOSTS) as HostCode[]).find((c) => OUTLOOK_HOSTS[c] === host);
  return code ? `ol${code}:${conversationId}` : null;
}

/** The Outlook host and conversation id of a stored thread id; null for Gmail's ids. */
export function outlookThreadOf(threadId: string): { host: string; conversationId: string } | null {
  const m = KEY.exec(threadId);
  return m ? { host: OUTLOOK_HOSTS[m[1] as HostCode], conversationId: m[2] as string } : null;
}
