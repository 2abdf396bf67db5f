import { describe, expect, it } from 'vitest';
import { type BackupData, createBackup, mergeBackup, parseBackup } from '../../../lib/backup/format';
import { newContact } from '../../../lib/db/contacts';
import type { Contact } from '../../../lib/model/contact';
import type { CustomPropertyDef } from '../../../lib/model/custom-property';
import { defaultPipeline, defaultSettings, defaultSources } from '../../../lib/model/defaults';

const T0 = Date.UTC(2025, 0, 1);

function contact(n: number, overrides: Partial<Contact> = {}): Contact {
  const id = `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { ...newContact({ name: `Contact ${n}`, emails: [{ address: `c${n}@example.com` }] }, T0, id), ...overrides };
}

function def(n: number, key: string, overrides: Partial<CustomPropertyDef> = {}): CustomPropertyDef {
  return {
    id: `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    entity: 'contact',
    key,
    label: key,
    type: 'text',
    options: [],
    required: false,
    order: 0,
    ...overrides,
  };
}

function data(overrides: Partial<BackupData> = {}): BackupData {
  const pipeline = defaultPipeline(T0);
  return {
    contacts: [],
    companies: [],
    deals: [],
    pipelines: [pipeline],
    activities: [],
    tasks: [],
    sources: defaultSources(T0),
    reps: [],
    propertyDefs: [],
    closeReasons: [],
    competitors: [],
    templates: [],
    plans: [],
    planBudgetLines: [],
    planOwners: [],
    planTargets: [],
    threadKinds: [],
    serviceThreads: [],
    settings: defaultSettings(pipeline.id, 'Asia/Phnom_Penh'),
    ...overrides,
  };
}

/** A backup as it comes back from a file: plain JSON, no shared references. */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('parseBackup', () => {
  it('accepts a backup written by createBackup, after a trip through JSON', () => {
    const backup = createBackup(data({ contacts: [contact(1, { name: 'សុខ ដារ៉ា' })] }), T0);
    const result = parseBackup(roundTrip(backup));
    expect(result).toEqual({ ok: true, value: backup });
  });

  it('says when a file is not a backup at all', () => {
    expect(parseBackup({ hello: 'world' })).toMatchObject({ ok: false, error: { code: 'not-a-backup' } });
    expect(parseBackup(null)).toMatchObject({ ok: false, error: { code: 'not-a-backup' } });
    expect(parseBackup([1, 2])).toMatchObject({ ok: false, error: { code: 'not-a-backup' } });
  });

  it('refuses other versions, telling a newer one apart', () => {
    const backup = roundTrip(createBackup(data(), T0)) as Record<string, unknown>;
    expect(parseBackup({ ...backup, version: 3 })).toEqual({
      ok: false,
      error: {
        code: 'unsupported-version',
        path: 'version',
        message: 'backup version 3 was made by a newer Sidecar CRM: update the extension first',
      },
    });
    expect(parseBackup({ ...backup, version: '1' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported-version', message: 'backup version "1" is not supported (expected 2)' },
    });
  });

  it('reads a version 1 file, whose custom property definitions were named customPropertyDefs', () => {
    const backup = createBackup(data(), T0);
    const current = roundTrip(backup) as { data: Record<string, unknown> };
    const { propertyDefs, ...rest } = current.data;
    const old = { ...current, version: 1, data: { ...rest, customPropertyDefs: propertyDefs } };
    expect(parseBackup(old)).toEqual({ ok: true, value: roundTrip(backup) });
  });

  it('names the path of the first bad record', () => {
    const backup = roundTrip(
      createBackup(data({ contacts: [contact(1), contact(2, { emails: [{ address: 'not-an-email' }] })] }), T0),
    );
    expect(parseBackup(backup)).toEqual({
      ok: false,
      error: {
        code: 'invalid-record',
        path: 'data.contacts[1].emails[0].address',
        message: 'data.contacts[1].emails[0].address: is not an email address',
      },
    });
  });

  it('names a missing collection', () => {
    const backup = roundTrip(createBackup(data(), T0)) as { data: Record<string, unknown> };
    delete backup.data.tasks;
    expect(parseBackup(backup)).toMatchObject({ ok: false, error: { code: 'invalid-record', path: 'data.tasks' } });
  });
});

describe('mergeBackup', () => {
  it('adds unknown records, takes newer versions and keeps current ones that are as new or newer', () => {
    const current = data({
      contacts: [contact(1), contact(2, { updatedAt: T0 + 50, name: 'mine, newer' }), contact(3, { name: 'same' })],
    });
    const incoming = data({
      contacts: [
        contact(1, { updatedAt: T0 + 10, name: 'theirs, newer' }),
        contact(2, { updatedAt: T0 + 20, name: 'theirs, older' }),
        contact(3, { name: 'tie' }),
        contact(4),
      ],
    });
    const result = mergeBackup(current, incoming);
    expect(result.write.contacts.map((record) => record.name)).toEqual(['theirs, newer', 'Contact 4']);
    // The default pipeline and sources of both profiles are different records (new ids): they are added.
    expect(result.counts).toMatchObject({ updated: 1, unchanged: 2 });
    expect(result.write.contacts[0]?.updatedAt).toBe(T0 + 10);
  });

  it('respects tombstones: an older live copy does not bring a deleted record back', () => {
    const current = data({ contacts: [contact(1, { deletedAt: T0 + 100 }), contact(2, { updatedAt: T0 + 300 })] });
    const incoming = data({
      contacts: [
        contact(1, { updatedAt: T0 + 50, name: 'edited before the delete' }),
        contact(2, { deletedAt: T0 + 200 }),
      ],
    });
    expect(mergeBackup(current, incoming).write.contacts).toEqual([]);
  });

  it('lets a newer deletion win over an older edit, and a newer edit win over an older deletion', () => {
    const current = data({ contacts: [contact(1, { updatedAt: T0 + 10 }), contact(2, { deletedAt: T0 + 10 })] });
    const incoming = data({
      contacts: [contact(1, { deletedAt: T0 + 20 }), contact(2, { updatedAt: T0 + 30, name: 'restored and edited' })],
    });
    const written = mergeBackup(current, incoming).write.contacts;
    expect(written.map((record) => [record.id, record.deletedAt, record.name])).toEqual([
      [contact(1).id, T0 + 20, 'Contact 1'],
      [contact(2).id, null, 'restored and edited'],
    ]);
  });

  it('writes tombstones of records this profile never had, so a later merge cannot resurrect them', () => {
    const incoming = data({ contacts: [contact(9, { deletedAt: T0 + 1 })] });
    expect(mergeBackup(data(), incoming).write.contacts).toEqual([contact(9, { deletedAt: T0 + 1 })]);
  });

  it('leaves out a custom property whose key a different current property already uses', () => {
    const current = data({ propertyDefs: [def(1, 'province')] });
    const incoming = data({
      propertyDefs: [def(2, 'province'), def(3, 'vip'), def(4, 'old', { deletedAt: T0 })],
    });
    const result = mergeBackup(current, incoming);
    expect(result.write.propertyDefs.map((record) => record.key)).toEqual(['vip', 'old']);
    expect(result.conflicts).toEqual([
      {
        collection: 'propertyDefs',
        id: def(2, 'province').id,
        reason: 'a contact property with key "province" already exists',
      },
    ]);
  });

  it('never merges settings', () => {
    const result = mergeBackup(data(), data());
    expect(result.write).not.toHaveProperty('settings');
  });
});
