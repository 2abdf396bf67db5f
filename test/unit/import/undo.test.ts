import { beforeEach, describe, expect, it } from 'vitest';
import { createContact, getContact, updateContact } from '@/lib/db/contacts';
import type { CrmDb } from '@/lib/db/schema';
import { getImport, setImportStatus } from '@/lib/import/journal';
import { undoImport } from '@/lib/import/undo';
import { CONTACTS_CSV, contactsCsv, dumpStores, freshDb, importCsv, NOW } from './helpers';

let db: CrmDb;

beforeEach(async () => {
  db = await freshDb();
});

describe('undoing an import', () => {
  it('restores updated records exactly and tombstones created ones, freeing their addresses', async () => {
    const kept = await createContact(
      db,
      { name: 'Dara', emails: [{ address: 'dara@angkor-trade.com.kh' }], jobTitle: 'Buyer' },
      NOW - 5000,
    );
    await createContact(db, { name: 'Untouched', emails: [{ address: 'other@example.com' }] }, NOW - 5000);
    const before = await dumpStores(db);

    const { importId } = await importCsv(db, CONTACTS_CSV, 'contact', 'update', { batchSize: 1, now: NOW + 1000 });
    expect((await getContact(db, kept.id))?.name).toBe('សុខ ដារ៉ា');

    const result = await undoImport(db, importId, NOW + 2000, 2);
    expect(result.remaining).toBeGreaterThan(0);
    const rest = await undoImport(db, importId, NOW + 2000);
    expect(rest.remaining).toBe(0);
    expect(result.restored + rest.restored).toBe(1);

    const after = await dumpStores(db);
    const live = <T extends { deletedAt: number | null }>(rows: T[]) => rows.filter((r) => r.deletedAt === null);
    expect(live(after.contacts)).toEqual(before.contacts);
    expect(live(after.companies)).toEqual(before.companies);
    expect(live(after.activities)).toEqual(before.activities);
    const created = after.contacts.filter((c) => !before.contacts.some((b) => b.id === c.id));
    expect(created).toHaveLength(2);
    expect(created.every((c) => c.deletedAt === NOW + 2000 && c.emailKeys.length === 0)).toBe(true);
    expect((await getImport(db, importId))?.status).toBe('undone');

    // The addresses are free again: the same person can be added by hand.
    await expect(
      createContact(db, { name: 'Sophea', emails: [{ address: 'sophea@mekong.example' }] }, NOW + 3000),
    ).resolves.toMatchObject({ name: 'Sophea' });
    // An undone import takes no more rows.
    await expect(setImportStatus(db, importId, 'running', NOW)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('leaves a record the rep edited after the import as the rep left it', async () => {
    const stored = await createContact(db, { name: 'Dara', emails: [{ address: 'dara@angkor-trade.com.kh' }] }, NOW);
    const { importId } = await importCsv(db, CONTACTS_CSV, 'contact', 'update', { now: NOW + 1000 });
    await updateContact(db, stored.id, { jobTitle: 'Director' }, NOW + 1500);
    const result = await undoImport(db, importId, NOW + 2000);
    expect(result).toMatchObject({ kept: 1, restored: 0, remaining: 0 });
    expect((await getContact(db, stored.id))?.jobTitle).toBe('Director');
  });

  it('undoes an interrupted import too', async () => {
    const { importId } = await importCsv(db, contactsCsv(30), 'contact', 'skip', { chunkRows: 10, stopAfterChunks: 2 });
    expect((await db.getAll('contacts')).filter((c) => c.deletedAt === null)).toHaveLength(20);
    await undoImport(db, importId, NOW + 10);
    expect((await db.getAll('contacts')).filter((c) => c.deletedAt === null)).toHaveLength(0);
    expect((await db.getAll('companies')).filter((c) => c.deletedAt === null)).toHaveLength(0);
  });
});
