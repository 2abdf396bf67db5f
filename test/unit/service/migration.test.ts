import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openCrmDb } from '@/lib/db/open';
import { DB_VERSION } from '@/lib/db/schema';
import { activitySchema, BUILT_IN_KIND_IDS } from '@/lib/model';
import { serviceFigures } from '@/lib/service/figures';
import { listKinds, loadServiceRecords, threadRecord } from '@/lib/service/store';
import { createV6Schema, V6_DATA } from '../../fixtures/db/v6';

/** A v6 database as it shipped, with its rows: built from the frozen schema, then upgraded by the current code. */
async function v6Database(name: string) {
  const old = await openDB(name, 6, { upgrade: (db, _from, _to, tx) => createV6Schema(db, tx) });
  const { settings, ...stores } = V6_DATA;
  for (const [store, rows] of Object.entries(stores)) {
    for (const row of rows as object[]) await old.put(store, row);
  }
  await old.put('settings', settings, 'settings');
  old.close();
  return openCrmDb(name);
}

describe('rung 8: kinds of thread and their threads', () => {
  it('seeds inquiry, complaint and other with their targets, and leaves every v6 row as it was', async () => {
    const db = await v6Database('service-upgrade-v6');
    expect(db.version).toBe(DB_VERSION);
    const kinds = await listKinds(db);
    expect(kinds.map((kind) => [kind.id, kind.builtIn, kind.targetMinutes])).toEqual([
      [BUILT_IN_KIND_IDS.inquiry, 'inquiry', 480],
      [BUILT_IN_KIND_IDS.complaint, 'complaint', 240],
      [BUILT_IN_KIND_IDS.other, 'other', null],
    ]);
    expect(await db.count('serviceThreads')).toBe(0);
    expect(await threadRecord(db, 'any-thread')).toBeNull();
    // Activities logged before scores existed read as having none, and the figures run over them.
    const activities = await db.getAll('activities');
    expect(activities).toHaveLength(V6_DATA.activities.length);
    for (const row of activities) expect(activitySchema.parse(row)).toMatchObject({ score: null, threadKindId: null });
    const records = await loadServiceRecords(db, { from: 0, to: Date.UTC(2027, 0, 1) });
    expect(records.scores).toEqual([]);
    const figures = serviceFigures(
      { ...records, settings: V6_DATA.settings, now: Date.UTC(2026, 11, 6) },
      { from: 0, to: Date.UTC(2027, 0, 1) },
      'month',
    );
    expect(figures.overall.received).toBe(0);
    for (const store of ['contacts', 'companies', 'deals', 'tasks'] as const) {
      expect(await db.count(store)).toBe((V6_DATA[store] as unknown[]).length);
    }
    db.close();
  });

  it('gives a brand-new profile the same kinds, with the same ids a teammate has', async () => {
    const db = await openCrmDb('service-fresh');
    expect((await listKinds(db)).map((kind) => kind.id)).toEqual(Object.values(BUILT_IN_KIND_IDS));
    db.close();
  });
});
