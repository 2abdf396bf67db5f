import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openCrmDb } from '@/lib/db/open';
import { DB_VERSION } from '@/lib/db/schema';
import { addThreadFacts, forgetOldThreadFacts, KEEP_FACTS_MS, listThreadFacts } from '@/lib/db/thread-facts';
import { threadFactSchema } from '@/lib/model/inbox-seen';
import { createV6Schema, V6_DATA, V6_IDS } from '../../fixtures/db/v6';

const NOW = Date.UTC(2026, 11, 6, 3, 0);

/** A database as v6 shipped it, with its rows: the last version before thread facts (v7). */
async function seedV6(name: string) {
  const db = await openDB(name, 6, { upgrade: (database, _old, _new, tx) => createV6Schema(database, tx) });
  const stores = Object.keys(V6_DATA).filter((s) => s !== 'settings');
  const tx = db.transaction(stores, 'readwrite');
  for (const store of stores)
    for (const row of (V6_DATA as unknown as Record<string, object[]>)[store] ?? [])
      await tx.objectStore(store).put(row);
  await tx.done;
  await db.put('settings', V6_DATA.settings, 'settings');
  db.close();
}

describe('upgrading a v6 database to thread facts (v7)', () => {
  it('adds the thread facts store, empty, and keeps every contact, activity and task', async () => {
    await seedV6('upgrade-v6-facts');
    const db = await openCrmDb('upgrade-v6-facts', () => NOW);
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains('threadFacts')).toBe(true);
    expect(await listThreadFacts(db)).toEqual([]);
    for (const store of ['contacts', 'activities', 'tasks'] as const) {
      expect(await db.count(store)).toBe(V6_DATA[store].length);
    }
    expect((await db.get('contacts', V6_IDS.sokha))?.id).toBe(V6_IDS.sokha);

    // The store takes facts at once: a stranger's message and the rep's answer, the same message seen twice kept once.
    const place = {
      threadId: '18d7711562c5e3a1',
      accountIndex: 0,
      repAddress: 'sophea@mekonghome.com.kh',
      repId: null,
    };
    const asked = {
      messageId: '18d7711562c5e3a1',
      at: NOW - 3_600_000,
      from: 'vanna@x.kh',
      direction: 'inbound' as const,
    };
    const answered = {
      messageId: '',
      at: NOW - 1_800_000,
      from: 'sophea@mekonghome.com.kh',
      direction: 'outbound' as const,
    };
    expect(await addThreadFacts(db, place, [asked], NOW)).toBe(true);
    expect(await addThreadFacts(db, place, [asked, answered], NOW)).toBe(true);
    expect(await addThreadFacts(db, place, [answered, asked], NOW)).toBe(false);
    const [fact] = await listThreadFacts(db);
    expect(fact?.events).toEqual([asked, answered]);
    expect(() => threadFactSchema.parse(fact)).not.toThrow();

    // Read by when last seen; forgotten once not seen for KEEP_FACTS_MS.
    expect(await listThreadFacts(db, NOW + 1)).toEqual([]);
    expect(await forgetOldThreadFacts(db, NOW + KEEP_FACTS_MS)).toBe(0);
    expect(await forgetOldThreadFacts(db, NOW + KEEP_FACTS_MS + 1)).toBe(1);
    expect(await listThreadFacts(db)).toEqual([]);
    db.close();
  });
});
