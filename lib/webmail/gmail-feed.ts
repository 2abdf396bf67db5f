import { timeFromLegacyId } from './message-time';

/**
 * Gmail's unread feed (`/mail/u/N/feed/atom`), read in the worker, which has no DOMParser: an Atom 0.3 document whose
 * entries are the newest unread conversations of the inbox. Each entry's `link` opens the conversation with its hex
 * id in `message_id`; its `id` (`tag:gmail.google.com,2004:N`) is the newest message's 64-bit id in decimal, the same
 * number as that message's `#msg-f:N`; `modified` is when that message arrived; `author` is who sent it.
 * Anything that is not that document (a sign-in page, an error page, a format Gmail has changed) gives null: no
 * facts, never a guess.
 */

export interface FeedEntry {
  /** The conversation's legacy hex id. */
  thread: string;
  /** The newest message's legacy hex id. */
  message: string;
  at: number;
  from: { email: string; name: string };
}

/** The feed lists 20 entries; more than this is not Gmail's feed. */
const MAX_ENTRIES = 50;
const HEX_ID = /^[0-9a-f]{12,16}$/;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+$/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi, (whole, dec, hex, name) => {
    if (name) return ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : Number.parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The markup inside the first `<name>` element of `xml`, as it stands. */
function inner(xml: string, name: string): string | null {
  return new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? null;
}

/** The text of the first `<name>` element of `xml`: entities decoded once, CDATA read as it stands. */
function text(xml: string, name: string): string | null {
  const raw = inner(xml, name);
  if (raw === null) return null;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  return cdata ? (cdata[1] ?? '') : decode(raw).trim();
}

function entryOf(xml: string, now: number): FeedEntry | null {
  const href = /<link\b[^>]*\bhref\s*=\s*"([^"]*)"/.exec(xml)?.[1];
  let thread = '';
  try {
    thread = new URL(decode(href ?? ''), 'https://mail.google.com/').searchParams.get('message_id') ?? '';
  } catch {
    return null;
  }
  const number = /^tag:gmail\.google\.com,2004:(\d{1,20})$/.exec(text(xml, 'id') ?? '')?.[1];
  const value = number ? BigInt(number) : -1n;
  const message = value > 0n && value < 1n << 64n ? value.toString(16) : '';
  const author = inner(xml, 'author') ?? '';
  const email = text(author, 'email') ?? '';
  if (!HEX_ID.test(thread) || !HEX_ID.test(message) || !EMAIL.test(email) || email.length > 254) return null;
  const modified = Date.parse(text(xml, 'modified') ?? text(xml, 'issued') ?? '');
  const at = timeFromLegacyId(message, now) ?? (Number.isFinite(modified) && modified <= now ? modified : null);
  if (at === null) return null;
  return { thread, message, at, from: { email, name: (text(author, 'name') ?? '').slice(0, 300) } };
}

/** The feed's entries, or null when `xml` is not Gmail's Atom feed. `now` bounds the times read. */
export function parseGmailFeed(xml: string, now: number): FeedEntry[] | null {
  const start = xml.replace(/^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?/, '');
  if (!/^<feed\b[^>]*\bxmlns\s*=\s*"http:\/\/purl\.org\/atom\/ns#"/.test(start)) return null;
  if (!/<\/feed>\s*$/.test(start)) return null;
  const entries: FeedEntry[] = [];
  for (const m of start.matchAll(/<entry>([\s\S]*?)<\/entry>/g)) {
    if (entries.length >= MAX_ENTRIES) return null;
    const entry = entryOf(m[1] ?? '', now);
    if (entry) entries.push(entry);
  }
  return entries;
}
