import { beforeEach, describe, expect, it } from 'vitest';
import { logEmails, unlogThread } from '@/lib/db/activities';
import { bulkUpdate } from '@/lib/db/bulk';
import { createCompany, deleteCompany } from '@/lib/db/companies';
import { createContact, newContact, updateContact } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import { putRecord, recordTx, TEAM_KEY } from '@/lib/db/record-write';
import { contactRow } from '@/lib/db/rows';
import type { CrmDb, TeamSync } from '@/lib/db/schema';
import { undoImport } from '@/lib/import/undo';
import { mergeContacts, undoMerge } from '@/lib/merges/store';
import { newClock, parse } from '@/lib/sync/hlc';
import { pushRequestSchema } from '@/lib/sync/protocol';
import { CONTACTS_CSV, planCsv, runImport } from '../import/helpers';

let db: CrmDb;
let n = 0;
const NOW = Date.UTC(2026, 10, 23, 3, 0);
const DEVICE = 'dev_a1';

/** This browser as a member of a team, as joining leaves it: nothing pulled, nothing queued yet. */
function membership(): TeamSync {
  return {
    serverUrl: 'https://crm.lucky.kh',
    team: { id: '0195f0a0-0000-7000-8000-000000000001', name: 'Lucky Retail' },
    rep: { id: '0195f0a0-0000-7000-8000-000000000002', name: 'Dara', email: 'dara@lucky.kh', role: 'manager' },
    deviceId: DEVICE,
    deviceName: 'Laptop',
    token: 'secret',
    joinedAt: NOW,
    cursor: 0,
    teamVersion: 0,
    clock: newClock(DEVICE),
    nextSeq: 1,
    seeded: true,
    reps: [],
    lastSyncAt: null,
    lastError: null,
  };
}

const join = () => db.put('sync', membership(), TEAM_KEY);
const queued = () => db.getAll('outbox');

beforeEach(async () => {
  db = await openCrmDb(`record-write-${n++}`, () => NOW);
});

describe('record writes of a lone rep', () => {
  it('queue nothing and keep no clocks', async () => {
    const contact = await createContact(db, { name: 'Sokha', emails: [{ address: 'sokha@nbc.gov.kh' }] }, NOW);
    await updateContact(db, contact.id, { jobTitle: 'Buyer' }, NOW + 1);
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('fieldClocks')).toBe(0);
    expect(await db.get('sync', TEAM_KEY)).toBeUndefined();
  });
});

describe('record writes while joined', () => {
  beforeEach(join);

  it('queue a new record whole, then exactly the fields each edit changed, each on top of the stamp it replaced', async () => {
    const contact = await createContact(db, { name: 'Sokha', emails: [{ address: 'sokha@nbc.gov.kh' }] }, NOW);
    await updateContact(db, contact.id, { jobTitle: 'Buyer', lifecycle: 'customer' }, NOW + 1);
    const [created, edited] = await queued();
    expect(created?.seq).toBe(1);
    expect(created?.entity).toBe('contacts');
    expect(Object.keys(created?.fields ?? {}).sort()).toEqual(
      Object.keys(contact)
        .filter((k) => k !== 'id')
        .sort(),
    );
    // The index keys the store derives never leave the device.
    expect(created?.fields).not.toHaveProperty('emailKeys');
    expect(created?.fields).not.toHaveProperty('searchKeys');
    expect(edited?.seq).toBe(2);
    expect(Object.keys(edited?.fields ?? {}).sort()).toEqual(['jobTitle', 'lifecycle', 'updatedAt']);
    expect(edited?.fields.jobTitle).toMatchObject({ value: 'Buyer', base: created?.fields.jobTitle?.hlc });
    expect(edited!.fields.jobTitle!.hlc > created!.fields.jobTitle!.hlc).toBe(true);
    expect(parse(edited!.fields.jobTitle!.hlc).deviceId).toBe(DEVICE);

    const clocks = await db.get('fieldClocks', ['contacts', contact.id]);
    expect(clocks?.fields.jobTitle).toMatchObject({ value: 'Buyer', hlc: edited?.fields.jobTitle?.hlc, by: null });
    expect(clocks?.fields.name?.hlc).toBe(created?.fields.name?.hlc);
    const team = await db.get('sync', TEAM_KEY);
    expect(team?.nextSeq).toBe(3);
    // What is queued is what the service takes.
    expect(pushRequestSchema.safeParse({ deviceId: DEVICE, mutations: await queued() }).success).toBe(true);
  });

  it('queues a write that changes nothing as nothing', async () => {
    const contact = await createContact(db, { name: 'Sokha' }, NOW);
    const tx = recordTx(db, 'contacts');
    await putRecord(tx, 'contacts', contactRow(contact));
    await tx.done;
    expect(await db.count('outbox')).toBe(1);
  });

  it('queues a deletion as its tombstone field, and a company deletion with the links it cut', async () => {
    const company = await createCompany(db, { name: 'NBC', domains: ['nbc.gov.kh'] }, NOW);
    const contact = await createContact(db, { name: 'Sokha', companyId: company.id }, NOW);
    const before = (await queued()).length;
    await deleteCompany(db, company.id, NOW + 5);
    const after = (await queued()).slice(before);
    expect(after.map((m) => [m.entity, m.id, Object.keys(m.fields).sort()])).toEqual([
      ['companies', company.id, ['deletedAt', 'updatedAt']],
      ['contacts', contact.id, ['companyId', 'updatedAt']],
    ]);
    expect(after[0]?.fields.deletedAt?.value).toBe(NOW + 5);
  });

  it('queues every record a bulk edit and a merge and its undo write, numbered without a gap', async () => {
    const a = await createContact(db, { name: 'Sokha', emails: [{ address: 'a@x.kh' }] }, NOW);
    const b = await createContact(db, { name: 'Sokha C', emails: [{ address: 'b@x.kh' }] }, NOW);
    await bulkUpdate(db, 'contacts', [a.id, b.id], { lifecycle: 'customer' }, NOW + 1);
    const { mergeId } = await mergeContacts(db, a.id, b.id, NOW + 2);
    await undoMerge(db, mergeId, NOW + 3);
    const all = await queued();
    expect(all.map((m) => m.seq)).toEqual(all.map((_m, i) => i + 1));
    const tombstone = all.find((m) => m.id === b.id && m.fields.mergedInto?.value === a.id);
    expect(tombstone?.fields.deletedAt?.value).toBe(NOW + 2);
    // The undo brings the dropped contact back: its tombstone and its link are undone as fields too.
    const undone = all.filter((m) => m.id === b.id).at(-1);
    expect(undone?.fields.deletedAt?.value).toBeNull();
    expect(undone?.fields.mergedInto?.value).toBeNull();
  });

  it('keeps nothing of a transaction aborted after the write: neither the record nor its change', async () => {
    const contact = newContact({ name: 'Sokha' }, NOW);
    const tx = recordTx(db, 'contacts');
    await putRecord(tx, 'contacts', contactRow(contact), 'add');
    // The worker is stopped here, before the transaction commits.
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(await db.get('contacts', contact.id)).toBeUndefined();
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('fieldClocks')).toBe(0);
    expect((await db.get('sync', TEAM_KEY))?.nextSeq).toBe(1);
  });

  it('leaves no queued mail text of a thread the rep marks private before the push', async () => {
    const contact = await createContact(db, { name: 'Sokha', emails: [{ address: 'sokha@nbc.gov.kh' }] }, NOW);
    const [logged] = await logEmails(
      db,
      [
        {
          type: 'email',
          occurredAt: NOW,
          contactId: contact.id,
          subject: 'Salary review',
          body: 'Private',
          threadId: 't1',
          messageId: 'm1',
        },
      ],
      NOW,
    );
    await unlogThread(db, 't1', NOW + 1);
    const changes = (await queued()).filter((m) => m.id === logged?.id);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      for (const field of ['subject', 'body']) {
        if (change.fields[field]) expect(change.fields[field]?.value).toBe('');
      }
    }
    expect(changes.at(-1)?.fields.deletedAt?.value).toBe(NOW + 1);
  });

  it('queues each record an import writes and each its undo takes back', async () => {
    const plan = await planCsv(db, CONTACTS_CSV, 'contact', 'skip');
    const { importId } = await runImport(db, plan, 'contact');
    const contacts = await db.getAll('contacts');
    const imported = await queued();
    for (const contact of contacts) expect(imported.some((m) => m.id === contact.id && m.fields.name)).toBe(true);
    expect(imported.filter((m) => m.entity === 'companies').length).toBe(2);
    expect(imported.filter((m) => m.entity === 'activities').length).toBe(1);
    await undoImport(db, importId, NOW + 60_000);
    const undone = (await queued()).slice(imported.length);
    expect(undone.filter((m) => m.fields.deletedAt?.value === NOW + 60_000).length).toBe(imported.length);
  });
});
