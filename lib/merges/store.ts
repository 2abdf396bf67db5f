import { toContact } from '../db/contacts';
import { commit, StoreError } from '../db/errors';
import { putRecord, recordStore, recordTx } from '../db/record-write';
import { activityRow, companyNameLookup, contactRow, stripRow } from '../db/rows';
import type { ContactRow, CrmDb, MergeRecord } from '../db/schema';
import { searchContacts } from '../db/search';
import type { Activity, Contact } from '../model';
import { contactSchema, newId, normaliseEmail } from '../model';
import { foldText } from '../search/tokens';

const MERGE_STORES = ['contacts', 'deals', 'activities', 'tasks', 'companies', 'merges'] as const;

export interface MergeResult {
  contact: Contact;
  mergeId: string;
}

/**
 * Merges `dropId` into `keepId` in one transaction: addresses, phones and empty fields move over; deals, activities
 * and tasks are re-pointed; the dropped contact becomes a tombstone that remembers where it went. Every row it
 * writes is journaled as it was before, in the same transaction, so the merge can be undone (undoMerge).
 */
export async function mergeContacts(db: CrmDb, keepId: string, dropId: string, now: number): Promise<MergeResult> {
  if (keepId === dropId) throw new StoreError('invalid', 'A contact cannot be merged with itself.');
  const tx = recordTx(db, MERGE_STORES);
  return commit(tx, async () => {
    const contacts = tx.objectStore('contacts');
    const [keepRow, dropRow] = await Promise.all([contacts.get(keepId), contacts.get(dropId)]);
    if (!keepRow || !dropRow || keepRow.deletedAt !== null || dropRow.deletedAt !== null) {
      throw new StoreError('not-found', 'One of these contacts no longer exists.');
    }
    const keep = toContact(keepRow);
    const drop = toContact(dropRow);
    const seen = new Set(keep.emails.map((e) => normaliseEmail(e.address)));
    const merged: Contact = {
      ...keep,
      emails: [...keep.emails, ...drop.emails.filter((e) => !seen.has(normaliseEmail(e.address)))],
      phones: [...keep.phones, ...drop.phones.filter((p) => !keep.phones.some((k) => k.number === p.number))],
      jobTitle: keep.jobTitle || drop.jobTitle,
      companyId: keep.companyId ?? drop.companyId,
      sourceId: keep.sourceId ?? drop.sourceId,
      ownerId: keep.ownerId ?? drop.ownerId,
      custom: { ...drop.custom, ...keep.custom },
      updatedAt: now,
    };
    const valid = contactSchema.safeParse(merged);
    if (!valid.success) {
      throw new StoreError('invalid', `Merged contact: ${valid.error.issues[0]?.message ?? 'not valid'}`);
    }
    const companyName = await companyNameLookup(tx.objectStore('companies'))(merged.companyId);
    // The tombstone must release its addresses before the survivor claims them, or the unique index refuses.
    await putRecord(tx, 'contacts', contactRow({ ...drop, deletedAt: now, updatedAt: now, mergedInto: keepId }));
    await putRecord(tx, 'contacts', contactRow(merged, companyName));

    const before: MergeRecord['before'] = { keep: keepRow, drop: dropRow, deals: [], activities: [], tasks: [] };
    const deals = tx.objectStore('deals');
    for (const deal of await deals.index('byContact').getAll(dropId)) {
      before.deals.push(deal);
      const ids = [...new Set(deal.contactIds.map((id) => (id === dropId ? keepId : id)))];
      await putRecord(tx, 'deals', { ...deal, contactIds: ids, updatedAt: now });
    }
    const activities = tx.objectStore('activities');
    for (const row of await activities
      .index('byContactTime')
      .getAll(IDBKeyRange.bound([dropId, -Infinity], [dropId, Infinity]))) {
      before.activities.push(row);
      const moved = activityRow({ ...(stripRow(row) as Activity), contactId: keepId, updatedAt: now });
      // The same message already logged on the survivor: this copy is tombstoned rather than kept twice.
      const duplicate = moved.messageKey ? await activities.index('byMessageKey').getKey(moved.messageKey) : undefined;
      await putRecord(
        tx,
        'activities',
        duplicate ? activityRow({ ...(stripRow(row) as Activity), deletedAt: now, updatedAt: now }) : moved,
      );
    }
    const tasks = tx.objectStore('tasks');
    for (const task of await tasks.index('byContact').getAll(dropId)) {
      before.tasks.push(task);
      await putRecord(tx, 'tasks', { ...task, contactId: keepId, updatedAt: now });
    }
    const record: MergeRecord = { id: newId(now), keepId, dropId, mergedAt: now, undoneAt: null, before };
    await tx.objectStore('merges').put(record);
    return { contact: merged, mergeId: record.id };
  });
}

export interface UnmergeResult {
  keep: Contact;
  drop: Contact;
}

const emailSet = (contact: Contact) => new Set(contact.emails.map((e) => normaliseEmail(e.address)));

/**
 * The survivor as it would be had the merge not happened, keeping what the rep changed on it since: the addresses
 * and phones that came with the dropped contact leave, and a field the merge filled goes back to empty while it
 * still holds what the merge put there.
 */
function survivorWithout(current: Contact, keepBefore: Contact, dropBefore: Contact, now: number): Contact {
  const keptEmails = emailSet(keepBefore);
  const movedEmails = new Set([...emailSet(dropBefore)].filter((e) => !keptEmails.has(e)));
  const movedPhones = new Set(
    dropBefore.phones.filter((p) => !keepBefore.phones.some((k) => k.number === p.number)).map((p) => p.number),
  );
  const filled = <K extends 'jobTitle' | 'companyId' | 'sourceId' | 'ownerId'>(field: K): Contact[K] =>
    !keepBefore[field] && current[field] === dropBefore[field] ? keepBefore[field] : current[field];
  const custom = { ...current.custom };
  for (const [key, value] of Object.entries(dropBefore.custom)) {
    if (!(key in keepBefore.custom) && custom[key] === value) delete custom[key];
  }
  return {
    ...current,
    emails: current.emails.filter((e) => !movedEmails.has(normaliseEmail(e.address))),
    phones: current.phones.filter((p) => !movedPhones.has(p.number)),
    jobTitle: filled('jobTitle'),
    companyId: filled('companyId'),
    sourceId: filled('sourceId'),
    ownerId: filled('ownerId'),
    custom,
    updatedAt: now,
  };
}

/**
 * Undoes a merge in one transaction. A row nobody has touched since the merge is put back exactly as it was (so a
 * merge and its undo leave the store as it was); a row changed since keeps the change and only loses what the
 * merge did to it. Refused, with nothing written, when the survivor has since been deleted or merged on, or when
 * another contact has since taken one of the dropped contact's addresses.
 */
export async function undoMerge(db: CrmDb, mergeId: string, now: number): Promise<UnmergeResult> {
  const tx = recordTx(db, MERGE_STORES);
  return commit(tx, async () => {
    const merges = tx.objectStore('merges');
    const record = await merges.get(mergeId);
    if (!record) throw new StoreError('not-found', 'This merge is not on record.');
    if (record.undoneAt !== null) throw new StoreError('conflict', 'This merge has already been undone.');
    const { keepId, dropId, mergedAt, before } = record;
    const contacts = tx.objectStore('contacts');
    const [keepNow, dropNow] = await Promise.all([contacts.get(keepId), contacts.get(dropId)]);
    if (!dropNow || dropNow.deletedAt === null || dropNow.mergedInto !== keepId) {
      throw new StoreError('conflict', `${before.drop.name} is no longer merged into ${before.keep.name}.`);
    }
    if (!keepNow || keepNow.deletedAt !== null) {
      throw new StoreError(
        'conflict',
        keepNow?.mergedInto
          ? `${keepNow.name} has since been merged into another contact: undo that merge first.`
          : `${before.keep.name} has since been deleted: restore it first.`,
      );
    }
    const untouched = (row: { updatedAt: number }) => row.updatedAt === mergedAt;
    const companyName = companyNameLookup(tx.objectStore('companies'));

    // The survivor first: it gives the moved addresses back before the dropped contact claims them again.
    let keepRow: ContactRow;
    if (untouched(keepNow)) keepRow = before.keep;
    else {
      const keep = survivorWithout(toContact(keepNow), toContact(before.keep), toContact(before.drop), now);
      keepRow = contactRow(keep, await companyName(keep.companyId));
    }
    await putRecord(tx, 'contacts', keepRow);
    for (const address of before.drop.emailKeys) {
      const holder = await contacts.index('byEmail').get(address);
      if (holder && holder.id !== dropId) {
        throw new StoreError('conflict', `${address} now belongs to ${holder.name}: move it back to undo this merge.`);
      }
    }
    if (untouched(dropNow)) await putRecord(tx, 'contacts', before.drop);
    else {
      const drop: Contact = { ...toContact(dropNow), deletedAt: null, mergedInto: null, updatedAt: now };
      await putRecord(tx, 'contacts', contactRow(drop, await companyName(drop.companyId)));
    }

    await putBack(recordStore(tx, 'deals'), before.deals, mergedAt, (current, old) => {
      const ids = current.contactIds.filter((id) => id !== dropId);
      const keepWasThere = old.contactIds.includes(keepId);
      const contactIds = keepWasThere ? [...ids, dropId] : ids.map((id) => (id === keepId ? dropId : id));
      return { ...current, contactIds: [...new Set(contactIds)], updatedAt: now };
    });
    await putBack(recordStore(tx, 'activities'), before.activities, mergedAt, (current, old) => {
      const activity = stripRow(current) as Activity;
      const deletedAt = activity.deletedAt === mergedAt && old.deletedAt === null ? null : activity.deletedAt;
      const contactId = activity.contactId === keepId ? dropId : activity.contactId;
      return activityRow({ ...activity, contactId, deletedAt, updatedAt: now });
    });
    await putBack(recordStore(tx, 'tasks'), before.tasks, mergedAt, (current) =>
      current.contactId === keepId ? { ...current, contactId: dropId, updatedAt: now } : null,
    );
    await merges.put({ ...record, undoneAt: now });
    return { keep: toContact(keepRow), drop: toContact((await contacts.get(dropId)) as ContactRow) };
  });
}

/**
 * Puts each journaled row back as it was when nobody has touched it since the merge; otherwise writes what `repair`
 * makes of its current version (nothing when it answers null). A row gone from the store is left gone.
 */
async function putBack<R extends { id: string; updatedAt: number }>(
  store: { get(id: string): Promise<R | undefined>; put(row: R): Promise<unknown> },
  journaled: readonly R[],
  mergedAt: number,
  repair: (current: R, old: R) => R | null,
): Promise<void> {
  for (const old of journaled) {
    const current = await store.get(old.id);
    if (!current) continue;
    const next = current.updatedAt === mergedAt ? old : repair(current, old);
    if (next) await store.put(next);
  }
}

export interface MergeSummary {
  id: string;
  dropId: string;
  dropName: string;
  mergedAt: number;
}

/** The merges into a contact that can still be undone, newest first. */
export async function mergesInto(db: CrmDb, keepId: string): Promise<MergeSummary[]> {
  const records = await db.getAllFromIndex('merges', 'byKeep', keepId);
  return records
    .filter((r) => r.undoneAt === null)
    .sort((a, b) => b.mergedAt - a.mergedAt)
    .map((r) => ({ id: r.id, dropId: r.dropId, dropName: r.before.drop.name, mergedAt: r.mergedAt }));
}

/** A name as a set of words, whatever their order and case: "Kim Dara", "dara  KIM" and "Dara Kim" are one. */
function nameWords(name: string): string {
  return foldText(name)
    .split(/[\s,]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * Other live contacts with the same name as this one, words in any order (Khmer names are written family name first,
 * many English exports put it last): found through the search index, never a scan.
 */
export async function possibleDuplicates(db: CrmDb, contact: Contact, limit = 5): Promise<Contact[]> {
  const words = nameWords(contact.name);
  if (!words) return [];
  const found = await searchContacts(db, contact.name, 50);
  return found.filter((c) => c.id !== contact.id && nameWords(c.name) === words).slice(0, limit);
}
