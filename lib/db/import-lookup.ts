import type { ExistingRecords } from '../import/plan';
import { normaliseCompanyName } from '../import/plan';
import type { ImportDraft } from '../import/rows';
import { normalizeEmail } from '../model';
import type { CrmDb } from './schema';

/**
 * The store side of planImport's duplicate look-ups, answered from maps built before planning (planImport asks
 * synchronously). Only the addresses the file mentions are looked up, in one read transaction, so a 100k-contact
 * profile is not read whole; companies are few and read whole, since names match ignoring case.
 */
export async function existingRecordsFor(db: CrmDb, drafts: Iterable<ImportDraft>): Promise<ExistingRecords> {
  const emails = new Set<string>();
  for (const draft of drafts) {
    if (draft.entity === 'contact') for (const e of draft.emails) emails.add(normalizeEmail(e.address));
    if (draft.entity === 'deal') for (const e of draft.contactEmails) emails.add(normalizeEmail(e));
  }
  const tx = db.transaction(['contacts', 'companies']);
  const list = [...emails];
  const [owners, companies] = await Promise.all([
    Promise.all(list.map((email) => tx.objectStore('contacts').index('byEmail').getKey(email))),
    tx.objectStore('companies').getAll(),
  ]);
  const contactByEmail = new Map<string, string>();
  list.forEach((email, i) => {
    const owner = owners[i];
    if (owner !== undefined) contactByEmail.set(email, String(owner));
  });
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
