import { beforeEach, describe, expect, it } from 'vitest';
import { addActivity, logEmails } from '@/lib/db/activities';
import { createCompany } from '@/lib/db/companies';
import { listPipelines } from '@/lib/db/config';
import { createContact, findContactByEmail, getContact, setContactDeleted, updateContact } from '@/lib/db/contacts';
import { createDeal, updateDeal } from '@/lib/db/deals';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { searchContacts } from '@/lib/db/search';
import { createTask } from '@/lib/db/tasks';
import { mergeContacts, mergesInto, possibleDuplicates, undoMerge } from '@/lib/merges/store';
import { refusal } from '../refusal';

let db: CrmDb;
let n = 0;
const NOW = Date.UTC(2026, 10, 23, 3, 0);
const STORES = ['contacts', 'companies', 'deals', 'activities', 'tasks'] as const;

beforeEach(async () => {
  db = await openCrmDb(`merges-${n++}`, () => NOW);
});

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const store of STORES) out[store] = await db.getAll(store);
  return out;
}

/** Two records of one person: the survivor from work mail, the duplicate from a personal address. */
async function twoSokhas() {
  const company = await createCompany(db, { name: 'ធនាគារជាតិនៃកម្ពុជា', domains: ['nbc.gov.kh'] }, NOW);
  const keep = await createContact(
    db,
    { name: 'សុខ ចាន់ធី', emails: [{ address: 'sokha.chan@nbc.gov.kh' }], custom: { budget: 1200 } },
    NOW,
  );
  const drop = await createContact(
    db,
    {
      name: 'Sokha',
      emails: [{ address: 'Sokha@Gmail.com' }],
      phones: [{ number: '012 345 678' }],
      jobTitle: 'Buyer',
      companyId: company.id,
      custom: { budget: 9, region: 'Kampot' },
    },
    NOW,
  );
  const [pipeline] = await listPipelines(db);
  const stage = { pipelineId: pipeline!.id, stageId: pipeline!.stages[0]!.id };
  const onlyDrop = await createDeal(db, { title: 'Trucks', ...stage, contactIds: [drop.id] }, NOW);
  const both = await createDeal(db, { title: 'Fleet', ...stage, contactIds: [keep.id, drop.id] }, NOW);
  await addActivity(db, { type: 'note', occurredAt: NOW, contactId: drop.id, body: 'met at the fair' }, NOW);
  // The same message logged on both records: after the merge the survivor keeps one copy.
  const message = {
    type: 'email' as const,
    occurredAt: NOW,
    threadId: 't1',
    messageId: 'm1',
    subject: 'Quote',
    direction: 'inbound' as const,
  };
  await logEmails(
    db,
    [
      { ...message, contactId: keep.id },
      { ...message, contactId: drop.id },
    ],
    NOW,
  );
  const task = await createTask(db, { title: 'Call', dueAt: NOW + 1, contactId: drop.id }, NOW);
  return { keep, drop, company, onlyDrop, both, task };
}

describe('merging contacts', () => {
  it('moves everything to the survivor, and undo leaves every store exactly as it was', async () => {
    const { keep, drop, company, onlyDrop, both, task } = await twoSokhas();
    const before = await snapshot();

    const { contact, mergeId } = await mergeContacts(db, keep.id, drop.id, NOW + 5);
    expect(contact.emails.map((e) => e.address)).toEqual(['sokha.chan@nbc.gov.kh', 'Sokha@Gmail.com']);
    expect(contact).toMatchObject({
      jobTitle: 'Buyer',
      companyId: company.id,
      custom: { budget: 1200, region: 'Kampot' },
    });
    expect((await findContactByEmail(db, 'sokha@gmail.com'))?.id).toBe(keep.id);
    expect((await db.get('deals', onlyDrop.id))?.contactIds).toEqual([keep.id]);
    expect((await db.get('deals', both.id))?.contactIds).toEqual([keep.id]);
    expect((await db.get('tasks', task.id))?.contactId).toBe(keep.id);
    const onKeep = await db.getAllFromIndex(
      'activities',
      'byContactTime',
      IDBKeyRange.bound([keep.id, 0], [keep.id, Infinity]),
    );
    expect(onKeep.filter((a) => a.deletedAt === null)).toHaveLength(2);
    expect(await mergesInto(db, keep.id)).toEqual([
      { id: mergeId, dropId: drop.id, dropName: 'Sokha', mergedAt: NOW + 5 },
    ]);

    const undone = await undoMerge(db, mergeId, NOW + 9);
    expect(undone.drop.deletedAt).toBeNull();
    expect(await snapshot()).toEqual(before);
    expect((await findContactByEmail(db, 'sokha@gmail.com'))?.id).toBe(drop.id);
    expect((await searchContacts(db, 'gmail')).map((c) => c.id)).toEqual([drop.id]);
    expect(await mergesInto(db, keep.id)).toEqual([]);
  });

  it('keeps what the rep changed after the merge, taking back only what the merge did', async () => {
    const { keep, drop, onlyDrop, both } = await twoSokhas();
    const { mergeId } = await mergeContacts(db, keep.id, drop.id, NOW + 5);
    await updateContact(
      db,
      keep.id,
      {
        name: 'Chan Sokha',
        emails: [{ address: 'sokha.chan@nbc.gov.kh' }, { address: 'Sokha@Gmail.com' }, { address: 'cs@nbc.gov.kh' }],
        custom: { budget: 1500, region: 'Kampot' },
      },
      NOW + 6,
    );
    await updateDeal(db, onlyDrop.id, { title: 'Trucks ×4' }, NOW + 7);
    await updateDeal(db, both.id, { title: 'Fleet 2027' }, NOW + 7);

    await undoMerge(db, mergeId, NOW + 9);
    const survivor = await getContact(db, keep.id);
    expect(survivor).toMatchObject({ name: 'Chan Sokha', jobTitle: '', companyId: null, phones: [] });
    expect(survivor?.emails.map((e) => e.address)).toEqual(['sokha.chan@nbc.gov.kh', 'cs@nbc.gov.kh']);
    expect(survivor?.custom).toEqual({ budget: 1500 });
    const back = await getContact(db, drop.id);
    expect(back).toMatchObject({ deletedAt: null, mergedInto: null, name: 'Sokha', jobTitle: 'Buyer' });
    expect((await findContactByEmail(db, 'sokha@gmail.com'))?.id).toBe(drop.id);
    expect(await db.get('deals', onlyDrop.id)).toMatchObject({ title: 'Trucks ×4', contactIds: [drop.id] });
    expect(await db.get('deals', both.id)).toMatchObject({ title: 'Fleet 2027', contactIds: [keep.id, drop.id] });
  });

  it('refuses an undo it cannot do cleanly, and writes nothing', async () => {
    const { keep, drop } = await twoSokhas();
    const third = await createContact(db, { name: 'Sokha C.', emails: [{ address: 'sc@nbc.gov.kh' }] }, NOW);
    const first = await mergeContacts(db, keep.id, drop.id, NOW + 5);

    // The survivor merged on into a third record: the later merge must be undone first.
    const later = await mergeContacts(db, third.id, keep.id, NOW + 6);
    let state = await snapshot();
    const onward = await refusal(undoMerge(db, first.mergeId, NOW + 7));
    expect(onward.code).toBe('conflict');
    expect(onward.message).toContain('undo that merge first');
    expect(await snapshot()).toEqual(state);
    await undoMerge(db, later.mergeId, NOW + 8);

    // One of the dropped contact's addresses moved to someone else since.
    await updateContact(db, keep.id, { emails: [{ address: 'sokha.chan@nbc.gov.kh' }] }, NOW + 9);
    await updateContact(
      db,
      third.id,
      { emails: [{ address: 'sc@nbc.gov.kh' }, { address: 'sokha@gmail.com' }] },
      NOW + 9,
    );
    state = await snapshot();
    const taken = await refusal(undoMerge(db, first.mergeId, NOW + 10));
    expect(taken.message).toBe('sokha@gmail.com now belongs to Sokha C.: move it back to undo this merge.');
    expect(await snapshot()).toEqual(state);

    await updateContact(db, third.id, { emails: [{ address: 'sc@nbc.gov.kh' }] }, NOW + 11);
    await undoMerge(db, first.mergeId, NOW + 12);
    expect((await refusal(undoMerge(db, first.mergeId, NOW + 13))).message).toBe('This merge has already been undone.');
    expect((await refusal(undoMerge(db, crypto.randomUUID(), NOW))).code).toBe('not-found');
  });

  it('asks for a deleted survivor to be restored before its merge is undone', async () => {
    const { keep, drop } = await twoSokhas();
    const { mergeId } = await mergeContacts(db, keep.id, drop.id, NOW + 5);
    await setContactDeleted(db, keep.id, true, NOW + 6);
    expect((await refusal(undoMerge(db, mergeId, NOW + 7))).message).toBe(
      'សុខ ចាន់ធី has since been deleted: restore it first.',
    );
    await setContactDeleted(db, keep.id, false, NOW + 8);
    await undoMerge(db, mergeId, NOW + 9);
    expect((await getContact(db, drop.id))?.deletedAt).toBeNull();
  });

  it('refuses to merge a contact with itself or with a deleted one', async () => {
    const { keep, drop } = await twoSokhas();
    expect((await refusal(mergeContacts(db, keep.id, keep.id, NOW))).code).toBe('invalid');
    await setContactDeleted(db, drop.id, true, NOW + 1);
    expect((await refusal(mergeContacts(db, keep.id, drop.id, NOW + 2))).code).toBe('not-found');
    expect(await db.count('merges')).toBe(0);
  });
});

describe('possible duplicates', () => {
  it('are the other live contacts of the same name, words in any order and case, in Khmer too', async () => {
    const dara = await createContact(db, { name: 'Dara Kim', emails: [{ address: 'dara@angkortrade.com.kh' }] }, NOW);
    const reversed = await createContact(db, { name: 'KIM  Dara', emails: [{ address: 'dara.kim@gmail.com' }] }, NOW);
    await createContact(db, { name: 'Dara Kimsan' }, NOW);
    await createContact(db, { name: 'Dara' }, NOW);
    const gone = await createContact(db, { name: 'dara kim' }, NOW);
    await setContactDeleted(db, gone.id, true, NOW);
    expect((await possibleDuplicates(db, dara)).map((c) => c.id)).toEqual([reversed.id]);
    expect((await possibleDuplicates(db, reversed)).map((c) => c.id)).toEqual([dara.id]);

    const sokha = await createContact(db, { name: 'សុខ ចាន់ធី' }, NOW);
    const sokhaAgain = await createContact(db, { name: 'ចាន់ធី សុខ' }, NOW);
    await createContact(db, { name: 'សុខ ចាន់' }, NOW);
    expect((await possibleDuplicates(db, sokha)).map((c) => c.id)).toEqual([sokhaAgain.id]);

    await mergeContacts(db, dara.id, reversed.id, NOW + 1);
    expect(await possibleDuplicates(db, dara)).toEqual([]);
  });
});
