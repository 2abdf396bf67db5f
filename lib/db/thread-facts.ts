import type { ThreadFact, ThreadFactEvent } from '../model/inbox-seen';
import type { CrmDb } from './schema';

/**
 * Thread facts (schema v7): per thread, the messages seen in lists, the unread feed or an opened thread, as far as
 * replies and response times need them. Local to this browser, never synced: they say what this mailbox received.
 */

const MAX_EVENTS = 100;

/** Two sightings of one message: the same id, or, without ids, the same sender at the same second. */
const sameMessage = (a: ThreadFactEvent, b: ThreadFactEvent) =>
  a.messageId && b.messageId ? a.messageId === b.messageId : a.from === b.from && Math.abs(a.at - b.at) < 60_000;

/** Adds the messages not known yet to the thread's facts; true when something was added. */
export async function addThreadFacts(
  db: CrmDb,
  place: Pick<ThreadFact, 'threadId' | 'accountIndex' | 'repAddress' | 'repId'>,
  events: readonly ThreadFactEvent[],
  now: number,
): Promise<boolean> {
  const tx = db.transaction('threadFacts', 'readwrite');
  const known = await tx.store.get(place.threadId);
  const kept = [...(known?.events ?? [])];
  for (const event of events) if (!kept.some((k) => sameMessage(k, event))) kept.push(event);
  const added = kept.length > (known?.events.length ?? 0);
  if (added) {
    kept.sort((a, b) => a.at - b.at);
    await tx.store.put({
      threadId: place.threadId,
      accountIndex: place.accountIndex,
      repAddress: place.repAddress ?? known?.repAddress ?? null,
      repId: place.repId ?? known?.repId ?? null,
      events: kept.slice(-MAX_EVENTS),
      updatedAt: now,
    });
  }
  await tx.done;
  return added;
}

/** The threads with something seen since `since`. */
export async function listThreadFacts(db: CrmDb, since = 0): Promise<ThreadFact[]> {
  return (await db.getAll('threadFacts')).filter((fact) => fact.updatedAt >= since);
}

/** The rep marked the thread private: what was seen of it goes. */
export async function dropThreadFacts(db: CrmDb, threadId: string): Promise<void> {
  await db.delete('threadFacts', threadId);
}
