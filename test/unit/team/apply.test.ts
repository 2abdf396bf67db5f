import { describe, expect, it } from 'vitest';
import { newContact } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import type { Contact } from '@/lib/model';
import type { SyncedRecord } from '@/lib/sync/protocol';
import { applyPage } from '@/lib/team/apply';
import { forgetMembership, saveMembership } from '@/lib/team/store';

const T0 = Date.UTC(2026, 11, 6, 3, 0);
const A = '0195f0a0-0000-7000-8000-00000000000a';
const B = '0195f0a0-0000-7000-8000-00000000000b';
const C = '0195f0a0-0000-7000-8000-00000000000c';

const joined = {
  token: 't',
  deviceId: 'dev_1',
  team: { id: '0195f0a0-0000-7000-8000-000000000001', name: 'Lucky Retail' },
  rep: { id: '0195f0a0-0000-7000-8000-00000000aaaa', name: 'Dara', email: 'dara@lucky.kh', role: 'manager' as const },
};

let version = 0;
/** A contact as a teammate's push left it on the service: every field stamped by that teammate's device. */
function pulled(contact: Contact, at: number): SyncedRecord {
  const { id, ...values } = contact;
  const hlc = `${String(at).padStart(13, '0')}-000000-dev_2`;
  const fields = Object.fromEntries(
    Object.entries(values).map(([k, value]) => [k, { value, hlc, base: null, by: null }]),
  );
  return {
    entity: 'contacts',
    id,
    version: ++version,
    fields: fields as SyncedRecord['fields'],
    conflicts: [],
    updatedBy: null,
  };
}

async function joinedDb(name: string) {
  const db = await openCrmDb(name);
  await saveMembership(db, joined, 'https://crm.lucky.kh', 'Laptop', T0);
  return db;
}

const apply = (db: Awaited<ReturnType<typeof joinedDb>>, records: SyncedRecord[]) =>
  applyPage(db, 'dev_1', records, { cursor: version, teamVersion: version }, T0);

describe('a pulled page, its reads and writes asked at once', () => {
  it('hands an address over within one page as if its rows were written one after another', async () => {
    const db = await joinedDb('apply-handover');
    const sokha = newContact({ name: 'Sokha', emails: [{ address: 'sokha@nbc.kh' }] }, T0, A);
    await apply(db, [pulled(sokha, T0)]);
    // One page: Sokha merged away (her address freed), a new record claiming it, and another claiming it too.
    const merged = { ...sokha, deletedAt: T0 + 1, updatedAt: T0 + 1 };
    const survivor = newContact({ name: 'Sokha Chan', emails: [{ address: 'Sokha@nbc.kh' }] }, T0 + 1, B);
    const twin = newContact({ name: 'S. Chan', emails: [{ address: 'sokha@nbc.kh' }] }, T0 + 1, C);
    const result = await apply(db, [pulled(merged, T0 + 1), pulled(survivor, T0 + 1), pulled(twin, T0 + 1)]);
    expect(result).toEqual({ changed: ['contacts'], unreadable: 0 });
    expect(await db.getKeyFromIndex('contacts', 'byEmail', 'sokha@nbc.kh')).toBe(B);
    expect((await db.get('contacts', C))?.emailKeys).toEqual([]);
    expect((await db.get('contacts', A))?.deletedAt).toBe(T0 + 1);
    expect((await db.get('sync', 'team'))?.cursor).toBe(version);
    expect(await db.count('fieldClocks')).toBe(3);
  });

  it('changes nothing when the membership went meanwhile', async () => {
    const db = await joinedDb('apply-left');
    await forgetMembership(db);
    const lone = newContact({ name: 'Vannak', emails: [] }, T0, A);
    expect(await apply(db, [pulled(lone, T0)])).toBeNull();
    expect(await db.count('contacts')).toBe(0);
  });
});
