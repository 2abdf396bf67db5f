import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
  Activity,
  Company,
  Contact,
  CustomPropertyDef,
  Deal,
  Pipeline,
  Rep,
  Settings,
  Source,
  Task,
} from '../model';
import { defaultPipeline, defaultSettings, defaultSources, normalizeEmail } from '../model';
import { searchKeys } from '../search/tokens';

/**
 * Stored rows carry index keys derived from the record on every write: `emailKeys` (normalised addresses, unique)
 * and `searchKeys` (see lib/search/tokens.ts). They are never part of what the rest of the app sees.
 */
export type ContactRow = Contact & { emailKeys: string[]; searchKeys: string[] };
export type CompanyRow = Company & { searchKeys: string[] };
export type DealRow = Deal & { searchKeys: string[] };
/** `messageKey` = "<gmail message id>|<contact id>": one email activity per message and contact. */
export type ActivityRow = Activity & { messageKey?: string };

export interface ImportRecord {
  id: string;
  entity: 'contacts' | 'companies' | 'deals';
  fileName: string;
  startedAt: number;
  finishedAt: number | null;
  status: 'running' | 'done' | 'cancelled' | 'undone';
  /** Rows handled so far: an interrupted import resumes after these. */
  processedRows: number;
  totalRows: number;
  createdIds: string[];
  /** The records as they were before this import updated them, for undo. */
  previous: Array<ContactRow | CompanyRow | DealRow>;
}

/** A contact merge, journaled for undo: the rows the merge wrote, as they were before it. */
export interface MergeRecord {
  id: string;
  keepId: string;
  dropId: string;
  mergedAt: number;
  undoneAt: number | null;
  before: { keep: ContactRow; drop: ContactRow; deals: DealRow[]; activities: ActivityRow[]; tasks: Task[] };
}

export interface ThreadPrefs {
  threadId: string;
  doNotLog: boolean;
}

export interface CrmSchema extends DBSchema {
  contacts: {
    key: string;
    value: ContactRow;
    indexes: { byEmail: string; byCompany: string; bySearch: string; byUpdated: number };
  };
  companies: { key: string; value: CompanyRow; indexes: { byDomain: string; bySearch: string; byName: string } };
  deals: {
    key: string;
    value: DealRow;
    indexes: {
      byContact: string;
      byCompany: string;
      byStage: [string, string];
      byStatus: string;
      bySearch: string;
      byUpdated: number;
    };
  };
  activities: {
    key: string;
    value: ActivityRow;
    indexes: {
      byContactTime: [string, number];
      byThread: string;
      byMessageKey: string;
      byDeal: string;
      byCompany: string;
      byTime: number;
    };
  };
  tasks: {
    key: string;
    value: Task;
    indexes: { byStatusDue: [string, number]; byContact: string; byDeal: string; byThread: string };
  };
  pipelines: { key: string; value: Pipeline };
  sources: { key: string; value: Source };
  reps: { key: string; value: Rep };
  propertyDefs: { key: string; value: CustomPropertyDef; indexes: { byEntity: string } };
  settings: { key: 'settings'; value: Settings };
  threadPrefs: { key: string; value: ThreadPrefs };
  imports: { key: string; value: ImportRecord; indexes: { byStarted: number } };
  merges: { key: string; value: MergeRecord; indexes: { byKeep: string } };
}

export type CrmDb = IDBPDatabase<CrmSchema>;
export type UpgradeTx = IDBPTransaction<CrmSchema, StoreNames<CrmSchema>[], 'versionchange'>;

/**
 * v1: the records and the hot-path indexes (email, domain, links, timeline, due tasks).
 * v2: search keys (word and Khmer-syllable prefixes) on contacts, companies and deals, backfilled from v1 rows;
 *     per-thread logging preferences; import history for resume and undo.
 * v3: search keys re-made: word starts found without the browser's word breaker, word-pair keys for two-word
 *     queries, no key that merely starts another. Same indexes; every searchable row is re-keyed.
 * Since v3, a contact's keys no longer hold its company's name (search reaches people through their company). Rows
 * written before keep those keys without a new version: they stay the current company's, because every write that
 * renames or deletes a company or moves a person re-keys the person (rekeyCompanyLinks: the company form, an import
 * and its undo, a merged backup), and search drops the duplicate; re-keying 100k rows in an upgrade would buy
 * nothing but a smaller index, and each row loses them when it is next written.
 * v4: the merge journal, so a contact merge can be undone. Merges made before it have none and stay as they are.
 */
export const DB_VERSION = 4;
export const DB_NAME = 'sidecar-crm';

export function contactRow(contact: Contact, companyName = ''): ContactRow {
  const live = contact.deletedAt === null;
  return {
    ...contact,
    // A tombstone gives its addresses up, so the same person can be added again; undo re-claims them.
    emailKeys: live ? [...new Set(contact.emails.map((e) => normalizeEmail(e.address)))] : [],
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

export type StoredRow = ContactRow | CompanyRow | DealRow;

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

/** Each rung runs once, in order, so a database several versions behind climbs every one of them. */
export function upgradeCrmDb(db: CrmDb, oldVersion: number, tx: UpgradeTx, now: number): void {
  if (oldVersion < 1) {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('byEmail', 'emailKeys', { unique: true, multiEntry: true });
    contacts.createIndex('byCompany', 'companyId');
    contacts.createIndex('byUpdated', 'updatedAt');
    const companies = db.createObjectStore('companies', { keyPath: 'id' });
    companies.createIndex('byDomain', 'domains', { multiEntry: true });
    companies.createIndex('byName', 'name');
    const deals = db.createObjectStore('deals', { keyPath: 'id' });
    deals.createIndex('byContact', 'contactIds', { multiEntry: true });
    deals.createIndex('byCompany', 'companyId');
    deals.createIndex('byStage', ['pipelineId', 'stageId']);
    deals.createIndex('byStatus', 'status');
    deals.createIndex('byUpdated', 'updatedAt');
    const activities = db.createObjectStore('activities', { keyPath: 'id' });
    activities.createIndex('byContactTime', ['contactId', 'occurredAt']);
    activities.createIndex('byThread', 'threadId');
    activities.createIndex('byMessageKey', 'messageKey', { unique: true });
    activities.createIndex('byDeal', 'dealId');
    activities.createIndex('byCompany', 'companyId');
    activities.createIndex('byTime', 'occurredAt');
    const tasks = db.createObjectStore('tasks', { keyPath: 'id' });
    tasks.createIndex('byStatusDue', ['status', 'dueAt']);
    tasks.createIndex('byContact', 'contactId');
    tasks.createIndex('byDeal', 'dealId');
    tasks.createIndex('byThread', 'threadId');
    db.createObjectStore('pipelines', { keyPath: 'id' });
    db.createObjectStore('sources', { keyPath: 'id' });
    db.createObjectStore('reps', { keyPath: 'id' });
    const defs = db.createObjectStore('propertyDefs', { keyPath: 'id' });
    defs.createIndex('byEntity', 'entity');
    db.createObjectStore('settings');

    const pipeline = defaultPipeline(now);
    void tx.objectStore('pipelines').put(pipeline);
    for (const source of defaultSources(now)) void tx.objectStore('sources').put(source);
    void tx.objectStore('settings').put(defaultSettings(pipeline.id), 'settings');
  }
  if (oldVersion < 2) {
    tx.objectStore('contacts').createIndex('bySearch', 'searchKeys', { multiEntry: true });
    tx.objectStore('companies').createIndex('bySearch', 'searchKeys', { multiEntry: true });
    tx.objectStore('deals').createIndex('bySearch', 'searchKeys', { multiEntry: true });
    db.createObjectStore('threadPrefs', { keyPath: 'threadId' });
    db.createObjectStore('imports', { keyPath: 'id' }).createIndex('byStarted', 'startedAt');
  }
  // v2 added the keys and v3 changed how they are made: either way, rows written before v3 are keyed again.
  if (oldVersion >= 1 && oldVersion < 3) rekeySearch(tx);
  if (oldVersion < 4) db.createObjectStore('merges', { keyPath: 'id' }).createIndex('byKeep', 'keepId');
}

/**
 * Writes every searchable row's keys afresh. Companies are read first so each contact is keyed with its company's
 * name too. Cursors chain inside the upgrade transaction (no outside awaits), which keeps it alive to the end.
 */
function rekeySearch(tx: UpgradeTx): void {
  const companyNames = new Map<string, string>();
  const companies = tx.objectStore('companies');
  void companies.openCursor().then(async function walkCompanies(cursor): Promise<void> {
    while (cursor) {
      const row = cursor.value;
      companyNames.set(row.id, row.deletedAt === null ? row.name : '');
      await cursor.update(companyRow(stripRow(row) as Company));
      cursor = await cursor.continue();
    }
    let contactCursor = await tx.objectStore('contacts').openCursor();
    while (contactCursor) {
      const contact = stripRow(contactCursor.value) as Contact;
      await contactCursor.update(contactRow(contact, companyNames.get(contact.companyId ?? '') ?? ''));
      contactCursor = await contactCursor.continue();
    }
    let dealCursor = await tx.objectStore('deals').openCursor();
    while (dealCursor) {
      const deal = stripRow(dealCursor.value) as Deal;
      await dealCursor.update(dealRow(deal, companyNames.get(deal.companyId ?? '') ?? ''));
      dealCursor = await dealCursor.continue();
    }
  });
}
