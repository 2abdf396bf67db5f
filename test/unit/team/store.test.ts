import { describe, expect, it } from 'vitest';
import { createContact, setContactDeleted, updateContact } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import type { JoinResponse } from '@/lib/sync/protocol';
import { seedOutbox } from '@/lib/team/seed';
import { forgetMembership, readTeam, saveMembership } from '@/lib/team/store';

const NOW = Date.UTC(2026, 10, 23, 3, 0);

function granted(team: string, device: string): JoinResponse {
  return {
    token: `token-${device}`,
    deviceId: device,
    team: { id: team, name: 'Lucky Retail' },
    rep: { id: '0195f0a0-0000-7000-8000-00000000aaaa', name: 'Dara', email: 'dara@lucky.kh', role: 'manager' },
  };
}
/** Queued changes of contacts: a new profile's default pipeline and sources are queued beside them. */
const queuedContacts = async (db: CrmDb) => (await db.getAll('outbox')).filter((m) => m.entity === 'contacts');

const LUCKY = '0195f0a0-0000-7000-8000-000000000001';
const MEKONG = '0195f0a0-0000-7000-8000-000000000002';

describe('the membership of this browser', () => {
  it('queues the records written before joining once, and after leaving queues and keeps nothing more', async () => {
    const db = await openCrmDb('team-store-1');
    const contact = await createContact(db, { name: 'Sokha' }, NOW);
    const gone = await createContact(db, { name: 'Gone' }, NOW);
    await setContactDeleted(db, gone.id, true, NOW);
    await saveMembership(db, granted(LUCKY, 'dev_1'), 'https://crm.lucky.kh', 'Laptop', NOW);
    const seeded = await seedOutbox(db);
    expect(await seedOutbox(db)).toBe(0);
    expect((await queuedContacts(db)).map((m) => m.id)).toEqual([contact.id]);
    expect((await db.getAll('outbox')).map((m) => m.seq)).toEqual([...Array(seeded).keys()].map((i) => i + 1));

    expect(await forgetMembership(db)).toBe(seeded);
    expect(await readTeam(db)).toBeNull();
    // No token is kept once the rep has left.
    expect((await db.get('sync', 'team'))?.token).toBe('');
    await updateContact(db, contact.id, { jobTitle: 'Buyer' }, NOW + 1);
    expect(await db.count('outbox')).toBe(0);
  });

  it('keeps the field clocks for the same team, and sends everything afresh to another', async () => {
    const db = await openCrmDb('team-store-2');
    await createContact(db, { name: 'Sokha' }, NOW);
    await saveMembership(db, granted(LUCKY, 'dev_1'), 'https://crm.lucky.kh', 'Laptop', NOW);
    await seedOutbox(db);
    await forgetMembership(db);

    await saveMembership(db, granted(LUCKY, 'dev_2'), 'https://crm.lucky.kh', 'Laptop', NOW);
    expect(await seedOutbox(db)).toBe(0);
    await forgetMembership(db);

    await saveMembership(db, granted(MEKONG, 'dev_3'), 'https://crm.mekong.kh', 'Laptop', NOW);
    expect(await seedOutbox(db)).toBeGreaterThan(0);
    expect(await queuedContacts(db)).toHaveLength(1);
    expect((await db.getAll('outbox'))[0]?.seq).toBe(1);
  });

  it('refuses a second team while in one', async () => {
    const db = await openCrmDb('team-store-3');
    await saveMembership(db, granted(LUCKY, 'dev_1'), 'https://crm.lucky.kh', 'Laptop', NOW);
    await expect(saveMembership(db, granted(MEKONG, 'dev_2'), 'https://x.kh', 'Laptop', NOW)).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
