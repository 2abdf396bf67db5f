import { normaliseEmail } from '../model/email-address';
import type {
  SnapshotCompose,
  SnapshotMessage,
  SnapshotParticipant,
  SnapshotPerson,
  WebmailSnapshot,
} from '../model/snapshot';
import { bodyText } from './body-text';
import { readComposes } from './gmail-compose';
import {
  attr,
  cut,
  cutTail,
  EMAIL,
  firstShown,
  fromElement,
  person,
  shown,
  squash,
  type Visibility,
} from './gmail-read';
import * as GMAIL from './gmail-selectors';

/**
 * Reads what a Gmail page shows into a WebmailSnapshot. Pure: the same DOM and location give the same snapshot.
 * Everything read is page data (possibly hostile): it is copied as strings, bounded, and never turned back into markup.
 */

type Role = SnapshotParticipant['roles'][number];

const ROLE_ORDER: readonly Role[] = ['from', 'to', 'cc', 'bcc'];

export function readAccountIndex(pathname: string): number {
  const m = /\/mail\/u\/(\d{1,2})(?:\/|$)/.exec(pathname);
  return m ? Number(m[1]) : 0;
}

function readAccount(doc: Document): string | null {
  for (const selector of GMAIL.accountButtons) {
    for (const el of doc.querySelectorAll(selector)) {
      const label = attr(el, 'aria-label');
      const m = /\(([^()\s]+@[^()\s]+)\)[^()]*$/.exec(label);
      if (m?.[1] && m[1].length <= 254) return normaliseEmail(m[1]);
    }
  }
  // "Inbox (3) - rep@x.kh - Gmail" or "Subject - rep@x.kh - Company Mail": the address is the second segment from the end.
  const parts = doc.title.split(' - ');
  const candidate = parts[parts.length - 2]?.trim() ?? '';
  return EMAIL.test(candidate) && candidate.length <= 254 ? normaliseEmail(candidate) : null;
}

function textWithEmoji(el: Element): string {
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) s += c.nodeValue ?? '';
    else if (c.nodeType === 1) {
      const child = c as Element;
      s += child.matches(GMAIL.emoji) ? attr(child, 'alt') : textWithEmoji(child);
    }
  }
  return s;
}

/** Elements of the message header, never from the body: a sender's HTML must not be able to add people. */
function headerAll(message: Element, selector: string): Element[] {
  return [...message.querySelectorAll(selector)].filter((el) => !el.closest(GMAIL.body));
}

function readRecipients(message: Element): { to: SnapshotPerson[]; cc: SnapshotPerson[] } {
  const to: SnapshotPerson[] = [];
  const cc: SnapshotPerson[] = [];
  const line = headerAll(message, GMAIL.recipientLine)[0];
  if (!line) {
    for (const el of headerAll(message, GMAIL.recipients)) {
      const p = fromElement(el);
      if (p) to.push(p);
    }
    return { to, cc };
  }
  let target = to;
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        // Between addresses Gmail writes only commas, until the word for Cc ("cc:", "Cc :", "ចម្លងជូន៖"; "bcc:" on
        // the rep's own sent mail) switches the list for every address after it: any letters there are that word,
        // whatever the account's language. Mail with no To starts with the word.
        const words = c.nodeValue ?? '';
        if ((to.length && /\p{L}/u.test(words)) || /\bb?cc\s*:/i.test(words)) target = cc;
      } else if (c.nodeType === 1) {
        const el = c as Element;
        if (el.hasAttribute('email')) {
          const p = fromElement(el);
          if (p) target.push(p);
        } else walk(el);
      }
    }
  };
  walk(line);
  return { to: to.slice(0, 200), cc: cc.slice(0, 200) };
}

/**
 * Reads one message; its body's tail (for the sender's signature) only when `withTail` says it is wanted. Its time is
 * left to the worker, which reads it from the ids copied here, else from the date text in the account's time zone
 * (withMessageTimes in lib/worker/thread-log.ts): the page carries neither month names nor id arithmetic.
 */
function readMessage(el: Element, withTail: (from: SnapshotPerson | null) => boolean): SnapshotMessage | null {
  const messageId = attr(el, 'data-message-id').replace(/^#/, '');
  const legacy = attr(el, 'data-legacy-message-id');
  const id = messageId || legacy;
  if (!id) return null;
  let from: SnapshotPerson | null = null;
  for (const selector of GMAIL.senders) {
    const sender = headerAll(el, selector)[0];
    from = sender ? fromElement(sender) : null;
    if (from) break;
  }
  if (!from) {
    const avatar = headerAll(el, GMAIL.avatar)[0];
    if (avatar) from = person(attr(avatar, 'data-hovercard-id'), attr(avatar, 'alt'));
  }
  const timeEl = GMAIL.time.map((selector) => headerAll(el, selector)[0]).find(Boolean);
  const timeText = squash(attr(timeEl, 'title') || attr(timeEl, 'alt') || timeEl?.textContent || '');
  const wrapper = el.closest(GMAIL.messageWrappers);
  const body = el.querySelector(GMAIL.body);
  const collapsed = wrapper ? GMAIL.collapsedWrapper.test(wrapper.className) : !body;
  return {
    id: cut(id, 200),
    legacyId: legacy ? cut(legacy, 100) : null,
    from,
    ...readRecipients(el),
    time: null,
    timeText: cut(timeText, 200),
    collapsed,
    tail: !collapsed && body && withTail(from) ? cutTail(bodyText(body, GMAIL.quoted), 2000) : '',
  };
}

function participantsOf(
  messages: SnapshotMessage[],
  composes: SnapshotCompose[],
  account: string | null,
): SnapshotParticipant[] {
  const seen: [SnapshotPerson, Role][] = [];
  for (const m of messages) {
    if (m.from) seen.push([m.from, 'from']);
    for (const p of m.to) seen.push([p, 'to']);
    for (const p of m.cc) seen.push([p, 'cc']);
  }
  for (const c of composes) for (const f of GMAIL.RECIPIENT_FIELDS) for (const p of c[f]) seen.push([p, f]);
  // Gmail shows the rep as "me"; that address is the rep's even when the account could not be read.
  const rep = new Set(account ? [account] : []);
  for (const [p] of seen) if (p.name.toLowerCase() === 'me') rep.add(normaliseEmail(p.email));
  const byEmail = new Map<string, SnapshotParticipant>();
  for (const [p, role] of seen) {
    const key = normaliseEmail(p.email);
    if (rep.has(key)) continue;
    const known = byEmail.get(key);
    if (!known) {
      if (byEmail.size < 500) byEmail.set(key, { email: p.email, name: p.name, roles: [role] });
      continue;
    }
    if (!known.roles.includes(role)) known.roles = ROLE_ORDER.filter((r) => r === role || known.roles.includes(r));
    if ((!known.name || normaliseEmail(known.name) === key) && p.name && normaliseEmail(p.name) !== key)
      known.name = p.name;
  }
  return [...byEmail.values()];
}

/**
 * The conversation a route names: the last segment of #inbox/<id>, #label/Clients/<id>, #search/rice/<id>,
 * #sent/<id> (Gmail may add ?compose=… after it) in Gmail's two known forms, the legacy 16-hex id and the long
 * letters-and-digits id of newer URLs. Null for lists and every other view.
 */
export function threadRouteId(hash: string): string | null {
  const parts = (hash.replace(/^#/, '').split('?')[0] ?? '').split('/');
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? '') : '';
  return /^(?:[0-9a-f]{16}|[A-Za-z0-9]{24,64})$/i.test(last) ? last : null;
}

function snapshot(
  base: Pick<WebmailSnapshot, 'account' | 'accountIndex' | 'composes'>,
  view: WebmailSnapshot['view'],
  thread: WebmailSnapshot['thread'] = null,
  problem: string | null = null,
): WebmailSnapshot {
  const { account, accountIndex, composes } = base;
  const participants = view === 'list' ? [] : participantsOf(thread?.messages ?? [], composes, account);
  return { provider: 'gmail', account, accountIndex, view, thread, participants, composes, problem };
}

export function readGmailSnapshot(doc: Document, location: { pathname: string; hash: string }): WebmailSnapshot {
  const base = { account: null as string | null, accountIndex: 0, composes: [] as SnapshotCompose[] };
  try {
    base.accountIndex = Math.min(99, readAccountIndex(location.pathname));
    base.account = readAccount(doc);
    const seen: Visibility = new Map();
    base.composes = readComposes(doc, seen);
    const main = firstShown(doc.querySelectorAll(GMAIL.main), seen);
    if (!main) return snapshot(base, 'unrecognised', null, 'no-main');

    const heading = firstShown(main.querySelectorAll(GMAIL.subject), seen);
    let root: Element = main;
    if (heading) {
      for (const selector of GMAIL.threadRoots) {
        const candidate = heading.closest(selector);
        if (candidate && main.contains(candidate) && candidate.querySelector(GMAIL.message)) {
          root = candidate;
          break;
        }
      }
    }
    const messageEls = [...root.querySelectorAll(GMAIL.message)].filter(
      (el) => !el.closest(GMAIL.body) && shown(el, seen),
    );
    if (heading || messageEls.length) {
      const messages: SnapshotMessage[] = [];
      // Newest first, so only each sender's latest expanded message carries a tail: the worker reads a signature
      // from that one alone, and a long thread would otherwise send every body's end on each swap.
      const tailed = new Set<string>();
      const wantsTail = (from: SnapshotPerson | null) => {
        const key = from ? normaliseEmail(from.email) : '';
        if (!key || tailed.has(key)) return false;
        tailed.add(key);
        return true;
      };
      for (const el of messageEls.slice(0, 500).reverse()) {
        try {
          const m = readMessage(el, wantsTail);
          if (m) messages.push(m);
        } catch {
          // One odd message must not hide the others.
        }
      }
      messages.reverse();
      if (!messages.length) return snapshot(base, 'unrecognised', null, 'thread-without-messages');
      const idHolder = heading?.hasAttribute('data-legacy-thread-id')
        ? heading
        : root.querySelector(GMAIL.legacyThreadId);
      const permHolder = heading?.hasAttribute('data-thread-perm-id')
        ? heading
        : root.querySelector(GMAIL.permThreadId);
      // Some Workspace accounts render the perm id as the literal string "undefined" (Nov 2025).
      const permRaw = attr(permHolder, 'data-thread-perm-id').trim();
      const permId = permRaw && permRaw !== 'undefined' && permRaw !== 'null' ? cut(permRaw, 200) : null;
      const id = attr(idHolder, 'data-legacy-thread-id').trim() || permId || threadRouteId(location.hash);
      if (!id) return snapshot(base, 'unrecognised', null, 'thread-without-id');
      const subject = heading ? squash(textWithEmoji(heading)) : '';
      const labels = [...root.querySelectorAll(GMAIL.labels)]
        .slice(0, 50)
        .map((el) => cut(squash(el.textContent ?? ''), 100));
      return snapshot(base, 'thread', { id: cut(id, 100), permId, subject: cut(subject, 1000), messages, labels });
    }
    // The route names a conversation the page does not show in a form the adapter knows (or not yet: the watcher
    // reports this only when it lasts, ./watch.ts). Saying so beats showing the home view as if nothing were open.
    if (threadRouteId(location.hash)) return snapshot(base, 'unrecognised', null, 'thread-unreadable');
    if (base.composes.length) return snapshot(base, 'compose');
    if (firstShown(main.querySelectorAll(GMAIL.listRow), seen)) return snapshot(base, 'list');
    return snapshot(base, 'other');
  } catch {
    return snapshot({ ...base, composes: [] }, 'unrecognised', null, 'read-failed');
  }
}
