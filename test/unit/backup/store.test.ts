import { beforeEach, describe, expect, it } from 'vitest';
import { restoreSteps } from '@/components/dashboard/export/restore-steps';
import { type BackupData, createBackup, mergeBackup, parseBackup } from '@/lib/backup/format';
import { isProfileEmpty, putBackupRecords, readBackupData, replaceBackupConfig } from '@/lib/backup/store';
import { logEmails } from '@/lib/db/activities';
import { createCompany, updateCompany } from '@/lib/db/companies';
import { listPipelines, savePropertyDef, saveRep, updateSettings } from '@/lib/db/config';
import { createContact, setContactDeleted, updateContact } from '@/lib/db/contacts';
import { createDeal } from '@/lib/db/deals';
import type { CrmDb } from '@/lib/db/schema';
import { createTask } from '@/lib/db/tasks';
import { newRecordBase } from '@/lib/model';
import { dumpStores, freshDb, importCsv, NOW } from '../import/helpers';

/** A profile with one of everything, Khmer text, a tombstone, a renamed company and a logged email. */
async function richProfile(db: CrmDb): Promise<void> {
  await importCsv(
    db,
    'ឈ្មោះ,អ៊ីមែល,ក្រុមហ៊ុន,Notes\nសុខ ដារ៉ា,dara@angkor-trade.com.kh,Angkor Trade,ជួបនៅពិព័រណ៍\nDara Kim,kim@example.com,,',
    'contact',
    'skip',
  );
  const [company] = await db.getAll('companies');
  await updateCompany(db, company?.id ?? '', { name: 'អង្គរ ត្រេដ', domains: ['angkor-trade.com.kh'] }, NOW + 1);
  const rep = await saveRep(
    db,
    { ...newRecordBase(NOW), name: 'Sokha', email: 'sokha@sidecar.example', accountEmails: [] },
    NOW,
  );
  await savePropertyDef(
    db,
    {
      ...newRecordBase(NOW),
      entity: 'contact',
      key: 'province',
      label: 'ខេត្ត',
      type: 'text',
      options: [],
      required: false,
      order: 0,
    },
    NOW,
  );
  const contact = await createContact(
    db,
    {
      name: 'ចាន់ សុភា',
      emails: [{ address: 'sophea@mekong.example' }],
      ownerId: rep.id,
      custom: { province: 'សៀមរាប' },
    },
    NOW + 2,
  );
  const gone = await createContact(db, { name: 'Gone', emails: [{ address: 'gone@example.com' }] }, NOW);
  await setContactDeleted(db, gone.id, true, NOW + 3);
  const [pipeline] = await listPipelines(db);
  const deal = await createDeal(
    db,
    {
      title: 'អង្ករ ៤០ តោន',
      pipelineId: pipeline?.id ?? '',
      stageId: pipeline?.stages[1]?.id ?? '',
      value: { amount: 4_100_000, currency: 'KHR' },
      contactIds: [contact.id],
      companyId: company?.id ?? null,
    },
    NOW + 4,
  );
  await logEmails(
    db,
    [{ type: 'email', occurredAt: NOW, contactId: contact.id, messageId: 'm1', threadId: 't1', subject: 'Rice' }],
    NOW + 5,
  );
  await createTask(
    db,
    {
      title: 'Call back',
      note: '',
      dueAt: NOW + 86_400_000,
      kind: 'todo',
      contactId: contact.id,
      dealId: deal.id,
      threadId: null,
      accountIndex: null,
      watch: null,
    },
    NOW + 6,
  );
  await updateContact(db, contact.id, { jobTitle: 'Buyer' }, NOW + 7);
  await updateSettings(db, { language: 'km', defaultCurrency: 'KHR' });
}

/** What the export page's restore does: the configuration first (replace only), then the records in chunks. */
async function restore(db: CrmDb, data: BackupData, mode: 'replace' | 'merge', chunk = 2) {
  if (mode === 'replace') await replaceBackupConfig(db, data);
  const totals = { written: 0, unchanged: 0, conflicts: [] as { id: string; reason: string }[] };
  for (const step of restoreSteps(data, mode, chunk)) {
    const result = await putBackupRecords(db, step, mode);
    totals.written += result.written;
    totals.unchanged += result.unchanged;
    totals.conflicts.push(...result.conflicts);
  }
  return totals;
}

describe('backup and restore', () => {
  let db: CrmDb;
  beforeEach(async () => {
    db = await freshDb();
    await richProfile(db);
  });

  it('round-trips: export → wipe → restore gives identical stores', async () => {
    const backup = createBackup(await readBackupData(db), NOW + 10);
    const parsed = parseBackup(JSON.parse(JSON.stringify(backup)));
    if (!parsed.ok) throw new Error(parsed.error.message);

    const wiped = await freshDb();
    expect(await isProfileEmpty(wiped)).toBe(true);
    await restore(wiped, parsed.value.data, 'replace');
    expect(await dumpStores(wiped)).toEqual(await dumpStores(db));
  });

  it('refuses to replace into a profile that holds records', async () => {
    const data = await readBackupData(db);
    await expect(replaceBackupConfig(db, data)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('merges: new records added, newer versions win, older ones and address clashes left out', async () => {
    const data = await readBackupData(db);
    const target = await freshDb();
    const sophea = data.contacts.find((c) => c.name === 'ចាន់ សុភា');
    const dara = data.contacts.find((c) => c.name === 'សុខ ដារ៉ា');
    if (!sophea || !dara) throw new Error('fixture');
    // The target profile knows Sophea already, edited later than the backup; another contact has Dara's address.
    await restore(target, { ...data, contacts: [{ ...sophea, jobTitle: 'Director', updatedAt: NOW + 100 }] }, 'merge');
    await createContact(target, { name: 'Other Dara', emails: [{ address: 'dara@angkor-trade.com.kh' }] }, NOW);

    const merged = mergeBackup(await readBackupData(target), data);
    const totals = await restore(target, { ...data, ...merged.write }, 'merge');
    expect(totals.conflicts).toEqual([
      { id: dara.id, reason: 'dara@angkor-trade.com.kh already belongs to another contact' },
    ]);
    expect((await target.get('contacts', sophea.id))?.jobTitle).toBe('Director');
    expect((await target.get('deals', data.deals[0]?.id ?? ''))?.title).toBe('អង្ករ ៤០ តោន');
    // Restoring the same backup again changes nothing.
    const again = await restore(target, data, 'merge');
    expect(again.written).toBe(0);
  });

  it("a newer company from a merged backup takes its people's search keys with it", async () => {
    const source = await freshDb();
    const company = await createCompany(source, { name: 'Angkor Trade', domains: [] }, NOW);
    const dara = await createContact(source, { name: 'Dara Kim', emails: [], companyId: company.id }, NOW);
    const before = await readBackupData(source);
    await updateCompany(source, company.id, { name: 'Bayon Trade' }, NOW + 5);
    const after = await readBackupData(source);

    const target = await freshDb();
    await restore(target, before, 'replace');
    expect((await target.get('contacts', dara.id))?.searchKeys).toContain('dara angkor');
    await restore(target, after, 'merge');
    const keys = (await target.get('contacts', dara.id))?.searchKeys ?? [];
    expect(keys).toContain('dara bayon');
    expect(keys.some((key) => key.includes('angkor'))).toBe(false);
  });
});
