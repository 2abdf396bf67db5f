import { beforeEach, describe, expect, it } from 'vitest';
import { createCompany, deleteCompany, updateCompany } from '@/lib/db/companies';
import { createContact, setContactDeleted } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import { contactRow } from '@/lib/db/rows';
import type { CrmDb } from '@/lib/db/schema';
import { searchContacts } from '@/lib/db/search';
import { searchKeys } from '@/lib/search/tokens';

let db: CrmDb;
let n = 0;
const NOW = Date.UTC(2026, 10, 24, 3, 0);
const NATIONAL_BANK = 'ធនាគារជាតិនៃកម្ពុជា';

beforeEach(async () => {
  db = await openCrmDb(`search-company-${n++}`, () => NOW);
});

const ids = (found: readonly { id: string }[]) => found.map((record) => record.id);

/** Counts the rows that getAll on an index of this name returns from now on (fake-indexeddb's IDBIndex). */
function countReads(indexName: string) {
  const proto = IDBIndex.prototype;
  const original = proto.getAll;
  let rows = 0;
  proto.getAll = function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
    const request = original.apply(this, args);
    if (this.name === indexName) {
      request.addEventListener('success', () => {
        rows += (request.result as unknown[]).length;
      });
    }
    return request;
  };
  return {
    rows: () => rows,
    stop: () => {
      proto.getAll = original;
    },
  };
}

describe('contacts found through their company', () => {
  it('keys a person by the first word of the company only; the rest is the company record', async () => {
    const bank = await createCompany(db, { name: NATIONAL_BANK, domains: [] }, NOW);
    const dara = await createContact(db, { name: 'Dara Kim', emails: [], companyId: bank.id }, NOW);
    const row = await db.get('contacts', dara.id);
    expect(row?.searchKeys.some((key) => key.startsWith('កម្ពុជា'))).toBe(false);
    expect(row?.searchKeys).toContain(`dara ${NATIONAL_BANK}`);
    const companyRow = await db.get('companies', bank.id);
    expect(companyRow?.searchKeys).toContain('កម្ពុជា');
  });

  it('finds every person of a company by any syllable run of its name, and only live people', async () => {
    const bank = await createCompany(db, { name: NATIONAL_BANK, domains: [] }, NOW);
    const other = await createCompany(db, { name: 'ក្រុមហ៊ុនដឹកជញ្ជូនសុខា', domains: [] }, NOW);
    const dara = await createContact(db, { name: 'Dara Kim', emails: [], companyId: bank.id }, NOW);
    const sok = await createContact(db, { name: 'សុខ ជា', emails: [], companyId: bank.id }, NOW);
    const gone = await createContact(db, { name: 'Gone', emails: [], companyId: bank.id }, NOW);
    await setContactDeleted(db, gone.id, true, NOW);
    await createContact(db, { name: 'Vibol', emails: [], companyId: other.id }, NOW);

    expect(ids(await searchContacts(db, 'កម្ពុជា')).sort()).toEqual([dara.id, sok.id].sort());
    expect(ids(await searchContacts(db, 'ជាតិ')).sort()).toEqual([dara.id, sok.id].sort());
    expect(await searchContacts(db, 'gone')).toEqual([]);
  });

  it('puts people whose own keys match before people of a matching company', async () => {
    const mekong = await createCompany(db, { name: 'Angkor Mekong Trading', domains: [] }, NOW);
    const staff = await createContact(db, { name: 'Sokha Chea', emails: [], companyId: mekong.id }, NOW);
    const named = await createContact(db, { name: 'Mekong Heng', emails: [] }, NOW);
    expect(ids(await searchContacts(db, 'mekong'))).toEqual([named.id, staff.id]);
    expect(ids(await searchContacts(db, 'mekong', 1))).toEqual([named.id]);
  });

  it('asks the person for the words the company does not hold', async () => {
    const bank = await createCompany(db, { name: NATIONAL_BANK, domains: [] }, NOW);
    const dara = await createContact(db, { name: 'Dara Kim', emails: [], companyId: bank.id }, NOW);
    await createContact(db, { name: 'Sophea Lim', emails: [], companyId: bank.id }, NOW);
    await createContact(db, { name: 'Dara Ouk', emails: [] }, NOW);
    expect(ids(await searchContacts(db, 'dara កម្ពុជា'))).toEqual([dara.id]);
    expect(ids(await searchContacts(db, 'កម្ពុជា kim'))).toEqual([dara.id]);
  });

  it('fills the limit from many small companies', async () => {
    for (let c = 0; c < 20; c++) {
      const company = await createCompany(db, { name: `Kampot Pepper ${c}`, domains: [] }, NOW);
      for (let p = 0; p < 3; p++)
        await createContact(db, { name: `K${c}x${p}`, emails: [], companyId: company.id }, NOW);
    }
    expect(await searchContacts(db, 'pepper', 20)).toHaveLength(20);
    expect(await searchContacts(db, 'pepper', 60)).toHaveLength(60);
  });

  it('stops at the limit among many companies with many people', async () => {
    for (let c = 0; c < 12; c++) {
      const company = await createCompany(db, { name: `Lotus Foods ${c}`, domains: [] }, NOW);
      for (let p = 0; p < 4; p++)
        await createContact(db, { name: `P${c}x${p}`, emails: [], companyId: company.id }, NOW);
    }
    const found = await searchContacts(db, 'foods', 30);
    expect(found).toHaveLength(30);
    expect(new Set(ids(found)).size).toBe(30);
    expect(await searchContacts(db, 'lotus', 200)).toHaveLength(48);
  });

  it('finds a person by name and a later company word in a company larger than the limit', async () => {
    const mekong = await createCompany(db, { name: 'Mekong Trading', domains: [] }, NOW);
    for (let i = 0; i < 30; i++) await createContact(db, { name: `Staff ${i}`, emails: [], companyId: mekong.id }, NOW);
    const bopha = await createContact(db, { name: 'Bopha Keo', emails: [], companyId: mekong.id }, NOW);
    expect(ids(await searchContacts(db, 'bopha trading', 8))).toEqual([bopha.id]);
    expect(ids(await searchContacts(db, 'trading keo', 8))).toEqual([bopha.id]);
  });

  it('finds the company a later word names when many companies share the first word', async () => {
    for (let c = 0; c < 10; c++) await createCompany(db, { name: `Dara Foods ${c}`, domains: [] }, NOW);
    const trading = await createCompany(db, { name: 'Bopha Trading', domains: [] }, NOW);
    const dara = await createContact(db, { name: 'Dara Keo', emails: [], companyId: trading.id }, NOW);
    expect(ids(await searchContacts(db, 'dara trading', 8))).toEqual([dara.id]);
  });

  it('reads more of a large company when the small ones leave room', async () => {
    const big = await createCompany(db, { name: 'Naga Energy Big', domains: [] }, NOW);
    for (let p = 0; p < 220; p++) await createContact(db, { name: `B${p}`, emails: [], companyId: big.id }, NOW);
    for (let c = 0; c < 9; c++) {
      const small = await createCompany(db, { name: `Naga Energy ${c}`, domains: [] }, NOW);
      for (let p = 0; p < 2; p++) await createContact(db, { name: `S${c}x${p}`, emails: [], companyId: small.id }, NOW);
    }
    expect(await searchContacts(db, 'energy', 200)).toHaveLength(200);
  });

  it('reads the companies of a few terms only, however long the query', async () => {
    for (let c = 0; c < 100; c++) await createCompany(db, { name: `Wx${c} Foods`, domains: [] }, NOW);
    const words = Array.from({ length: 100 }, (_, c) => `wx${c}`).join(' ');
    const reads = countReads('bySearch');
    try {
      await searchContacts(db, words, 20);
      // Three terms' companies at most, 20 each; the people's ranges of these words are empty.
      expect(reads.rows()).toBeLessThanOrEqual(60);
    } finally {
      reads.stop();
    }
  });

  it('reads past deleted people a company lists first', async () => {
    const bank = await createCompany(db, { name: NATIONAL_BANK, domains: [] }, NOW);
    for (let i = 0; i < 6; i++) {
      const gone = await createContact(db, { name: `Gone ${i}`, emails: [], companyId: bank.id }, NOW);
      await setContactDeleted(db, gone.id, true, NOW);
    }
    const live = await createContact(db, { name: 'Dara Kim', emails: [], companyId: bank.id }, NOW);
    expect(ids(await searchContacts(db, 'កម្ពុជា', 5))).toEqual([live.id]);
  });

  it('reads a bounded number of people however many companies match', async () => {
    for (let c = 0; c < 30; c++) {
      const company = await createCompany(db, { name: `Lotus ${c}`, domains: [] }, NOW);
      for (let p = 0; p < 30; p++)
        await createContact(db, { name: `L${c}p${p}`, emails: [], companyId: company.id }, NOW);
    }
    const reads = countReads('byCompany');
    try {
      expect(await searchContacts(db, 'lotus', 20)).toHaveLength(20);
      expect(reads.rows()).toBeLessThanOrEqual(120);
      expect(await searchContacts(db, 'lotus', 200)).toHaveLength(200);
      expect(reads.rows()).toBeLessThanOrEqual(120 + 400);
      // A word the companies do not hold is looked up among people, not by reading every company's staff.
      const before = reads.rows();
      const found = await searchContacts(db, 'lotus l0p1', 200);
      expect(found.map((c) => (c as { name: string }).name)).toContain('L0p1');
      expect(found.every((c) => (c as { name: string }).name.startsWith('L0p1'))).toBe(true);
      expect(reads.rows()).toBe(before);
    } finally {
      reads.stop();
    }
  });

  it('no longer finds people of a deleted company by its name', async () => {
    const bank = await createCompany(db, { name: NATIONAL_BANK, domains: [] }, NOW);
    await createContact(db, { name: 'Dara Kim', emails: [], companyId: bank.id }, NOW);
    await deleteCompany(db, bank.id, NOW);
    expect(await searchContacts(db, 'កម្ពុជា')).toEqual([]);
  });

  it('finds a person stored with the company keys of before once, and drops those keys on rename', async () => {
    const bank = await createCompany(db, { name: NATIONAL_BANK, domains: [] }, NOW);
    const dara = await createContact(db, { name: 'Dara Kim', emails: [], companyId: bank.id }, NOW);
    // A row as releases before this one wrote it: the whole company name among the person's own keys.
    const row = contactRow(dara, NATIONAL_BANK);
    const before = searchKeys({ names: [dara.name], texts: [dara.jobTitle, NATIONAL_BANK], company: NATIONAL_BANK });
    expect(before).toContain('កម្ពុជា');
    await db.put('contacts', { ...row, searchKeys: before });

    expect(ids(await searchContacts(db, 'កម្ពុជា'))).toEqual([dara.id]);
    await updateCompany(db, bank.id, { name: 'ធនាគារអាស៊ី' }, NOW);
    expect(await searchContacts(db, 'កម្ពុជា')).toEqual([]);
    expect(ids(await searchContacts(db, 'អាស៊ី'))).toEqual([dara.id]);
    expect((await db.get('contacts', dara.id))?.searchKeys).toEqual(contactRow(dara, 'ធនាគារអាស៊ី').searchKeys);
  });
});
