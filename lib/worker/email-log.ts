import type { ActivityDraft } from '../db/activities';
import type { Rep, WebmailSnapshot } from '../model';
import { emailDomain, normaliseEmail } from '../model';
import { messageTime } from '../webmail/message-time';

/** What logging a thread needs to know besides the thread. */
export interface EmailLogContext {
  /** The rep's own addresses (repAddressesOf): their mail is outbound, and they are never logged on as contacts. */
  repAddresses: ReadonlySet<string>;
  /** The rep the signed-in account belongs to; null while no rep has claimed it. */
  repId: string | null;
  neverLogDomains: readonly string[];
  /** The rep's time zone: the date text of a message with no readable id is in it. */
  timeZone: string;
  now: number;
}

/**
 * Turns the open thread into email activities for the known contacts in it: each message is logged on every known
 * contact among its sender and recipients, inbound unless the rep sent it. The store drops ones already logged.
 * Only ids, time, direction and subject are kept: no body is copied. Each carries the rep, the account (/mail/u/N/)
 * it was seen in, and where its time came from.
 */
export function emailActivitiesFor(
  snapshot: WebmailSnapshot,
  contactIdByEmail: Record<string, string | null>,
  context: EmailLogContext,
): ActivityDraft[] {
  const thread = snapshot.thread;
  if (!thread) return [];
  const { repAddresses } = context;
  const blockedDomains = new Set(context.neverLogDomains.map((d) => d.trim().toLowerCase()));
  const drafts: ActivityDraft[] = [];
  for (const message of thread.messages) {
    if (!message.id || !message.from) continue;
    const sender = normaliseEmail(message.from.email);
    const outbound = repAddresses.has(sender);
    const people = [
      sender,
      ...message.to.map((p) => normaliseEmail(p.email)),
      ...message.cc.map((p) => normaliseEmail(p.email)),
    ];
    const time = messageTime(message, context.timeZone, context.now);
    for (const email of new Set(people)) {
      const contactId = contactIdByEmail[email];
      if (!contactId || repAddresses.has(email) || blockedDomains.has(emailDomain(email))) continue;
      // An inbound message is the contact's only when the contact wrote it or received it from someone else.
      drafts.push({
        type: 'email',
        occurredAt: time.at,
        timeSource: time.source,
        contactId,
        subject: thread.subject.slice(0, 500),
        direction: outbound ? 'outbound' : 'inbound',
        threadId: thread.id,
        messageId: message.id,
        repId: context.repId,
        repAddress: snapshot.account,
        accountIndex: snapshot.accountIndex,
      });
    }
  }
  return drafts;
}

/** The rep's own addresses on this page: the signed-in account and every address of every rep. */
export function repAddressesOf(snapshot: WebmailSnapshot | null, reps: readonly Rep[]): Set<string> {
  const out = new Set(reps.flatMap((r) => [r.email, ...r.accountEmails]).map(normaliseEmail));
  if (snapshot?.account) out.add(normaliseEmail(snapshot.account));
  return out;
}
