import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activitiesForContact } from '@/lib/db/activities';
import { createContact, findContactByEmail, getContact } from '@/lib/db/contacts';
import type { CrmDb } from '@/lib/db/schema';
import { searchContacts } from '@/lib/db/search';
import { applyImportBatch, applyImportRows } from '@/lib/import/apply';
import { importChunks } from '@/lib/import/chunks';
import { getImport, listImports, startImport } from '@/lib/import/journal';
import { ImportBatchError } from '@/lib/import/prepare';
import { importRowId } from '@/lib/import/row-ids';
import { undoImport } from '@/lib/import/undo';
import { newContactRow } from '../../fixtures/import/contact-row';
import { CONTACTS_CSV, contactsCsv, freshDb, importCsv, NOW, planCsv, runImport } from './helpers';

let db: CrmDb;

beforeEach(async () => {
  db = await freshDb();
});

/** A new contact row with a name and one address. */
const contactRow = (row: number, name: string, address: string) =>
  newContactRow(row, { name, emails: [{ address }], provided: ['name', 'email'] });

describe('applying an import', () => {
  it('stores every planned contact, findable by email and by a Khmer name, with companies and notes', async () => {
    const plan = await planCsv(db, CONTACTS_CSV, 'contact', 'skip');
    expect(plan.summary).toEqual({ new: 3, updated: 0, skipped: 0, invalid: 0 });
    const { importId } = await runImport(db, plan, 'contact');

    const dara = await findContactByEmail(db, 'DARA@angkor-trade.com.kh');
    expect(dara?.name).toBe('សុខ ដារ៉ា');
    expect(dara?.phones).toEqual([{ number: '012 345 678' }]);
    expect(dara?.id).toBe(importRowId(importId, 1));
    expect((await searchContacts(db, 'ដារ៉ា', 10)).map((c) => c.id)).toEqual([dara?.id]);

    // One company per distinct name, linked from both of its rows.
    const kim = await findContactByEmail(db, 'dara.kim@example.com');
    expect(kim?.companyId).toBe(dara?.companyId);
    const company = await db.get('companies', dara?.companyId ?? '');
    expect(company?.name).toBe('Angkor Trade');
    expect((await db.getAll('companies')).length).toBe(2);

    // The notes column became a note activity.
    const notes = await activitiesForContact(db, dara?.id ?? '');
    expect(notes.map((a) => [a.type, a.body])).toEqual([['note', 'Met at the Phnom Penh expo']]);

    const record = await getImport(db, importId);
    expect(record).toMatchObject({ status: 'done', processedRows: 3, totalRows: 3 });
    expect((await listImports(db)).map((r) => r.id)).toEqual([importId]);
  });

  it('updates a stored contact with the non-empty cells of its row and keeps the rest', async () => {
    const stored = await createContact(
      db,
      { name: 'Dara', emails: [{ address: 'dara@angkor-trade.com.kh' }], jobTitle: 'Buyer', lifecycle: 'customer' },
      NOW - 1000,
    );
    const plan = await planCsv(db, CONTACTS_CSV, 'contact', 'update');
    expect(plan.summary).toMatchObject({ new: 2, updated: 1 });
    await runImport(db, plan, 'contact');
    const after = await getContact(db, stored.id);
    expect(after).toMatchObject({ name: 'សុខ ដារ៉ា', jobTitle: 'Buyer', lifecycle: 'customer' });
    expect(after?.phones).toEqual([{ number: '012 345 678' }]);
  });

  it('writes nothing of a batch that fails validation, and reports the row', async () => {
    const record = await startImport(db, { entity: 'contacts', fileName: 'bad.csv', totalRows: 3 }, NOW);
    const rows = [
      contactRow(1, 'Good One', 'one@example.com'),
      // Passes the wire but not the model: a name over 200 characters.
      contactRow(2, 'x'.repeat(201), 'two@example.com'),
      contactRow(3, 'Good Three', 'three@example.com'),
    ];
    const error = await applyImportBatch(db, record.id, rows, 3, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportBatchError);
    expect((error as ImportBatchError).rows).toEqual([{ row: 2, reason: expect.stringContaining('name') }]);
    expect(await db.count('contacts')).toBe(0);
    expect((await getImport(db, record.id))?.processedRows).toBe(0);

    // The chunk driver leaves the refused row out and writes the others.
    const result = await applyImportRows(db, record.id, rows, 3, NOW);
    expect(result).toMatchObject({ processedRows: 3, created: 2, rejected: [{ row: 2 }] });
    expect(await db.count('contacts')).toBe(2);
  });

  it('writes nothing of a batch when the store refuses one of its writes, and says so', async () => {
    const record = await startImport(db, { entity: 'contacts', fileName: 'race.csv', totalRows: 3 }, NOW);
    const rows = [1, 2, 3].map((row) => contactRow(row, `Person ${row}`, `person${row}@example.com`));
    // The second contact's write claims the first one's address, as a write racing the batch could: the unique
    // index refuses it inside the batch's transaction, after every check the batch makes before writing.
    const add = IDBObjectStore.prototype.add;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      const row = value as { emailKeys?: string[] };
      const clash = this.name === 'contacts' && row.emailKeys?.[0] === 'person2@example.com';
      return add.call(this, clash ? { ...row, emailKeys: ['person1@example.com'] } : value, key);
    });
    const error = await applyImportBatch(db, record.id, rows, 3, NOW)
      .catch((e: unknown) => e)
      .finally(() => spy.mockRestore());
    expect(error).toBeInstanceOf(Error);
    expect(await db.count('contacts')).toBe(0);
    expect((await getImport(db, record.id))?.processedRows).toBe(0);

    // Nothing was half-written: the same batch goes in whole once the store accepts it.
    expect(await applyImportBatch(db, record.id, rows, 3, NOW)).toMatchObject({ created: 3 });
    expect(await db.count('contacts')).toBe(3);
  });

  it('refuses an address another contact took after planning, instead of aborting the batch', async () => {
    const plan = await planCsv(db, CONTACTS_CSV, 'contact', 'skip');
    await createContact(db, { name: 'Someone else', emails: [{ address: 'sophea@mekong.example' }] }, NOW);
    const { rejected } = await runImport(db, plan, 'contact');
    expect(rejected).toEqual([{ row: 2, reason: 'sophea@mekong.example already belongs to another contact' }]);
    expect(await db.count('contacts')).toBe(3);
  });

  it('resumes an interrupted import after its last whole batch, without duplicates', async () => {
    // Row 120 repeats row 3's address: with "update" it updates the contact row 3 created.
    const csv = `${contactsCsv(250)}\nPerson Three Again,person3@example.com,Company 3`;
    const plan = await planCsv(db, csv, 'contact', 'update');
    expect(plan.summary).toMatchObject({ new: 250, updated: 1 });
    const { importId } = await runImport(db, plan, 'contact', { chunkRows: 100, batchSize: 40, stopAfterChunks: 1 });
    const interrupted = await getImport(db, importId);
    expect(interrupted).toMatchObject({ status: 'running', processedRows: 100 });
    expect(await db.count('contacts')).toBe(100);

    // The rep chooses the file again: it is planned against the store as it now is, and sent from row 101.
    const again = await planCsv(db, csv, 'contact', 'update');
    await runImport(db, again, 'contact', { importId, afterRow: 100, chunkRows: 100, batchSize: 40 });
    expect(await db.count('contacts')).toBe(250);
    expect((await findContactByEmail(db, 'person3@example.com'))?.name).toBe('Person Three Again');
    expect((await getImport(db, importId))?.processedRows).toBe(251);
    expect((await db.getAll('companies')).filter((c) => c.deletedAt === null)).toHaveLength(7);
  });

  it('cuts chunks by row count and by size', async () => {
    const plan = await planCsv(db, contactsCsv(25), 'contact', 'skip');
    const byRows = [...importChunks(plan, new Map(), 0, 10)];
    expect(byRows.map((c) => [c.rows.length, c.throughRow])).toEqual([
      [10, 10],
      [10, 20],
      [5, 25],
    ]);
    const bySize = [...importChunks(plan, new Map(), 5, 1000, 1500)];
    expect(bySize.every((c) => JSON.stringify(c.rows).length <= 1500 + 400)).toBe(true);
    expect(bySize.at(-1)?.throughRow).toBe(25);
    expect(bySize.reduce((sum, c) => sum + c.rows.length, 0)).toBe(20);
  });
});

describe('importing companies and deals', () => {
  it('imports companies, then deals linked to them and to contacts by email', async () => {
    await importCsv(
      db,
      'Company name,Website\nAngkor Trade,angkor-trade.com.kh\nMekong Rice,mekongrice.com',
      'company',
      'skip',
    );
    await createContact(db, { name: 'Dara', emails: [{ address: 'dara@angkor-trade.com.kh' }] }, NOW);
    const deals = await planCsv(
      db,
      'Deal name,Amount,Currency,Company,Contact email\nRice 40t,4100000,KHR,Angkor Trade,dara@angkor-trade.com.kh',
      'deal',
      'skip',
    );
    expect(deals.summary).toMatchObject({ new: 1, invalid: 0 });
    await runImport(db, deals, 'deal');
    const [deal] = await db.getAll('deals');
    const dara = await findContactByEmail(db, 'dara@angkor-trade.com.kh');
    expect(deal?.value).toEqual({ amount: 4_100_000, currency: 'KHR' });
    expect(deal?.contactIds).toEqual([dara?.id]);
    expect((await db.get('companies', deal?.companyId ?? ''))?.name).toBe('Angkor Trade');
  });

  it("a company renamed by an import takes its people's keys along, and undo brings them back", async () => {
    await importCsv(db, 'Company name,Website\nAngkor Trade,angkor-trade.com.kh', 'company', 'skip');
    const [company] = await db.getAll('companies');
    const dara = await createContact(db, { name: 'Dara Kim', emails: [], companyId: company?.id ?? null }, NOW);
    const keysOf = async () => (await db.get('contacts', dara.id))?.searchKeys ?? [];
    expect(await keysOf()).toContain('dara angkor');

    const rename = await planCsv(db, 'Company name,Website\nBayon Freight,angkor-trade.com.kh', 'company', 'update');
    expect(rename.summary).toMatchObject({ updated: 1 });
    const { importId } = await runImport(db, rename, 'company', { now: NOW + 5 });
    expect(await keysOf()).toContain('dara bayon');
    expect((await keysOf()).some((key) => key.includes('angkor'))).toBe(false);

    await undoImport(db, importId, NOW + 10);
    expect((await db.get('companies', company?.id ?? ''))?.name).toBe('Angkor Trade');
    expect(await keysOf()).toContain('dara angkor');
    expect((await keysOf()).some((key) => key.includes('bayon'))).toBe(false);
  });
});
