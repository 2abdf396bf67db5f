import type { IDBPIndex, IDBPObjectStore } from 'idb';
import type { ContactRow, CrmDb, CrmSchema } from '../db/schema';
import { normaliseEmail } from '../model';
import { pairTerm, queryTerms } from '../search/tokens';
import { draftAddresses, type ImportDraft } from './draft';
import { type NamedContact, personKey, phoneKey } from './match';
import { type ExistingRecords, normaliseCompanyName } from './plan';

/**
 * Walking the address index costs a cursor step per stored address, looking addresses up a request each; steps
 * are several times cheaper (the browser reads a cursor ahead), so the index is walked while it holds no more than
 * this many addresses per address in the file. A 100k-row file into an empty store or one of like size walks;
 * a 500-row file into 100k contacts looks up.
 */
const WALK_PER_LOOKUP = 4;

/**
 * The store side of planImport's duplicate look-ups, answered from maps built before planning (planImport asks
 * synchronously). Only the addresses, ids and names the file mentions are kept, read in one transaction, so a
 * 100k-contact profile is not read whole; companies are few and read whole, since names match ignoring case.
 */
export async function existingRecordsFor(db: CrmDb, drafts: Iterable<ImportDraft>): Promise<ExistingRecords> {
  const emails = new Set<string>();
  const ids = { contacts: new Set<string>(), companies: new Set<string>(), deals: new Set<string>() };
  const names = new Set<string>();
  for (const draft of drafts) {
    for (const address of draftAddresses(draft)) emails.add(normaliseEmail(address));
    if (draft.id) ids[STORE_OF[draft.entity]].add(draft.id);
    if (draft.entity === 'contact' && draft.emails.length === 0) names.add(personKey(draft.name));
  }
  const tx = db.transaction(['contacts', 'companies', 'deals']);
  const contacts = tx.objectStore('contacts');
  const [contactByEmail, companies, named, ...live] = await Promise.all([
    contactsByEmail(contacts.index('byEmail'), emails),
    tx.objectStore('companies').getAll(),
    contactsByName(contacts, names),
    ...(['contacts', 'companies', 'deals'] as const).flatMap((store) =>
      [...ids[store]].map(async (id) => ((await tx.objectStore(store).get(id))?.deletedAt === null ? id : null)),
    ),
  ]);
  const byDomain = new Map<string, string>();
  const byName = new Map<string, string>();
  const companyKeys = new Map<string, string>();
  for (const company of companies) {
    if (company.deletedAt !== null) continue;
    for (const domain of company.domains) if (!byDomain.has(domain)) byDomain.set(domain, company.id);
    const name = normaliseCompanyName(company.name);
    companyKeys.set(company.id, name);
    if (!byName.has(name)) byName.set(name, company.id);
  }
  const people = new Map<string, NamedContact[]>();
  for (const row of named) {
    const key = personKey(row.name);
    const companyKey = row.companyId ? (companyKeys.get(row.companyId) ?? '') : '';
    const contact = { id: row.id, companyKey, phoneKeys: row.phones.map((phone) => phoneKey(phone.number)) };
    people.set(key, [...(people.get(key) ?? []), contact]);
  }
  const liveIds = new Set(live.filter((id): id is string => id !== null));
  return {
    contactIdByEmail: (email) => contactByEmail.get(email),
    companyIdByDomain: (domain) => byDomain.get(domain),
    companyIdByName: (name) => byName.get(name),
    hasRecord: (id) => liveIds.has(id),
    contactsNamed: (nameKey) => people.get(nameKey) ?? [],
  };
}

/**
 * The live contacts of these names (personKey). A name's search keys start with its first word, and with its first
 * two words as a pair, so one range of the search index holds every contact of that name among few others; a store
 * small next to the list of names is read whole instead.
 */
async function contactsByName(store: ContactStore, names: ReadonlySet<string>): Promise<ContactRow[]> {
  if (names.size === 0) return [];
  const wanted = (row: ContactRow) => row.deletedAt === null && names.has(personKey(row.name));
  if ((await store.count()) <= names.size * WALK_PER_LOOKUP) return (await store.getAll()).filter(wanted);
  const ranges = new Set<string>();
  for (const name of names) {
    const terms = queryTerms(name);
    const term = pairTerm(terms) ?? terms[0];
    if (term) ranges.add(term);
  }
  const index = store.index('bySearch');
  const found = new Map<string, ContactRow>();
  const reads = await Promise.all([...ranges].map((term) => index.getAll(IDBKeyRange.bound(term, `${term}\uffff`))));
  for (const row of reads.flat()) if (wanted(row)) found.set(row.id, row);
  return [...found.values()];
}

type Stores = ('contacts' | 'companies' | 'deals')[];
type EmailIndex = IDBPIndex<CrmSchema, Stores, 'contacts', 'byEmail'>;
type ContactStore = IDBPObjectStore<CrmSchema, Stores, 'contacts'>;

const STORE_OF = { contact: 'contacts', company: 'companies', deal: 'deals' } as const;

async function contactsByEmail(index: EmailIndex, emails: ReadonlySet<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (emails.size === 0) return found;
  const stored = await index.count();
  if (stored === 0) return found;
  if (stored <= emails.size * WALK_PER_LOOKUP) {
    for (let cursor = await index.openKeyCursor(); cursor; cursor = await cursor.continue()) {
      const email = String(cursor.key);
      if (emails.has(email)) found.set(email, String(cursor.primaryKey));
    }
    return found;
  }
  const list = [...emails];
  const owners = await Promise.all(list.map((email) => index.getKey(email)));
  list.forEach((email, i) => {
    const owner = owners[i];
    if (owner !== undefined) found.set(email, String(owner));
  });
  return found;
}
