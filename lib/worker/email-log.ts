import type { ActivityDraft } from '../db/activities';
import type { WebmailSnapshot } from '../model';
import { emailDomain, normalizeEmail } from '../model';

/**
 * Turns the open thread into email activities for the known contacts in it: each message is logged on every known
 * contact among its sender and recipients, inbound unless the rep sent it. The store drops ones already logged.
 * Only ids, time, direction and subject are kept: no body is copied.
 */
export function emailActivitiesFor(
  snapshot: WebmailSnapshot,
  contactIdByEmail: Record<string, string | null>,
  repAddresses: ReadonlySet<string>,
  neverLogDomains: readonly string[],
  now: number,
): ActivityDraft[] {
  const thread = snapshot.thread;
  if (!thread) return [];
  const blockedDomains = new Set(neverLogDomains.map((d) => d.trim().toLowerCase()));
  const drafts: ActivityDraft[] = [];
  for (const message of thread.messages) {
    if (!message.id || !message.from) continue;
    const sender = normalizeEmail(message.from.email);
    const outbound = repAddresses.has(sender);
    const people = [
      sender,
      ...message.to.map((p) => normalizeEmail(p.email)),
      ...message.cc.map((p) => normalizeEmail(p.email)),
    ];
    for (const email of new Set(people)) {
      const contactId = contactIdByEmail[email];
      if (!contactId || repAddresses.has(email) || blockedDomains.has(emailDomain(email))) continue;
      // An inbound message is the contact's only when the contact wrote it or received it from someone else.
      drafts.push({
        type: 'email',
        occurredAt: message.time ?? now,
        contactId,
        subject: thread.subject.slice(0, 500),
        direction: outbound ? 'outbound' : 'inbound',
        threadId: thread.id,
        messageId: message.id,
        repAddress: snapshot.account,
      });
    }
  }
  return drafts;
}

/** The rep's own addresses on this page: the signed-in account and every address configured for a rep. */
export function repAddressesOf(snapshot: WebmailSnapshot | null, configured: readonly string[]): Set<string> {
  const out = new Set(configured.map(normalizeEmail));
  if (snapshot?.account) out.add(normalizeEmail(snapshot.account));
  return out;
}
