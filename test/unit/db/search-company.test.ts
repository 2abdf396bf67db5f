import { beforeEach, describe, expect, it } from 'vitest';
import { createCompany, deleteCompany, updateCompany } from '@/lib/db/companies';
import { createContact, setContactDeleted } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import { type CrmDb, contactRow } from '@/lib/db/schema';
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
