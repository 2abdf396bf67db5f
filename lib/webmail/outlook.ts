import { normaliseEmail } from '../model/email-address';
import type {
  SnapshotCompose,
  SnapshotMessage,
  SnapshotParticipant,
  SnapshotPerson,
  WebmailSnapshot,
} from '../model/snapshot';
import { outlookThreadId } from '../model/webmail-thread';
import { bodyText } from './body-text';
import { attr, cut, cutTail, firstShown, shown, squash, type Visibility } from './gmail-read';
import { readOutlookComposes } from './outlook-compose';
import { addressIn, afterLabel, messageKey, numericDate, peopleIn, personOf } from './outlook-read';
import { OUTLOOK } from './outlook-selectors';

/**
 * Reads what an Outlook on the web page shows into the same WebmailSnapshot as Gmail's. Pure: the same DOM and
 * location give the same snapshot. Everything read is page data (possibly hostile): copied as strings, bounded, and
 * never turned back into markup.
 *
 * Outlook gives a message no id in the reading pane, and its labels are in the mailbox's language, so a message is
 * found by its body (`document`) and read by order: the headings of its header name the sender, then the To, then
 * the Cc people, and one holds the date.
 */

type Role = SnapshotParticipant['roles'][number];

/** Quoted history inside a body (Outlook also folds it away behind "…"): not the sender's own words. */
const QUOTED = 'blockquote, style, script, noscript, template, #divRplyFwdMsg, #appendonsend ~ *';

export interface OutlookLocation {
  hostname: string;
  pathname: string;
}

/** Outlook.com numbers its accounts (/mail/0/); another mailbox opened on Microsoft 365 is /mail/<address>/. */
function mailboxOf(pathname: string): { index: number; address: string } {
  const segment = /^\/mail\/([^/]+)/.exec(pathname)?.[1] ?? '';
  let address = '';
  try {
    address = addressIn(decodeURIComponent(segment));
  } catch {
    // A malformed escape names no mailbox.
  }
  return { index: /^\d{1,2}$/.test(segment) ? Number(segment) : 0, address };
}

/** The id in /mail/id/<id> or /mail/<folder>/id/<id>, which Outlook writes when a conversation is opened. */
function routeId(pathname: string): string | null {
  const raw = /\/id\/([^/?#]+)/.exec(pathname)?.[1];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function readAccount(doc: Document, mailbox: string, composes: Element[]): string | null {
  if (mailbox) return normaliseEmail(mailbox);
  const menu = doc.querySelector(OUTLOOK.accountMenu);
  const shownInMenu = addressIn(
    `${menu?.textContent ?? ''} ${attr(doc.querySelector(OUTLOOK.meButton), 'aria-label')}`,
  );
  if (shownInMenu) return normaliseEmail(shownInMenu);
  // A compose's From field: a button holding an address alone, before its first recipient field. A person button
  // in a message header above an inline reply sits in a heading, and is someone else.
  for (const root of composes) {
    const firstField = root.querySelector(OUTLOOK.recipientFields);
    for (const el of root.querySelectorAll(OUTLOOK.personButton)) {
      if (!firstField || !(el.compareDocumentPosition(firstField) & 4) || el.closest(OUTLOOK.heading)) continue;
      const from = squash(el.textContent ?? '');
      if (from === addressIn(from) && from) return normaliseEmail(from);
    }
  }
  return null;
}

/** The pane's top-level message bodies: a sender's HTML can carry `role=document` too. */
function bodiesOf(pane: Element, seen: Visibility): Element[] {
  return [...pane.querySelectorAll(OUTLOOK.body)].filter(
    (el) => !el.parentElement?.closest(OUTLOOK.body) && shown(el, seen),
  );
}

/** The largest box around `body` holding no other message: that message's header and body. */
function messageBox(body: Element, pane: Element, bodies: Element[]): Element {
  let box = body;
  for (let up = box.parentElement; up && up !== pane; up = up.parentElement) {
    if (bodies.some((other) => other !== body && up.contains(other))) break;
    box = up;
  }
  return box;
}

function readMessage(
  box: Element,
  body: Element,
  subject: Element | null,
  lang: string,
  now: number,
  withTail: (from: SnapshotPerson | null) => boolean,
): SnapshotMessage {
  const people: SnapshotPerson[][] = [];
  let dateText = '';
  for (const heading of box.querySelectorAll(OUTLOOK.heading)) {
    if (heading === subject || heading.closest(OUTLOOK.body)) continue;
    const text = squash(heading.textContent ?? '');
    // People are buttons in the To and Cc headings; a From heading may hold the name as text ("From: Dara Kim").
    const labelled = afterLabel(text);
    const found = heading.querySelector(OUTLOOK.personButton)
      ? peopleIn(heading)
      : (labelled?.split(';').map((part) => personOf(part)) ?? []).filter((p): p is SnapshotPerson => p !== null);
    if (found.length) people.push(found);
    else if (!dateText && /\p{Nd}/u.test(text)) dateText = text;
  }
  const from = people[0]?.[0] ?? null;
  const to = people[1] ?? [];
  const cc = people[2] ?? [];
  const time = numericDate(dateText, lang, now);
  return {
    // The same message read again gives the same key; the thread's id is added when the keys are made unique.
    id: messageKey(`${from?.email}|${from?.name}|${dateText}`),
    legacyId: null,
    from,
    to,
    cc: [...cc, ...(people[3] ?? [])].slice(0, 200),
    time,
    timeText: cut(dateText, 200),
    collapsed: false,
    tail: withTail(from) ? cutTail(bodyText(body, QUOTED), 2000) : '',
  };
}

const personKey = (p: SnapshotPerson) => (p.email ? normaliseEmail(p.email) : `name:${p.name.toLowerCase()}`);

function participantsOf(
  messages: SnapshotMessage[],
  composes: SnapshotCompose[],
  account: string | null,
  repName: string,
): SnapshotParticipant[] {
  const seen: [SnapshotPerson, Role][] = [];
  for (const m of messages) {
    if (m.from) seen.push([m.from, 'from']);
    for (const p of m.to) seen.push([p, 'to']);
    for (const p of m.cc) seen.push([p, 'cc']);
  }
  for (const c of composes)
    for (const role of ['to', 'cc', 'bcc'] as const) for (const p of c[role]) seen.push([p, role]);
  // Outlook names the rep by name, not "me"; a name alone is the rep's only when it is the signed-in one's.
  const isRep = (p: SnapshotPerson) =>
    p.email ? normaliseEmail(p.email) === account : !!repName && p.name.toLowerCase() === repName.toLowerCase();
  const byKey = new Map<string, SnapshotParticipant>();
  const withAddress = new Set(seen.filter(([p]) => p.email && p.name).map(([p]) => p.name.toLowerCase()));
  for (const [p, role] of seen) {
    // A name shown with its address elsewhere on the page is that person, not someone unknown.
    if (isRep(p) || (!p.email && withAddress.has(p.name.toLowerCase()))) continue;
    const key = personKey(p);
    const known = byKey.get(key);
    if (!known) {
      if (byKey.size < 500) byKey.set(key, { ...p, roles: [role] });
    } else if (!known.roles.includes(role)) {
      known.roles = (['from', 'to', 'cc', 'bcc'] as const).filter((r) => r === role || known.roles.includes(r));
    }
    if (known && !known.name && p.name) known.name = p.name;
  }
  return [...byKey.values()];
}

/** `now` bounds the dates read (a message is not from next week); `remembered` is the account read earlier. */
export function readOutlookSnapshot(
  doc: Document,
  location: OutlookLocation,
  now = Date.now(),
  remembered: string | null = null,
): WebmailSnapshot {
  const mailbox = mailboxOf(location.pathname);
  const base = { account: remembered, accountIndex: Math.min(99, mailbox.index), composes: [] as SnapshotCompose[] };
  const make = (
    view: WebmailSnapshot['view'],
    thread: WebmailSnapshot['thread'] = null,
    problem: string | null = null,
    repName = '',
  ): WebmailSnapshot => ({
    provider: 'outlook',
    ...base,
    view,
    thread,
    participants: view === 'list' ? [] : participantsOf(thread?.messages ?? [], base.composes, base.account, repName),
    problem,
  });
  try {
    const seen: Visibility = new Map();
    base.composes = readOutlookComposes(doc, seen);
    const composeRoots = [...doc.querySelectorAll(`${OUTLOOK.composeSection}, ${OUTLOOK.readingPane}`)];
    base.account = readAccount(doc, mailbox.address, composeRoots) ?? remembered;
    const me = doc.querySelector(OUTLOOK.meButton);
    const repName = squash(me?.textContent ?? '');
    const pane = firstShown(doc.querySelectorAll(OUTLOOK.readingPane), seen);
    const bodies = pane ? bodiesOf(pane, seen).slice(0, 500) : [];
    if (pane && bodies.length) {
      const subject =
        [...pane.querySelectorAll(OUTLOOK.heading)].find(
          (h) => (h.localName === 'h3' || attr(h, 'aria-level') === OUTLOOK.subjectLevel) && !h.closest(OUTLOOK.body),
        ) ?? null;
      const selected =
        firstShown(doc.querySelectorAll(OUTLOOK.selectedRow), seen) ?? pane.querySelector(OUTLOOK.convid);
      const conversation = attr(selected, 'data-convid') || routeId(location.pathname);
      const id = conversation && outlookThreadId(location.hostname, conversation);
      if (!id) return make('unrecognised', null, 'thread-without-id', repName);
      const lang = doc.documentElement.lang;
      // Newest first, so only each sender's latest message carries a tail (where the worker reads a signature).
      const tailed = new Set<string>();
      const wantsTail = (from: SnapshotPerson | null) => {
        const key = from ? personKey(from) : '';
        if (!key || tailed.has(key)) return false;
        tailed.add(key);
        return true;
      };
      const messages: SnapshotMessage[] = [];
      for (const body of [...bodies].reverse()) {
        try {
          messages.unshift(readMessage(messageBox(body, pane, bodies), body, subject, lang, now, wantsTail));
        } catch {
          // One odd message must not hide the others.
        }
      }
      // Two messages alike in sender and minute are told apart by their place.
      const counts = new Map<string, number>();
      for (const m of messages) {
        const n = counts.get(m.id) ?? 0;
        counts.set(m.id, n + 1);
        m.id = cut(`${conversation}#${m.id}${n ? `.${n}` : ''}`, 200);
      }
      const title = squash(subject?.textContent ?? '');
      return make('thread', { id: cut(id, 100), permId: null, subject: cut(title, 1000), messages }, null, repName);
    }
    if (pane && routeId(location.pathname) && !base.composes.length && pane.querySelector(OUTLOOK.heading)) {
      return make('unrecognised', null, 'thread-unreadable', repName);
    }
    if (base.composes.length) return make('compose', null, null, repName);
    if (firstShown(doc.querySelectorAll(OUTLOOK.listRow), seen)) return make('list');
    return make('other');
  } catch {
    base.composes = [];
    return make('unrecognised', null, 'read-failed');
  }
}
