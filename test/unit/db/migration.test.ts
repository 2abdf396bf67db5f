import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { contactCard } from '@/lib/db/card';
import { getSettings, listSources } from '@/lib/db/config';
import { findContactByEmail } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import { DB_VERSION } from '@/lib/db/schema';
import { searchCompanies, searchContacts, searchDeals } from '@/lib/db/search';
import { openTasks } from '@/lib/db/tasks';
import { activitySchema, companySchema, contactSchema, dealSchema, settingsSchema, taskSchema } from '@/lib/model';
import { createV1Schema, V1_DATA, V1_IDS } from '../../fixtures/db/v1';

async function seedV1(name: string) {
  const db = await openDB(name, 1, { upgrade: (database) => createV1Schema(database) });
  const tx = db.transaction(
    Object.keys(V1_DATA).filter((s) => s !== 'settings'),
    'readwrite',
  );
  for (const [store, rows] of Object.entries(V1_DATA)) {
    if (store === 'settings') continue;
    for (const row of rows as object[]) await tx.objectStore(store).put(row);
  }
  await tx.done;
  await db.put('settings', V1_DATA.settings, 'settings');
  db.close();
}

describe('upgrading a v1 database', () => {
  it('keeps every record and setting, and backfills the search index', async () => {
    await seedV1('upgrade-v1');
    const db = await openCrmDb('upgrade-v1');
    expect(db.version).toBe(DB_VERSION);

    for (const [store, schema] of [
      ['contacts', contactSchema],
      ['companies', companySchema],
      ['deals', dealSchema],
      ['activities', activitySchema],
      ['tasks', taskSchema],
    ] as const) {
      const rows = await db.getAll(store);
      expect(rows).toHaveLength((V1_DATA[store] as unknown[]).length);
      for (const row of rows) expect(schema.safeParse(row).success).toBe(true);
    }
    const before = V1_DATA.contacts[0]!;
    const after = await db.get('contacts', V1_IDS.sokha);
    expect(after).toMatchObject({ ...before, emailKeys: before.emailKeys });
    expect(after?.searchKeys.length).toBeGreaterThan(0);

    expect(settingsSchema.parse(await getSettings(db))).toEqual(V1_DATA.settings);
    expect((await findContactByEmail(db, 'SOKHA.CHAN@nbc.gov.kh'))?.id).toBe(V1_IDS.sokha);
    expect((await searchContacts(db, 'ចាន់ធី')).map((c) => c.id)).toEqual([V1_IDS.sokha]);
    // Contacts are keyed with their company's name, a Khmer compound found by a later syllable run.
    expect((await searchContacts(db, 'កម្ពុជា')).map((c) => c.id)).toEqual([V1_IDS.sokha]);
    expect((await searchCompanies(db, 'nbc')).map((c) => c.id)).toEqual([V1_IDS.company]);
    expect((await searchDeals(db, 'fleet')).map((d) => d.id)).toEqual([V1_IDS.deal]);
    expect(await searchContacts(db, 'removed')).toEqual([]);
    expect((await openTasks(db)).map((t) => t.id)).toEqual([V1_IDS.task]);
    const card = await contactCard(db, V1_IDS.sokha);
    expect(card?.company?.id).toBe(V1_IDS.company);
    expect(card?.openDeals.map((d) => d.id)).toEqual([V1_IDS.deal]);
    expect(card?.recentActivities.map((a) => a.id)).toEqual([V1_IDS.activity]);
    expect(db.objectStoreNames.contains('threadPrefs')).toBe(true);
    expect(db.objectStoreNames.contains('imports')).toBe(true);
    db.close();
  });

  it('seeds defaults on a brand-new database', async () => {
    const db = await openCrmDb('fresh');
    const settings = await getSettings(db);
    expect(settings.defaultCurrency).toBe('USD');
    expect(settings.enabledCurrencies).toEqual(['USD', 'KHR']);
    const pipelines = await db.getAll('pipelines');
    expect(pipelines.map((p) => p.stages.map((s) => s.name))).toEqual([['Connect', 'Qualify', 'Demo', 'Close']]);
    expect(settings.defaultPipelineId).toBe(pipelines[0]?.id);
    expect((await listSources(db)).map((s) => s.key)).toEqual([
      'trade-show',
      'website-form',
      'webinar',
      'referral',
      'email',
      'other',
    ]);
    db.close();
  });
});
