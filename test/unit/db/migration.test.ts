import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { contactCard } from '@/lib/db/card';
import { getSettings, listSources } from '@/lib/db/config';
import { findContactByEmail } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import { DB_VERSION } from '@/lib/db/schema';
import { searchCompanies, searchContacts, searchDeals } from '@/lib/db/search';
import { openTasks } from '@/lib/db/tasks';
import { undoImport } from '@/lib/import/undo';
import { mergeContacts, mergesInto, undoMerge } from '@/lib/merges/store';
import { activitySchema, companySchema, contactSchema, dealSchema, settingsSchema, taskSchema } from '@/lib/model';
import { activitiesPerRepAndType } from '@/lib/reports/activity-figures';
import { responseTimeStats, waitingThreads } from '@/lib/reports/response-times';
import { analyseWinLoss } from '@/lib/winloss/analysis';
import { allReasonsAndCompetitors, listCloseReasons } from '@/lib/winloss/store';
import { createV1Schema, V1_DATA, V1_IDS } from '../../fixtures/db/v1';
import { createV2Schema, V2_DATA, V2_IDS } from '../../fixtures/db/v2';
import { createV3Schema, V3_DATA, V3_IDS } from '../../fixtures/db/v3';
import { createV4Schema, V4_DATA, V4_IDS } from '../../fixtures/db/v4';
import { createV5Schema, V5_DATA, V5_IDS } from '../../fixtures/db/v5';
import { createV6Schema, V6_DATA, V6_IDS } from '../../fixtures/db/v6';

// biome-ignore lint/suspicious/noExplicitAny: the frozen schemas are untyped on purpose
type Untyped = any;

/** A database built as an older version shipped: its frozen schema, then its frozen rows and settings. */
async function seedFrozen(
  name: string,
  version: number,
  createSchema: (db: IDBPDatabase<Untyped>, tx: IDBPTransaction<Untyped, string[], 'versionchange'>) => void,
  data: { settings: unknown } & Record<string, unknown>,
) {
  const db = await openDB(name, version, { upgrade: (database, _old, _new, tx) => createSchema(database, tx) });
  const stores = Object.keys(data).filter((s) => s !== 'settings');
  const tx = db.transaction(stores, 'readwrite');
  for (const store of stores) {
    for (const row of data[store] as object[]) await tx.objectStore(store).put(row);
  }
  await tx.done;
  await db.put('settings', data.settings, 'settings');
  db.close();
}

/** v10 gives every deal the win/loss fields, empty for an open one. */
const withWinLoss = <T extends object>(deal: T) => ({
  ...deal,
  closeReasonId: null,
  closeReasonOther: '',
  lostToCompetitorId: null,
  competitorIds: [],
});

describe('upgrading a v1 database', () => {
  it('keeps every record and setting, and backfills the search index', async () => {
    await seedFrozen('upgrade-v1', 1, createV1Schema, V1_DATA);
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
    expect(db.objectStoreNames.contains('merges')).toBe(true);
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

describe('upgrading a v2 database', () => {
  it('re-keys every searchable row and keeps everything else as it was', async () => {
    await seedFrozen('upgrade-v2', 2, createV2Schema, V2_DATA);
    const db = await openCrmDb('upgrade-v2');
    expect(db.version).toBe(DB_VERSION);
    const sokha = await db.get('contacts', V2_IDS.sokha);
    const { searchKeys: oldKeys, ...sokhaBefore } = V2_DATA.contacts[0]!;
    expect(sokha).toMatchObject(sokhaBefore);
    expect(sokha?.searchKeys).not.toEqual(oldKeys);
    // v2 kept "sokha" beside the address it starts; v3 drops such prefixes and adds name pairs.
    expect(sokha?.searchKeys).not.toContain('sokha');
    expect(sokha?.searchKeys).toContain('ចាន់ធី សុខ');
    expect((await db.get('companies', V2_IDS.company))?.searchKeys).not.toContain('nbc');
    expect((await db.get('deals', V2_IDS.deal))?.searchKeys).toContain('fleet tracking');
    expect((await db.get('contacts', V2_IDS.deleted))?.searchKeys).toEqual([]);

    expect((await searchContacts(db, 'ចាន់ធី សុខ')).map((c) => c.id)).toEqual([V2_IDS.sokha]);
    expect((await searchContacts(db, 'kim dara')).map((c) => c.id)).toEqual([V2_IDS.dara]);
    expect((await searchContacts(db, 'dara.kim')).map((c) => c.id)).toEqual([V2_IDS.dara]);
    expect((await searchContacts(db, 'កម្ពុជា')).map((c) => c.id)).toEqual([V2_IDS.sokha]);
    expect((await searchCompanies(db, 'nbc')).map((c) => c.id)).toEqual([V2_IDS.company]);
    expect((await searchDeals(db, 'fleet')).map((d) => d.id)).toEqual([V2_IDS.deal]);
    expect(await db.get('threadPrefs', '18c2f0a1b2c3d4e5')).toEqual(V2_DATA.threadPrefs[0]);
    expect(await db.count('imports')).toBe(2);
    db.close();
  });

  it('undoes an import made under v2 with the journaled row keyed the v3 way', async () => {
    await seedFrozen('upgrade-v2-undo', 2, createV2Schema, V2_DATA);
    const db = await openCrmDb('upgrade-v2-undo');
    const result = await undoImport(db, V2_IDS.importRun, Date.UTC(2026, 5, 4));
    expect(result.restored).toBe(1);
    const dara = await db.get('contacts', V2_IDS.dara);
    expect(dara?.jobTitle).toBe('Buyer');
    expect(dara?.searchKeys).toContain('dara kim');
    expect(dara?.searchKeys).not.toContain('dara');
    expect((await searchContacts(db, 'buyer')).map((c) => c.id)).toEqual([V2_IDS.dara]);
    db.close();
  });
});

describe('a connection closed under its holder', () => {
  it('steps aside for a deletion and tells its holder, who can open a new one', async () => {
    let closed = 0;
    const db = await openCrmDb('steps-aside', Date.now, () => closed++);
    await new Promise<void>((resolve, reject) => {
      const deletion = indexedDB.deleteDatabase('steps-aside');
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error);
    });
    expect(closed).toBe(1);
    expect(() => db.transaction('contacts')).toThrow();
    const again = await openCrmDb('steps-aside');
    expect(await again.count('contacts')).toBe(0);
    again.close();
  });
});

describe('upgrading a v3 database', () => {
  it('adds the merge journal and leaves every row as it was, a merge made under v3 included', async () => {
    await seedFrozen('upgrade-v3', 3, createV3Schema, V3_DATA);
    const db = await openCrmDb('upgrade-v3');
    expect(db.version).toBe(DB_VERSION);
    for (const store of ['contacts', 'companies', 'tasks', 'imports', 'threadPrefs'] as const) {
      expect(await db.getAll(store)).toEqual(
        [...(V3_DATA[store] as { id?: string; threadId?: string }[])].sort((a, b) =>
          (a.id ?? a.threadId ?? '').localeCompare(b.id ?? b.threadId ?? ''),
        ),
      );
    }
    expect(await db.getAll('deals')).toEqual(V3_DATA.deals.map(withWinLoss));
    // v5 adds two fields to activities, unknown for rows logged before.
    expect(await db.getAll('activities')).toEqual(
      V3_DATA.activities.map((row) => ({ ...row, timeSource: null, accountIndex: null })),
    );
    expect(await db.count('merges')).toBe(0);
    // The v3 merge kept no journal: nothing to undo, and the survivor still answers for the address it took.
    expect(await mergesInto(db, V3_IDS.sokha)).toEqual([]);
    expect((await findContactByEmail(db, 'sokha.personal@gmail.com'))?.id).toBe(V3_IDS.sokha);

    // A merge made after the upgrade, on the upgraded rows, is journaled and undone to exactly the rows of v3.
    const before = await db.getAll('contacts');
    const { mergeId } = await mergeContacts(db, V3_IDS.sokha, V3_IDS.dara, Date.UTC(2026, 10, 1));
    expect((await findContactByEmail(db, 'dara@gmail.com'))?.id).toBe(V3_IDS.sokha);
    await undoMerge(db, mergeId, Date.UTC(2026, 10, 2));
    expect(await db.getAll('contacts')).toEqual(before);
    db.close();
  });
});

describe('upgrading a v4 database', () => {
  it('gives each email logged without a rep the rep whose account logged it, so per-rep figures count it', async () => {
    await seedFrozen('upgrade-v4', 4, createV4Schema, V4_DATA);
    const db = await openCrmDb('upgrade-v4');
    expect(db.version).toBe(DB_VERSION);
    const rows = await db.getAll('activities');
    expect(rows).toHaveLength(V4_DATA.activities.length);
    for (const row of rows) expect(activitySchema.safeParse(row).success).toBe(true);
    const byId = new Map(rows.map((row) => [row.id, row]));
    // Matched on any of a rep's accounts, whatever the case Gmail wrote it in; a removed rep claims nothing.
    expect(byId.get(V4_IDS.salesReply)?.repId).toBe(V4_IDS.sophea);
    expect(byId.get(V4_IDS.vannakInbound)?.repId).toBe(V4_IDS.vannak);
    expect(byId.get(V4_IDS.formerInbound)?.repId).toBeNull();
    expect(byId.get(V4_IDS.activity)?.repId).toBeNull();
    expect(byId.get(V4_IDS.call)?.repId).toBe(V4_IDS.sophea);
    for (const row of rows) expect(row).toMatchObject({ timeSource: null, accountIndex: null });
    // Everything else of each row is as v4 stored it, the message key included (revisiting logs nothing twice).
    for (const before of V4_DATA.activities) {
      const { repId: _before, ...rest } = before;
      expect(byId.get(before.id)).toMatchObject(rest);
    }
    const salesKey = `msg-f:1813200000000000002|${V4_IDS.sokha}`;
    expect((await db.getFromIndex('activities', 'byMessageKey', salesKey))?.id).toBe(V4_IDS.salesReply);

    const activities = rows.map((row) => activitySchema.parse(row));
    const filter = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) };
    const settings = await getSettings(db);
    const perRep = activitiesPerRepAndType({
      deals: [],
      pipelines: [],
      tasks: [],
      contacts: [],
      activities,
      settings,
      now: filter.to,
      filter,
    });
    expect(perRep.map((r) => [r.repId, r.total])).toEqual([
      [V4_IDS.sophea, 2],
      [null, 1],
      [V4_IDS.vannak, 1],
    ]);
    const replies = responseTimeStats(activities, { ...filter, timeZone: 'Asia/Phnom_Penh' });
    expect(replies.byRep).toEqual([expect.objectContaining({ repId: V4_IDS.sophea, count: 1, medianMs: 3_600_000 })]);
    // The last word of the v4 thread came to a removed rep's mailbox: nobody is named to answer it.
    expect(waitingThreads(activities, filter.to).map((w) => [w.threadId, w.repId])).toEqual([
      ['18c2f0a1b2c3d4e5', null],
      ['18e7c1f2a9b0c3d4', null],
    ]);
    db.close();
  });
});

describe('upgrading a v5 database', () => {
  it('adds the team stores, empty, and leaves every record as it was', async () => {
    await seedFrozen('upgrade-v5', 5, createV5Schema, V5_DATA);
    const db = await openCrmDb('upgrade-v5');
    expect(db.version).toBe(DB_VERSION);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    for (const store of ['contacts', 'companies', 'activities', 'tasks', 'reps', 'pipelines'] as const) {
      expect(await db.getAll(store)).toEqual([...(V5_DATA[store] as { id: string }[])].sort(byId));
    }
    expect(await db.getAll('deals')).toEqual(V5_DATA.deals.map(withWinLoss).sort(byId));
    expect(await getSettings(db)).toEqual(V5_DATA.settings);
    // A lone rep: no membership, nothing queued, no clocks.
    expect(await db.get('sync', 'team')).toBeUndefined();
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('fieldClocks')).toBe(0);
    const timed = `msg-f:1814500000000000001|${V5_IDS.sokha}`;
    expect((await db.getFromIndex('activities', 'byMessageKey', timed))?.id).toBe(V5_IDS.timedReply);
    db.close();
  });

  it('climbs from v1 to the team stores in one open', async () => {
    await seedFrozen('upgrade-v1-v6', 1, createV1Schema, V1_DATA);
    const db = await openCrmDb('upgrade-v1-v6');
    for (const store of ['sync', 'outbox', 'fieldClocks'] as const)
      expect(db.objectStoreNames.contains(store)).toBe(true);
    expect(await db.count('contacts')).toBe(V1_DATA.contacts.length);
    db.close();
  });
});

describe('upgrading a v6 database', () => {
  it('keeps a lost deal’s free-text reason as "other", adds the reason lists and finds deals by competitor', async () => {
    await seedFrozen('upgrade-v6', 6, createV6Schema, V6_DATA);
    const db = await openCrmDb('upgrade-v6');
    expect(db.version).toBe(DB_VERSION);
    const lost = await db.get('deals', V6_IDS.lostDeal);
    expect(lost).toMatchObject({
      status: 'lost',
      lostReason: 'តម្លៃខ្ពស់ជាងក្រុមហ៊ុនផ្សេង',
      closeReasonId: null,
      closeReasonOther: 'តម្លៃខ្ពស់ជាងក្រុមហ៊ុនផ្សេង',
      lostToCompetitorId: null,
      competitorIds: [],
    });
    expect(await db.get('deals', V6_IDS.wonDeal)).toMatchObject({ closeReasonId: null, closeReasonOther: '' });
    for (const row of await db.getAll('deals')) expect(dealSchema.safeParse(row).success).toBe(true);
    // The analysis reads the old reason as "other", in the rep's words.
    const analysis = analyseWinLoss({
      ...(await allReasonsAndCompetitors(db)),
      deals: (await db.getAll('deals')).map((row) => dealSchema.parse(row)),
      pipelines: V6_DATA.pipelines,
      settings: await getSettings(db),
      filter: { from: 0, to: Date.UTC(2027, 0, 1) },
    });
    expect(analysis.byReason.find((row) => row.outcome === 'lost')).toMatchObject({
      reason: { kind: 'other' },
      count: 1,
      words: ['តម្លៃខ្ពស់ជាងក្រុមហ៊ុនផ្សេង'],
    });
    const reasons = await listCloseReasons(db);
    expect(reasons.filter((r) => r.outcome === 'won').length).toBeGreaterThan(0);
    expect(reasons.filter((r) => r.outcome === 'lost').length).toBeGreaterThan(0);
    expect(await db.count('competitors')).toBe(0);
    // Everything else as it was.
    for (const store of ['contacts', 'companies', 'reps', 'pipelines'] as const) {
      expect(await db.count(store)).toBe((V6_DATA[store] as unknown[]).length);
    }
    expect(await getSettings(db)).toEqual(V6_DATA.settings);
    db.close();
  });
});
