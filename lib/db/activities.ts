import type { Activity, RecordBase } from '../model';
import { activitySchema, newRecordBase, normaliseEmail } from '../model';
import { StoreError, validate } from './errors';
import { putRecord, recordTx, scrubQueued, writeRecord } from './record-write';
import { activityRow, stripRow } from './rows';
import type { CrmDb } from './schema';
import { addOnce } from './write-once';

export type ActivityDraft = Partial<Omit<Activity, keyof RecordBase>> & { type: Activity['type']; occurredAt: number };

/** The activity a draft makes: the draft over the defaults. Not yet validated; `id` defaults to a new one. */
export function newActivity(draft: ActivityDraft, now: number, id?: string): Activity {
  return {
    ...newRecordBase(now, id),
    contactId: null,
    companyId: null,
    dealId: null,
    repId: null,
    subject: '',
    body: '',
    direction: null,
    outcome: '',
    durationMinutes: null,
    threadId: null,
    messageId: null,
    repAddress: null,
    timeSource: null,
    accountIndex: null,
    score: null,
    threadKindId: null,
    ...draft,
  };
}

/** `requestId` becomes the activity's id, so a repeated call returns the first one's activity (see createTask). */
export async function addActivity(db: CrmDb, draft: ActivityDraft, now: number, requestId?: string): Promise<Activity> {
  const activity = validate(activitySchema, newActivity(draft, now, requestId), 'Activity');
  return stripRow(await addOnce(db, 'activities', activityRow(activity))) as Activity;
}

export async function setActivityDeleted(db: CrmDb, id: string, deleted: boolean, now: number): Promise<Activity> {
  const row = await db.get('activities', id);
  if (!row) throw new StoreError('not-found', 'This activity no longer exists.');
  const next = { ...(stripRow(row) as Activity), deletedAt: deleted ? now : null, updatedAt: now };
  await writeRecord(db, 'activities', activityRow(next));
  return next;
}

/**
 * Logs email messages as activities, once per (message, contact): revisiting a thread adds nothing. All drafts are
 * validated before the one transaction that writes them.
 */
export async function logEmails(db: CrmDb, drafts: ActivityDraft[], now: number): Promise<Activity[]> {
  const activities = drafts.map((d) => validate(activitySchema, newActivity({ ...d, type: 'email' }, now), 'Activity'));
  const tx = recordTx(db, ['activities', 'contacts']);
  const store = tx.objectStore('activities');
  const added: Activity[] = [];
  for (const activity of activities) {
    const row = activityRow(activity);
    if (!row.messageKey || (await store.index('byMessageKey').getKey(row.messageKey))) continue;
    await putRecord(tx, 'activities', row, 'add');
    added.push(activity);
  }
  const lastByContact = new Map<string, number>();
  for (const a of added) {
    if (a.contactId) lastByContact.set(a.contactId, Math.max(lastByContact.get(a.contactId) ?? 0, a.occurredAt));
  }
  for (const [contactId, at] of lastByContact) {
    const contact = await tx.objectStore('contacts').get(contactId);
    if (contact && (contact.lastContactedAt ?? 0) < at) {
      await putRecord(tx, 'contacts', { ...contact, lastContactedAt: at });
    }
  }
  await tx.done;
  return added;
}

/** Newest first, read backwards along the (contact, time) index: no scan however long the history. */
export async function activitiesForContact(db: CrmDb, contactId: string, limit = 20): Promise<Activity[]> {
  const out: Activity[] = [];
  let cursor = await db
    .transaction('activities')
    .store.index('byContactTime')
    .openCursor(IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]), 'prev');
  while (cursor && out.length < limit) {
    if (cursor.value.deletedAt === null) out.push(stripRow(cursor.value) as Activity);
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * Takes a thread's email activities off every timeline: each becomes a tombstone (so a team's server hears of the
 * deletion) and its contact's last-contacted time falls back to the newest email still logged. Returns the
 * activities removed.
 */
export async function unlogThread(db: CrmDb, threadId: string, now: number): Promise<Activity[]> {
  const tx = recordTx(db, ['activities', 'contacts']);
  const store = tx.objectStore('activities');
  const removed: Activity[] = [];
  for (const row of await store.index('byThread').getAll(threadId)) {
    if (row.type !== 'email' || row.deletedAt !== null) continue;
    const tombstone = { ...(stripRow(row) as Activity), deletedAt: now, updatedAt: now };
    await putRecord(tx, 'activities', activityRow(tombstone));
    removed.push(tombstone);
  }
  await scrubQueued(tx, 'activities', new Set(removed.map((a) => a.id)), ['subject', 'body']);
  for (const contactId of new Set(removed.map((a) => a.contactId).filter((id): id is string => id !== null))) {
    const contact = await tx.objectStore('contacts').get(contactId);
    if (!contact) continue;
    let last: number | null = null;
    let cursor = await store
      .index('byContactTime')
      .openCursor(IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]), 'prev');
    while (cursor && last === null) {
      if (cursor.value.type === 'email' && cursor.value.deletedAt === null) last = cursor.value.occurredAt;
      cursor = await cursor.continue();
    }
    if (contact.lastContactedAt !== last) await putRecord(tx, 'contacts', { ...contact, lastContactedAt: last });
  }
  await tx.done;
  return removed;
}

/**
 * Gives `repId` to the email activities logged from the signed-in account `address` with no rep: the rep has just
 * said the account is theirs. Walks every activity once (no index holds the account), in one transaction.
 */
export async function assignAccountMail(db: CrmDb, address: string, repId: string, now: number): Promise<number> {
  const key = normaliseEmail(address);
  const tx = recordTx(db, 'activities');
  let assigned = 0;
  let cursor = await tx.objectStore('activities').openCursor();
  while (cursor) {
    const row = cursor.value;
    if (row.type === 'email' && row.repId === null && row.repAddress && normaliseEmail(row.repAddress) === key) {
      await putRecord(tx, 'activities', { ...row, repId, updatedAt: now });
      assigned++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return assigned;
}
