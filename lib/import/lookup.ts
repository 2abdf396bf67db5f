import type { IDBPIndex } from 'idb';
import type { CrmDb, CrmSchema } from '../db/schema';
import { normalizeEmail } from '../model';
import { draftAddresses, type ImportDraft } from './draft';
import type { ExistingRecords } from './plan';
import { normaliseCompanyName } from './plan';

/**
 * Walking the address index costs a cursor step per stored address, looking addresses up a request each; steps
 * are several times cheaper (the browser reads a cursor ahead), so the index is walked while it holds no more than
 * this many addresses per address in the file. A 100k-row file into an empty store or one of like size walks;
 * a 500-row file into 100k contacts looks up.
 */
const WALK_PER_LOOKUP = 4;

/**
 * The store side of planImport's duplicate look-ups, answered from maps built before planning (planImport asks
 * synchronously). Only the addresses the file mentions are kept, read in one transaction, so a 100k-contact
 * profile is not read whole; companies are few and read whole, since names match ignoring case.
 */
export async function existingRecordsFor(db: CrmDb, drafts: Iterable<ImportDraft>): Promise<ExistingRecords> {
  const emails = new Set<string>();
  for (const draft of drafts) {
    for (const address of draftAddresses(draft)) emails.add(normalizeEmail(address));
  }
  const tx = db.transaction(['contacts', 'companies']);
  const [contactByEmail, companies] = await Promise.all([
    contactsByEmail(tx.objectStore('contacts').index('byEmail'), emails),
    tx.objectStore('companies').getAll(),
  ]);
  const byDomain = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const company of companies) {
    if (company.deletedAt !== null) continue;
    for (const domain of company.domains) if (!byDomain.has(domain)) byDomain.set(domain, company.id);
    const name = normaliseCompanyName(company.name);
    if (!byName.has(name)) byName.set(name, company.id);
  }
  return {
    contactIdByEmail: (email) => contactByEmail.get(email),
    companyIdByDomain: (domain) => byDomain.get(domain),
    companyIdByName: (name) => byName.get(name),
  };
}

type EmailIndex = IDBPIndex<CrmSchema, ('contacts' | 'companies')[], 'contacts', 'byEmail'>;

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
