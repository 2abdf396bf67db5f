import { beforeEach, describe, expect, it } from 'vitest';
import { createCompany } from '@/lib/db/companies';
import { listPipelines } from '@/lib/db/config';
import { createContact } from '@/lib/db/contacts';
import { createDeal } from '@/lib/db/deals';
import type { CrmDb } from '@/lib/db/schema';
import { exportCsv } from '@/lib/export/store';
import { skippedRows, warnedRows } from '@/lib/import/plan';
import { freshDb, importCsv, NOW, planCsv } from './helpers';

let db: CrmDb;

beforeEach(async () => {
  db = await freshDb();
});

const live = async () => ({
  contacts: (await db.getAll('contacts')).filter((c) => c.deletedAt === null),
  companies: (await db.getAll('companies')).filter((c) => c.deletedAt === null),
  deals: (await db.getAll('deals')).filter((d) => d.deletedAt === null),
});

/** People without an email address, as a shop's phone list has them: a company, a phone, or both. */
const PHONE_LIST = [
  'Name,Company,Phone',
  'សុខ ដារ៉ា,Angkor Trade,',
  'Bopha Chea,,012 345 678',
  'Vanna Ouk,Mekong Rice,097 111 222',
].join('\r\n');

describe('contacts without an email address', () => {
  it('are matched on a second import of the same file: no new contact, skipped or updated', async () => {
    await importCsv(db, PHONE_LIST, 'contact', 'skip');
    const first = (await live()).contacts.map((c) => c.id).sort();
    expect(first).toHaveLength(3);

    const again = await planCsv(db, PHONE_LIST, 'contact', 'skip');
    expect(again.summary).toEqual({ new: 0, updated: 0, skipped: 3, invalid: 0 });
    expect(again.rows.map((row) => row.reasons)).toEqual([
      ['a contact with name សុខ ដារ៉ា and company Angkor Trade already exists'],
      ['a contact with name Bopha Chea and phone 012 345 678 already exists'],
      ['a contact with name Vanna Ouk and company Mekong Rice already exists'],
    ]);
    await importCsv(db, PHONE_LIST, 'contact', 'update');
    expect((await live()).contacts.map((c) => c.id).sort()).toEqual(first);
  });

  it('match ignoring case, spaces, zero-width spaces, composed forms and how the phone is written', async () => {
    await importCsv(db, PHONE_LIST, 'contact', 'skip');
    const written = [
      'Name,Company,Phone',
      // A zero-width space between the Khmer words, as Khmer keyboards put there.
      'សុខ\u200bដារ៉ា,ANGKOR  trade,',
      '  bopha   CHEA ,,+855 12 345 678',
      'Vanna Ouk,,(097) 111-222',
    ].join('\n');
    const plan = await planCsv(db, written, 'contact', 'update');
    expect(plan.summary).toEqual({ new: 0, updated: 3, skipped: 0, invalid: 0 });
    const accented = await planCsv(
      db,
      'Name,Phone\nJose\u0301 Sok,011 222 333\nJosé Sok,011 222 333',
      'contact',
      'skip',
    );
    expect(accented.rows.map((row) => [row.action, row.reasons])).toEqual([
      ['new', []],
      ['skip', ['duplicate of row 1 (same name José Sok and phone 011 222 333)']],
    ]);
  });

  it('match a contact that has an email, and a row of the same file that has one', async () => {
    const company = await createCompany(db, { name: 'Angkor Trade' }, NOW);
    const dara = await createContact(
      db,
      { name: 'Dara Kim', emails: [{ address: 'dara@angkortrade.com.kh' }], companyId: company.id },
      NOW,
    );
    const csv = 'Name,Email,Company\nDara Kim,,Angkor Trade\nHeng Lim,heng@mekong.example,Mekong\nheng lim,,Mekong';
    const plan = await planCsv(db, csv, 'contact', 'update');
    expect(plan.rows.map((row) => row.action)).toEqual(['update', 'new', 'update']);
    expect(plan.rows[0]).toMatchObject({ target: { kind: 'existing', id: dara.id } });
    expect(plan.rows[2]).toMatchObject({ target: { kind: 'row', row: 2 } });
  });

  it('warn before making a second contact when only the name matches', async () => {
    await importCsv(db, PHONE_LIST, 'contact', 'skip');
    const plan = await planCsv(db, 'Name,Company\nBopha Chea,Lucky Retail\nSok Heng,\nSok Heng,', 'contact', 'skip');
    expect(plan.rows.map((row) => [row.action, row.reasons])).toEqual([
      ['new', ['another contact is named Bopha Chea']],
      ['new', []],
      ['new', ['row 2 has the same name']],
    ]);
    expect(warnedRows(plan)).toEqual([
      { row: 1, reasons: ['another contact is named Bopha Chea'] },
      { row: 3, reasons: ['row 2 has the same name'] },
    ]);
  });
});

const TIME_ZONE = 'Asia/Phnom_Penh';

describe('our own export, imported again', () => {
  it('updates the same contacts through the ID column, making none', async () => {
    const company = await createCompany(db, { name: 'Angkor Trade', domains: ['angkortrade.com.kh'] }, NOW);
    await createContact(
      db,
      { name: 'Dara Kim', emails: [{ address: 'dara@angkortrade.com.kh' }], companyId: company.id },
      NOW,
    );
    await createContact(db, { name: 'សុខ ចាន់ធី', phones: [{ number: '+855 12 345 678' }] }, NOW);
    await createContact(db, { name: 'Vanna', companyId: company.id }, NOW);
    await createContact(db, { name: 'Vanna' }, NOW);
    const before = (await live()).contacts;
    const csv = await exportCsv(db, 'contacts', TIME_ZONE);

    const skip = await planCsv(db, csv, 'contact', 'skip');
    expect(skip.summary).toEqual({ new: 0, updated: 0, skipped: 4, invalid: 0 });
    expect(skip.rows[0]?.reasons[0]).toMatch(/^a contact with ID [0-9a-f-]{36} already exists$/);
    await importCsv(db, csv, 'contact', 'update');
    const after = (await live()).contacts;
    expect(after.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
    for (const contact of after) {
      const was = before.find((c) => c.id === contact.id);
      expect({ ...contact, updatedAt: 0 }).toEqual({ ...was, updatedAt: 0 });
    }
  });

  it('updates the same companies and deals', async () => {
    const company = await createCompany(db, { name: 'Mekong Rice', domains: ['mekongrice.com.kh'] }, NOW);
    const [sales] = await listPipelines(db);
    const deal = await createDeal(
      db,
      {
        title: 'Rice, 10 tons',
        value: { amount: 4_100_000, currency: 'KHR' },
        pipelineId: sales!.id,
        stageId: sales!.stages[1]!.id,
        contactIds: [],
        companyId: company.id,
      },
      NOW,
    );
    await importCsv(db, await exportCsv(db, 'companies', TIME_ZONE), 'company', 'update');
    const dealsCsv = await exportCsv(db, 'deals', TIME_ZONE);
    expect((await planCsv(db, dealsCsv, 'deal', 'update')).summary).toMatchObject({ new: 0, updated: 1 });
    await importCsv(db, dealsCsv, 'deal', 'update');
    const { companies, deals } = await live();
    expect(companies.map((c) => c.id)).toEqual([company.id]);
    expect(deals).toEqual([expect.objectContaining({ ...deal, updatedAt: NOW, searchKeys: expect.any(Array) })]);
  });

  it('treats an ID that names no record of ours as no ID at all', async () => {
    const plan = await planCsv(
      db,
      'ID,Name,Phone\n12345,Dara,011 111 111\nb0000000-0000-4000-8000-000000000001,Heng,022 222 222',
      'contact',
      'skip',
    );
    expect(plan.summary).toEqual({ new: 2, updated: 0, skipped: 0, invalid: 0 });
  });
});

describe('the rows an import skips', () => {
  it('are named with their reason, a row differing from an earlier one only by letter case too', async () => {
    const csv = 'Name,Email\nHeng Lim,heng@example.com\nBad,not-an-email\nHENG LIM,HENG@Example.COM';
    const plan = await planCsv(db, csv, 'contact', 'skip');
    expect(skippedRows(plan)).toEqual([
      { row: 2, action: 'invalid', reasons: ['Email: "not-an-email" is not an email address'] },
      { row: 3, action: 'skip', reasons: ['duplicate of row 1 (same email heng@example.com)'] },
    ]);
  });
});
