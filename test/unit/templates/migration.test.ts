import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openCrmDb } from '@/lib/db/open';
import { TEAM_KEY } from '@/lib/db/record-write';
import { DB_VERSION } from '@/lib/db/schema';
import { seedTemplates, templateSchema } from '@/lib/model';
import { newClock } from '@/lib/sync/hlc';
import { pushRequestSchema } from '@/lib/sync/protocol';
import { seedOutbox } from '@/lib/team/seed';
import { listTemplates, markTemplateUsed } from '@/lib/templates/store';
import { createV1Schema, V1_DATA } from '../../fixtures/db/v1';
import { createV6Schema, V6_DATA } from '../../fixtures/db/v6';

const NOW = Date.UTC(2026, 11, 6, 4, 0);

/** A database as v6 (or v1) shipped, its rows written as they were then, closed for the current code to open. */
async function frozen(name: string, version: 1 | 6) {
  const [schema, data] = version === 6 ? [createV6Schema, V6_DATA] : [createV1Schema, V1_DATA];
  const db = await openDB(name, version, { upgrade: (database, _old, _new, tx) => schema(database, tx) });
  for (const [store, rows] of Object.entries(data)) {
    if (store === 'settings') await db.put('settings', rows, 'settings');
    else for (const row of rows as object[]) await db.put(store, row);
  }
  db.close();
  return data;
}

describe('the templates rung (v9)', () => {
  it('seeds a brand-new database with the English and Khmer templates', async () => {
    const db = await openCrmDb('templates-new', () => NOW);
    const templates = await listTemplates(db);
    expect(templates.map((t) => t.id).sort()).toEqual(
      seedTemplates()
        .map((t) => t.id)
        .sort(),
    );
    for (const template of templates) expect(templateSchema.parse(template)).toEqual(template);
    db.close();
  });

  it('seeds an upgraded v6 database and leaves its records as they were', async () => {
    await frozen('templates-v6', 6);
    const db = await openCrmDb('templates-v6', () => NOW);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('templates')).toBe(6);
    for (const store of ['contacts', 'companies', 'activities', 'tasks', 'reps', 'deals'] as const) {
      expect(await db.count(store)).toBe(V6_DATA[store].length);
    }
    const kept = V6_DATA.contacts[0] as { id: string; name: string };
    expect(await db.get('contacts', kept.id)).toMatchObject({ id: kept.id, name: kept.name });
    // A lone rep: the seeds are written by the upgrade, not queued for any team.
    expect(await db.count('outbox')).toBe(0);
    db.close();
  });

  it('climbs from v1 to the templates in one open', async () => {
    const data = await frozen('templates-v1', 1);
    const db = await openCrmDb('templates-v1', () => NOW);
    expect(await db.count('templates')).toBe(6);
    expect(await db.count('contacts')).toBe(data.contacts.length);
    db.close();
  });

  it('sends the seeds to a team once joined, as the same records from every browser, in bodies the service takes', async () => {
    const db = await openCrmDb('templates-join', () => NOW);
    const deviceId = 'dev_t1';
    await db.put(
      'sync',
      {
        serverUrl: 'https://crm.lucky.kh',
        team: { id: '0195f0a0-0000-7000-8000-000000000001', name: 'Lucky Retail' },
        rep: { id: '0195f0a0-0000-7000-8000-000000000002', name: 'Dara', email: 'dara@lucky.kh', role: 'rep' },
        deviceId,
        deviceName: 'Laptop',
        token: 'secret',
        joinedAt: NOW,
        cursor: 0,
        teamVersion: 0,
        clock: newClock(deviceId),
        nextSeq: 1,
        seeded: false,
        reps: [],
        lastSyncAt: null,
        lastError: null,
      },
      TEAM_KEY,
    );
    await seedOutbox(db);
    await markTemplateUsed(db, seedTemplates()[0]!.id, NOW);
    const mutations = (await db.getAll('outbox')).filter((m) => m.entity === 'templates');
    expect(mutations).toHaveLength(7);
    // The use is one field change, not the template again.
    expect(Object.keys(mutations[6]!.fields).sort()).toEqual(['lastUsedAt', 'usageCount']);
    const first = mutations[0]!.seq;
    expect(
      pushRequestSchema.safeParse({ deviceId, mutations: mutations.map((m, i) => ({ ...m, seq: first + i })) }),
    ).toMatchObject({ success: true });
    db.close();
  });
});
