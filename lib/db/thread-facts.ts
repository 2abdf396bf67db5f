import type { ThreadFact, ThreadFactEvent } from '../model/inbox-seen';
import type { CrmDb } from './schema';

/**
 * Thread facts (schema v7): per thread, the messages seen in lists, the unread feed or an opened thread, as far as
 * replies and response times need them. Local to this browser, never synced: they say what this mailbox received.
 */

const MAX_EVENTS = 100;
/**
 * How long a thread's facts are kept after it was last seen: response times look back over a report's period plus
 * the waiting window (lib/reports/data.ts), and an inbox read every day would otherwise keep every newsletter forever.
 */
export const KEEP_FACTS_MS = 400 * 86_400_000;

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
  return db.getAllFromIndex('threadFacts', 'byUpdated', IDBKeyRange.lowerBound(since));
}

/** Forgets the threads not seen for KEEP_FACTS_MS; how many went. */
export async function forgetOldThreadFacts(db: CrmDb, now: number): Promise<number> {
  const tx = db.transaction('threadFacts', 'readwrite');
  let forgotten = 0;
  let cursor = await tx.store.index('byUpdated').openCursor(IDBKeyRange.upperBound(now - KEEP_FACTS_MS, true));
  while (cursor) {
    await cursor.delete();
    forgotten++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return forgotten;
}

/** The rep marked the thread private: what was seen of it goes. */
export async function dropThreadFacts(db: CrmDb, threadId: string): Promise<void> {
  await db.delete('threadFacts', threadId);
}
