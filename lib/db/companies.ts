import type { Company, RecordBase } from '../model';
import { companySchema, newRecordBase, normaliseDomain } from '../model';
import { abortQuietly, StoreError, validate } from './errors';
import { putRecord, recordTx, writeRecord } from './record-write';
import { companyRow, contactRow, dealRow, rekeyCompanyLinks, stripRow } from './rows';
import type { CompanyRow, CrmDb } from './schema';

export type CompanyDraft = Partial<Omit<Company, keyof RecordBase>> & { name: string };

/** "angkor-trade.com.kh" → "Angkor Trade": a readable first guess the rep can edit. */
export function companyNameFromDomain(domain: string): string {
  const label = normaliseDomain(domain).split('.')[0] ?? domain;
  return label
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * A new company for a captured address: named as its signature names it, else after its domain; the domain is kept
 * when there is one (not free mail), so the next address of that domain finds the company.
 */
export function newCompanyRecord(domain: string | null, now: number, name?: string | null): Company {
  const fallback = domain ? companyNameFromDomain(domain) || domain : '';
  return validate(
    companySchema,
    {
      ...newRecordBase(now),
      name: name?.trim() || fallback,
      domains: domain ? [domain] : [],
      phone: '',
      address: '',
      ownerId: null,
      custom: {},
    },
    'Company',
  );
}

/** Company names match ignoring case, repeated spaces and compatibility forms. */
export function companyNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export async function getCompany(db: CrmDb, id: string): Promise<Company | null> {
  const row = await db.get('companies', id);
  return row ? (stripRow(row) as Company) : null;
}

export async function findCompanyByDomain(db: CrmDb, domain: string): Promise<Company | null> {
  const row = await db.getFromIndex('companies', 'byDomain', normaliseDomain(domain));
  return row && row.deletedAt === null ? (stripRow(row) as Company) : null;
}

/**
 * The live company of this name (companyNameKey), the oldest when several share it. Companies are few next to
 * contacts, and their names match ignoring case, so they are read whole rather than through the byName index.
 */
export async function findCompanyByName(db: CrmDb, name: string): Promise<Company | null> {
  const wanted = companyNameKey(name);
  if (wanted === '') return null;
  let found: CompanyRow | null = null;
  for (const row of await db.getAll('companies')) {
    if (row.deletedAt !== null || companyNameKey(row.name) !== wanted) continue;
    if (!found || row.createdAt < found.createdAt) found = row;
  }
  return found ? (stripRow(found) as Company) : null;
}

export async function createCompany(db: CrmDb, draft: CompanyDraft, now: number): Promise<Company> {
  const company = validate(
    companySchema,
    { ...newRecordBase(now), domains: [], phone: '', address: '', ownerId: null, custom: {}, ...draft },
    'Company',
  );
  await writeRecord(db, 'companies', companyRow(company), 'add');
  return company;
}

/** Renaming a company re-keys its deals and its contacts (their name-and-company pair keys) to the new name. */
export async function updateCompany(
  db: CrmDb,
  id: string,
  patch: Partial<Omit<Company, keyof RecordBase>>,
  now: number,
): Promise<Company> {
  const current = await getCompany(db, id);
  if (!current || current.deletedAt !== null) throw new StoreError('not-found', 'This company no longer exists.');
  const next = validate(companySchema, { ...current, ...patch, id, updatedAt: now }, 'Company');
  const tx = recordTx(db, ['companies', 'contacts', 'deals']);
  await putRecord(tx, 'companies', companyRow(next));
  await rekeyCompanyLinks({ contacts: tx.objectStore('contacts'), deals: tx.objectStore('deals') }, current, next);
  await tx.done;
  return next;
}

/**
 * Deletes a company and unlinks its contacts and deals in one transaction. The unlinked ids are returned so an
 * undo can put every link back.
 */
export async function deleteCompany(
  db: CrmDb,
  id: string,
  now: number,
): Promise<{ company: Company; contactIds: string[]; dealIds: string[] }> {
  const tx = recordTx(db, ['companies', 'contacts', 'deals']);
  const row = await tx.objectStore('companies').get(id);
  if (!row || row.deletedAt !== null) {
    abortQuietly(tx);
    throw new StoreError('not-found', 'This company no longer exists.');
  }
  const company = { ...(stripRow(row) as Company), deletedAt: now, updatedAt: now };
  await putRecord(tx, 'companies', companyRow(company));
  const contactIds: string[] = [];
  for (const contact of await tx.objectStore('contacts').index('byCompany').getAll(id)) {
    contactIds.push(contact.id);
    await putRecord(tx, 'contacts', contactRow({ ...stripRow(contact), companyId: null, updatedAt: now }));
  }
  const dealIds: string[] = [];
  for (const deal of await tx.objectStore('deals').index('byCompany').getAll(id)) {
    dealIds.push(deal.id);
    await putRecord(tx, 'deals', dealRow({ ...stripRow(deal), companyId: null, updatedAt: now }));
  }
  await tx.done;
  return { company, contactIds, dealIds };
}
