import type { Activity, Company, Contact, Deal } from '../model';
import { normaliseEmail } from '../model';
import { searchKeys } from '../search/tokens';
import type { ActivityRow, CompanyRow, ContactRow, DealRow, StoredRow } from './schema';

/*
 * How a record becomes the row its store keeps (the index keys of lib/db/schema.ts derived from it, afresh on every
 * write) and back (stripRow). Every write path builds its rows here, so the keys are made one way everywhere.
 */

export function contactRow(contact: Contact, companyName = ''): ContactRow {
  const live = contact.deletedAt === null;
  return {
    ...contact,
    // A tombstone gives its addresses up, so the same person can be added again; undo re-claims them.
    emailKeys: live ? [...new Set(contact.emails.map((e) => normaliseEmail(e.address)))] : [],
    searchKeys: live
      ? searchKeys({
          names: [contact.name],
          company: companyName,
          texts: [contact.jobTitle],
          emails: contact.emails.map((e) => e.address),
        })
      : [],
  };
}

export function companyRow(company: Company): CompanyRow {
  const live = company.deletedAt === null;
  return { ...company, searchKeys: live ? searchKeys({ texts: [company.name], emails: company.domains }) : [] };
}

export function dealRow(deal: Deal, companyName = ''): DealRow {
  const live = deal.deletedAt === null;
  return { ...deal, searchKeys: live ? searchKeys({ texts: [deal.title, companyName] }) : [] };
}

/** The email activity of one message and contact is unique (the byMessageKey index); other activities have no key. */
export function activityRow(activity: Activity): ActivityRow {
  const messageKey =
    activity.type === 'email' && activity.messageId && activity.contactId && activity.deletedAt === null
      ? `${activity.messageId}|${activity.contactId}`
      : undefined;
  return messageKey ? { ...activity, messageKey } : { ...activity };
}
/**
 * Reads the name contacts and deals are keyed with (a deleted company's is ''), once per company, from the
 * companies store of the caller's transaction.
 */
export function companyNameLookup(companies: {
  get(id: string): Promise<CompanyRow | undefined>;
}): (companyId: string | null) => Promise<string> {
  const names = new Map<string, string>();
  return async (companyId) => {
    if (!companyId) return '';
    if (!names.has(companyId)) {
      const row = await companies.get(companyId);
      names.set(companyId, row && row.deletedAt === null ? row.name : '');
    }
    return names.get(companyId) ?? '';
  };
}

interface LinkedRows<R> {
  index(name: 'byCompany'): { getAll(key: string): Promise<R[]> };
  put(row: R): Promise<unknown>;
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

type CompanyVersion = Pick<Company, 'id' | 'name' | 'deletedAt'>;

/**
 * When a company's name or deletion changed from `before` to `after`, re-keys its live contacts and deals under its
 * name now ('' once it is deleted), in the caller's transaction: a person's keys pair their name with the company's
 * first word, a deal's hold the whole name, and rows written before contacts stopped carrying company keys still
 * hold them all. Rows whose keys come out the same are not written.
 */
export async function rekeyCompanyLinks(
  stores: { contacts: unknown; deals: unknown },
  before: CompanyVersion,
  after: CompanyVersion,
): Promise<void> {
  if (before.name === after.name && before.deletedAt === after.deletedAt) return;
  const companyId = after.id;
  const companyName = after.deletedAt === null ? after.name : '';
  const contacts = stores.contacts as LinkedRows<ContactRow>;
  const deals = stores.deals as LinkedRows<DealRow>;
  const [people, linkedDeals] = await Promise.all([
    contacts.index('byCompany').getAll(companyId),
    deals.index('byCompany').getAll(companyId),
  ]);
  const writes: Promise<unknown>[] = [];
  for (const row of people) {
    if (row.deletedAt !== null) continue;
    const next = contactRow(stripRow(row) as Contact, companyName);
    if (!sameKeys(next.searchKeys, row.searchKeys)) writes.push(contacts.put(next));
  }
  for (const row of linkedDeals) {
    if (row.deletedAt !== null) continue;
    const next = dealRow(stripRow(row) as Deal, companyName);
    if (!sameKeys(next.searchKeys, row.searchKeys)) writes.push(deals.put(next));
  }
  await Promise.all(writes);
}

/** The row a record is stored as in its store, with the keys its indexes read. */
export function rowFor(
  store: 'contacts' | 'companies' | 'deals',
  record: Contact | Company | Deal,
  companyName = '',
): StoredRow {
  if (store === 'contacts') return contactRow(record as Contact, companyName);
  if (store === 'companies') return companyRow(record as Company);
  return dealRow(record as Deal, companyName);
}

export function stripRow<T extends object>(row: T): Omit<T, 'emailKeys' | 'searchKeys' | 'messageKey'> {
  const {
    emailKeys: _e,
    searchKeys: _s,
    messageKey: _m,
    ...record
  } = row as T & {
    emailKeys?: unknown;
    searchKeys?: unknown;
    messageKey?: unknown;
  };
  return record;
}
