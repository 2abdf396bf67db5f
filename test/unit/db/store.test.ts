import { beforeEach, describe, expect, it } from 'vitest';
import { activitiesForContact, addActivity, logEmails } from '@/lib/db/activities';
import { contactCard, contactIdsForEmails } from '@/lib/db/card';
import { createCompany, deleteCompany, findCompanyByDomain, updateCompany } from '@/lib/db/companies';
import { listPipelines, savePipeline } from '@/lib/db/config';
import {
  addEmailToContact,
  captureContact,
  createContact,
  findContactByEmail,
  getContact,
  setContactDeleted,
  updateContact,
} from '@/lib/db/contacts';
import { createDeal, dealsForContact, setDealDeleted, updateDeal } from '@/lib/db/deals';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { searchContacts } from '@/lib/db/search';
import { createTask, openTasks } from '@/lib/db/tasks';
import { mergeContacts } from '@/lib/merges/store';
import { refusal } from '../refusal';

let db: CrmDb;
let n = 0;
const NOW = Date.UTC(2026, 10, 23, 3, 0);

beforeEach(async () => {
  db = await openCrmDb(`store-${n++}`, () => NOW);
});

describe('contacts', () => {
  it('finds a contact by any address, whatever its case or spaces, and keeps the address as given', async () => {
    const c = await createContact(
      db,
      {
        name: 'Dara Kim',
        emails: [{ address: ' Dara.Kim+Quotes@AngkorTrade.com.kh ' }, { address: 'dara@gmail.com' }],
      },
      NOW,
    );
    expect((await findContactByEmail(db, 'dara.kim+quotes@angkortrade.com.kh'))?.id).toBe(c.id);
    expect((await findContactByEmail(db, 'DARA@GMAIL.COM'))?.id).toBe(c.id);
    expect(c.emails[0]?.address).toBe('Dara.Kim+Quotes@AngkorTrade.com.kh');
  });

  it('refuses an invalid record with the field and the reason, writing nothing', async () => {
    const error = await refusal(createContact(db, { name: '  ', emails: [{ address: 'x@y.com' }] }, NOW));
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('name');
    expect(error.message).toContain('name: is required');
    const bad = await refusal(createContact(db, { name: 'A', emails: [{ address: 'not-an-email' }] }, NOW));
    expect(bad.field).toBe('emails.0.address');
    expect(await db.count('contacts')).toBe(0);
  });

  it('refuses an address that already belongs to another contact, naming the owner', async () => {
    const first = await createContact(db, { name: 'Sokha', emails: [{ address: 'sokha@nbc.gov.kh' }] }, NOW);
    const error = await refusal(createContact(db, { name: 'Other', emails: [{ address: 'SOKHA@nbc.gov.kh' }] }, NOW));
    expect(error.code).toBe('conflict');
    expect(error.details.contactId).toBe(first.id);
    expect(await db.count('contacts')).toBe(1);
  });

  it('captures from an email once: a second capture returns the same contact', async () => {
    const a = await captureContact(db, { name: 'Sokha', email: 'sokha@nbc.gov.kh', sourceId: null }, NOW);
    const b = await captureContact(db, { name: 'Sokha C.', email: 'Sokha@NBC.gov.kh', sourceId: null }, NOW);
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.contact.id).toBe(a.contact.id);
    expect(await db.count('contacts')).toBe(1);
    expect(a.company?.name).toBe('Nbc');
    expect((await findCompanyByDomain(db, 'nbc.gov.kh'))?.id).toBe(a.company?.id);
  });

  it('never makes a company from a free-mail domain', async () => {
    const { contact, company } = await captureContact(
      db,
      { name: 'Vanna', email: 'vanna@gmail.com', sourceId: null },
      NOW,
    );
    expect(company).toBeNull();
    expect(contact.companyId).toBeNull();
    expect(await db.count('companies')).toBe(0);
  });

  it('links a second colleague to the company found by domain', async () => {
    const a = await captureContact(db, { name: 'A', email: 'a@angkortrade.com.kh', sourceId: null }, NOW);
    const b = await captureContact(db, { name: 'B', email: 'b@AngkorTrade.com.kh', sourceId: null }, NOW);
    expect(b.contact.companyId).toBe(a.contact.companyId);
    expect(await db.count('companies')).toBe(1);
  });

  it('adds a second address to an existing contact instead of a duplicate', async () => {
    const c = await createContact(db, { name: 'Dara', emails: [{ address: 'dara@angkortrade.com.kh' }] }, NOW);
    await addEmailToContact(db, c.id, 'dara.kim@gmail.com', NOW);
    expect((await findContactByEmail(db, 'dara.kim@gmail.com'))?.id).toBe(c.id);
  });

  it('deletes as a tombstone that gives its addresses up, and undo takes them back', async () => {
    const c = await createContact(db, { name: 'Dara', emails: [{ address: 'dara@x.com' }] }, NOW);
    await setContactDeleted(db, c.id, true, NOW);
    expect(await findContactByEmail(db, 'dara@x.com')).toBeNull();
    expect((await getContact(db, c.id))?.deletedAt).toBe(NOW);
    await setContactDeleted(db, c.id, false, NOW);
    expect((await findContactByEmail(db, 'dara@x.com'))?.id).toBe(c.id);
  });

  it('merges two contacts in one transaction, re-pointing deals, activities and tasks', async () => {
    const keep = await createContact(db, { name: 'Sokha Chan', emails: [{ address: 'sokha@nbc.gov.kh' }] }, NOW);
    const drop = await createContact(
      db,
      {
        name: 'Sokha',
        emails: [{ address: 'sokha@gmail.com' }],
        phones: [{ number: '012 345 678' }],
        jobTitle: 'Buyer',
      },
      NOW,
    );
    const [pipeline] = await listPipelines(db);
    const deal = await createDeal(
      db,
      { title: 'Trucks', pipelineId: pipeline!.id, stageId: pipeline!.stages[0]!.id, contactIds: [drop.id] },
      NOW,
    );
    await addActivity(db, { type: 'note', occurredAt: NOW, contactId: drop.id, body: 'met at the fair' }, NOW);
    await createTask(db, { title: 'Call', dueAt: NOW + 1, contactId: drop.id }, NOW);

    const { contact: merged } = await mergeContacts(db, keep.id, drop.id, NOW + 5);
    expect(merged.emails.map((e) => e.address)).toEqual(['sokha@nbc.gov.kh', 'sokha@gmail.com']);
    expect(merged.jobTitle).toBe('Buyer');
    expect((await findContactByEmail(db, 'sokha@gmail.com'))?.id).toBe(keep.id);
    expect((await getContact(db, drop.id))?.mergedInto).toBe(keep.id);
    expect((await dealsForContact(db, keep.id)).map((d) => d.id)).toEqual([deal.id]);
    expect(await activitiesForContact(db, keep.id)).toHaveLength(1);
    expect((await openTasks(db))[0]?.contactId).toBe(keep.id);
  });

  it('searches by any word start, in Khmer too, without returning deleted contacts', async () => {
    await createContact(db, { name: 'សុខ ចាន់ធី', emails: [{ address: 'sokha@nbc.gov.kh' }] }, NOW);
    const gone = await createContact(db, { name: 'Chan Dara', emails: [] }, NOW);
    await setContactDeleted(db, gone.id, true, NOW);
    expect((await searchContacts(db, 'ចាន់')).map((c) => c.name)).toEqual(['សុខ ចាន់ធី']);
    expect((await searchContacts(db, 'nbc')).map((c) => c.name)).toEqual(['សុខ ចាន់ធី']);
    expect(await searchContacts(db, 'chan')).toEqual([]);
  });

  it('walks past the first batch when the matches lie beyond it', async () => {
    for (let i = 0; i < 120; i++)
      await createContact(db, { name: `Sok Aa${String(i).padStart(3, '0')}`, emails: [] }, NOW);
    const zed = await createContact(db, { name: 'Sok Zed', emails: [] }, NOW);
    expect((await searchContacts(db, 'sok zed', 1)).map((c) => c.id)).toEqual([zed.id]);
    expect(await searchContacts(db, 'sok', 20)).toHaveLength(20);
  });

  it('answers words of different fields in full when one of them is rare enough', async () => {
    for (let i = 0; i < 60; i++) await createContact(db, { name: `Zed Aa${i}`, emails: [] }, NOW);
    for (let i = 0; i < 20; i++) await createContact(db, { name: `Bopha ${i}`, emails: [], jobTitle: 'Buyer' }, NOW);
    const zed = await createContact(db, { name: 'Zed Bb', emails: [], jobTitle: 'Buyer' }, NOW);
    // No pair key holds a name word and a job title; the "buyer" range is short enough to be read whole.
    expect((await searchContacts(db, 'zed buyer')).map((c) => c.id)).toEqual([zed.id]);
    expect((await searchContacts(db, 'buyer zed')).map((c) => c.id)).toEqual([zed.id]);
  });

  it('finds a person by name and company together', async () => {
    const mekong = await createCompany(db, { name: 'Mekong Freight', domains: [] }, NOW);
    const bopha = await createContact(db, { name: 'Bopha Keo', emails: [], companyId: mekong.id }, NOW);
    await createContact(db, { name: 'Bopha Lim', emails: [] }, NOW);
    expect((await searchContacts(db, 'bopha mek')).map((c) => c.id)).toEqual([bopha.id]);
    expect((await searchContacts(db, 'keo mekong')).map((c) => c.id)).toEqual([bopha.id]);
  });

  it('tries the words of a hyphenated query apart when it starts no key whole', async () => {
    const company = await createCompany(db, { name: 'Angkor Logistics', domains: ['angkorlog.com'] }, NOW);
    const dara = await createContact(db, { name: 'Dara', emails: [], companyId: company.id }, NOW);
    expect((await searchContacts(db, 'angkor-logistics')).map((c) => c.id)).toEqual([dara.id]);
    expect((await searchContacts(db, 'dara.kim')).map((c) => c.id)).toEqual([]);
  });

  it('re-keys contacts when their company is renamed', async () => {
    const { contact, company } = await captureContact(
      db,
      { name: 'A', email: 'a@sokha-logistics.com', sourceId: null },
      NOW,
    );
    await updateCompany(db, company!.id, { name: 'ក្រុមហ៊ុនដឹកជញ្ជូនសុខា' }, NOW);
    expect((await searchContacts(db, 'ដឹកជញ្ជូន')).map((c) => c.id)).toEqual([contact.id]);
  });
});

describe('companies, deals, activities', () => {
  it('makes a task or a note once when the same request is sent again', async () => {
    const requestId = crypto.randomUUID();
    const first = await createTask(db, { title: 'Call back', dueAt: NOW + 1 }, NOW, requestId);
    const again = await createTask(db, { title: 'Call back', dueAt: NOW + 1 }, NOW + 5, requestId);
    expect(again).toEqual(first);
    expect(first.id).toBe(requestId);
    expect(await db.count('tasks')).toBe(1);

    const noteId = crypto.randomUUID();
    const note = await addActivity(db, { type: 'note', occurredAt: NOW, body: 'met' }, NOW, noteId);
    expect(await addActivity(db, { type: 'note', occurredAt: NOW, body: 'met' }, NOW + 5, noteId)).toEqual(note);
    expect(await db.count('activities')).toBe(1);
    // Without a request id, each call is a new record.
    await createTask(db, { title: 'Call back', dueAt: NOW + 1 }, NOW);
    expect(await db.count('tasks')).toBe(2);
  });

  it('deletes a company and unlinks its contacts and deals in one go', async () => {
    const { contact, company } = await captureContact(db, { name: 'A', email: 'a@acme.com.kh', sourceId: null }, NOW);
    const [pipeline] = await listPipelines(db);
    const deal = await createDeal(
      db,
      { title: 'D', pipelineId: pipeline!.id, stageId: pipeline!.stages[0]!.id, companyId: company!.id },
      NOW,
    );
    const result = await deleteCompany(db, company!.id, NOW);
    expect(result).toMatchObject({ contactIds: [contact.id], dealIds: [deal.id] });
    expect((await getContact(db, contact.id))?.companyId).toBeNull();
    expect(await findCompanyByDomain(db, 'acme.com.kh')).toBeNull();
  });

  it('refuses a deal in a stage that is not in its pipeline', async () => {
    const [pipeline] = await listPipelines(db);
    const error = await refusal(
      createDeal(db, { title: 'X', pipelineId: pipeline!.id, stageId: crypto.randomUUID() }, NOW),
    );
    expect(error.field).toBe('stageId');
    expect(await db.count('deals')).toBe(0);
  });

  it('stamps stage changes and closing', async () => {
    const [pipeline] = await listPipelines(db);
    const deal = await createDeal(db, { title: 'X', pipelineId: pipeline!.id, stageId: pipeline!.stages[0]!.id }, NOW);
    const moved = await updateDeal(db, deal.id, { stageId: pipeline!.stages[2]!.id }, NOW + 10);
    expect(moved.stageChangedAt).toBe(NOW + 10);
    const won = await updateDeal(db, deal.id, { status: 'won' }, NOW + 20);
    expect(won.closedAt).toBe(NOW + 20);
  });

  it('keeps deals from being lost when a stage is removed', async () => {
    const [pipeline] = await listPipelines(db);
    const stage = pipeline!.stages[1]!;
    await createDeal(db, { title: 'X', pipelineId: pipeline!.id, stageId: stage.id }, NOW);
    const error = await refusal(
      savePipeline(db, { ...pipeline!, stages: pipeline!.stages.filter((s) => s.id !== stage.id) }, NOW),
    );
    expect(error.code).toBe('conflict');
    expect((await listPipelines(db))[0]?.stages).toHaveLength(4);
  });

  it('lets a stage go when only deleted deals stood in it', async () => {
    const [pipeline] = await listPipelines(db);
    const stage = pipeline!.stages[1]!;
    const deal = await createDeal(db, { title: 'X', pipelineId: pipeline!.id, stageId: stage.id }, NOW);
    await setDealDeleted(db, deal.id, true, NOW);
    const saved = await savePipeline(
      db,
      { ...pipeline!, stages: pipeline!.stages.filter((s) => s.id !== stage.id) },
      NOW,
    );
    expect(saved.stages).toHaveLength(3);
  });

  it('logs each email message once per contact, however often the thread is opened', async () => {
    const c = await createContact(db, { name: 'A', emails: [{ address: 'a@x.com' }] }, NOW);
    const draft = {
      type: 'email' as const,
      occurredAt: NOW,
      contactId: c.id,
      messageId: 'msg-f:1',
      threadId: 't1',
      subject: 'Hi',
      direction: 'inbound' as const,
    };
    expect(await logEmails(db, [draft], NOW)).toHaveLength(1);
    expect(await logEmails(db, [draft, { ...draft, messageId: 'msg-f:2' }], NOW)).toHaveLength(1);
    expect(await activitiesForContact(db, c.id)).toHaveLength(2);
    expect((await getContact(db, c.id))?.lastContactedAt).toBe(NOW);
  });

  it('builds the sidebar card through indexes', async () => {
    const c = await createContact(db, { name: 'A', emails: [{ address: 'a@x.com' }] }, NOW);
    await createTask(db, { title: 'Later', dueAt: NOW + 2000, contactId: c.id }, NOW);
    await createTask(db, { title: 'Sooner', dueAt: NOW + 1000, contactId: c.id }, NOW);
    for (let i = 0; i < 8; i++) await addActivity(db, { type: 'call', occurredAt: NOW + i, contactId: c.id }, NOW);
    const card = await contactCard(db, c.id);
    expect(card?.nextTask?.title).toBe('Sooner');
    expect(card?.recentActivities.map((a) => a.occurredAt)).toEqual([NOW + 7, NOW + 6, NOW + 5, NOW + 4, NOW + 3]);
    expect(await contactIdsForEmails(db, ['A@X.com', 'b@x.com'])).toEqual({ 'a@x.com': c.id, 'b@x.com': null });
  });

  it('refuses to update a deleted contact', async () => {
    const c = await createContact(db, { name: 'A', emails: [] }, NOW);
    await setContactDeleted(db, c.id, true, NOW);
    expect((await refusal(updateContact(db, c.id, { name: 'B' }, NOW))).code).toBe('not-found');
  });
});
