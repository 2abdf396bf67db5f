import type { Activity, Company, Contact, Deal, LifecycleStage, Task } from '../model';
import { stripRow } from './rows';
import type { CrmDb } from './schema';
import { searchCompanies, searchContacts, searchDeals } from './search';

/**
 * Read-only views for the dashboard, which opens the store itself for large reads (DESIGN.md: sending 100k rows by
 * message would be waste). Every read walks an index cursor and stops when its page is full, so the cost follows
 * the page, never the size of the store.
 */
export type TableEntity = 'contacts' | 'companies' | 'deals';
export type RowOf<E extends TableEntity> = E extends 'contacts' ? Contact : E extends 'companies' ? Company : Deal;

export interface TableFilter {
  /** A rep id, "none" for records without an owner; undefined for all. */
  ownerId?: string;
  lifecycle?: LifecycleStage;
  pipelineId?: string;
  stageId?: string;
  status?: Deal['status'];
}

export interface PageRequest<E extends TableEntity> {
  entity: E;
  filter: TableFilter;
  /** Newest first ("prev") or oldest first ("next") for contacts and deals; Z→A or A→Z by name for companies. */
  direction: 'next' | 'prev';
  /** Raw position in the index range where this page starts: 0, then each page's `nextOffset`. */
  offset: number;
  limit: number;
  /** Rows looked at before giving back a short page, so a rare filter value never freezes the page. */
  maxScan?: number;
}

export interface Page<T> {
  rows: T[];
  /** Where the next page starts, or null at the end of the range. */
  nextOffset: number | null;
}

interface RowCursor<V> {
  value: V;
  advance(count: number): Promise<RowCursor<V> | null>;
  continue(): Promise<RowCursor<V> | null>;
}

interface Plan {
  cursor: Promise<RowCursor<{ deletedAt: number | null }> | null>;
  /** Whether the index range alone answers the filter (else rows are checked one by one). */
  indexed: boolean;
  count: () => Promise<number>;
}

function matches(row: Partial<Contact & Deal & Company>, filter: TableFilter): boolean {
  if (filter.ownerId !== undefined && (row.ownerId ?? 'none') !== filter.ownerId) return false;
  if (filter.lifecycle !== undefined && row.lifecycle !== filter.lifecycle) return false;
  if (filter.pipelineId !== undefined && row.pipelineId !== filter.pipelineId) return false;
  if (filter.stageId !== undefined && row.stageId !== filter.stageId) return false;
  if (filter.status !== undefined && row.status !== filter.status) return false;
  return true;
}

/** Picks the index that answers most of the filter; what it cannot answer is checked row by row. */
function plan(db: CrmDb, entity: TableEntity, filter: TableFilter, direction: 'next' | 'prev'): Plan {
  const tx = db.transaction(entity);
  type Opened = Plan['cursor'];
  if (entity === 'contacts') {
    const index = tx.objectStore('contacts').index('byUpdated');
    return {
      cursor: index.openCursor(null, direction) as Opened,
      indexed: filter.ownerId === undefined && filter.lifecycle === undefined,
      count: () => index.count(),
    };
  }
  if (entity === 'companies') {
    const index = tx.objectStore('companies').index('byName');
    return {
      cursor: index.openCursor(null, direction) as Opened,
      indexed: filter.ownerId === undefined,
      count: () => index.count(),
    };
  }
  const deals = tx.objectStore('deals');
  const rest = filter.ownerId === undefined;
  if (filter.pipelineId !== undefined) {
    const index = deals.index('byStage');
    const range =
      filter.stageId !== undefined
        ? IDBKeyRange.only([filter.pipelineId, filter.stageId])
        : IDBKeyRange.bound([filter.pipelineId, ''], [filter.pipelineId, '\uffff']);
    return {
      cursor: index.openCursor(range, direction) as Opened,
      indexed: rest && filter.status === undefined,
      count: () => index.count(range),
    };
  }
  if (filter.status !== undefined) {
    const index = deals.index('byStatus');
    return {
      cursor: index.openCursor(IDBKeyRange.only(filter.status), direction) as Opened,
      indexed: rest && filter.stageId === undefined,
      count: () => index.count(IDBKeyRange.only(filter.status!)),
    };
  }
  const index = deals.index('byUpdated');
  return {
    cursor: index.openCursor(null, direction) as Opened,
    indexed: rest && filter.stageId === undefined,
    count: () => index.count(),
  };
}

/**
 * One page of a table. `advance` skips to the page's start without reading the skipped rows; tombstones and rows the
 * index could not filter out are stepped over, so a page may hold fewer than `limit` rows only at the end or when
 * `maxScan` was reached.
 */
export async function readPage<E extends TableEntity>(db: CrmDb, request: PageRequest<E>): Promise<Page<RowOf<E>>> {
  const { cursor: opened } = plan(db, request.entity, request.filter, request.direction);
  let cursor = await opened;
  if (cursor && request.offset > 0) cursor = await cursor.advance(request.offset);
  const rows: RowOf<E>[] = [];
  let position = request.offset;
  let scanned = 0;
  const maxScan = request.maxScan ?? 5000;
  while (cursor && rows.length < request.limit && scanned < maxScan) {
    const row = cursor.value;
    if (row.deletedAt === null && matches(row, request.filter)) rows.push(stripRow(row) as RowOf<E>);
    position++;
    scanned++;
    cursor = await cursor.continue();
  }
  return { rows, nextOffset: cursor ? position : null };
}

/**
 * How many rows the table has, counted by the index without reading a row. When part of the filter is checked row by
 * row, the count is of the index range and marked approximate. Tombstones awaiting purge are counted too.
 */
export async function countRows(
  db: CrmDb,
  entity: TableEntity,
  filter: TableFilter,
): Promise<{ count: number; approximate: boolean }> {
  const { count, indexed } = plan(db, entity, filter, 'next');
  return { count: await count(), approximate: !indexed };
}

/** Search through the bySearch index (lib/db/search.ts), then the table's filter on the few matches. */
export async function searchRows<E extends TableEntity>(
  db: CrmDb,
  entity: E,
  query: string,
  filter: TableFilter,
  limit = 200,
): Promise<RowOf<E>[]> {
  const found =
    entity === 'contacts'
      ? await searchContacts(db, query, limit)
      : entity === 'companies'
        ? await searchCompanies(db, query, limit)
        : await searchDeals(db, query, limit);
  return (found as RowOf<E>[]).filter((row) => matches(row, filter));
}

export async function getRecord<E extends TableEntity>(db: CrmDb, entity: E, id: string): Promise<RowOf<E> | null> {
  const row = await db.get(entity, id);
  return row && row.deletedAt === null ? (stripRow(row) as unknown as RowOf<E>) : null;
}

/** Names of the given companies, for cards and table cells; one transaction, one get per distinct id. */
export async function companyNames(db: CrmDb, ids: Iterable<string | null>): Promise<Record<string, string>> {
  const store = db.transaction('companies').store;
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  const rows = await Promise.all(unique.map((id) => store.get(id)));
  const out: Record<string, string> = {};
  for (const row of rows) if (row && row.deletedAt === null) out[row.id] = row.name;
  return out;
}

export async function contactsByIds(db: CrmDb, ids: readonly string[]): Promise<Contact[]> {
  const store = db.transaction('contacts').store;
  const rows = await Promise.all(ids.map((id) => store.get(id)));
  return rows.filter((r) => r !== undefined && r.deletedAt === null).map((r) => stripRow(r!) as Contact);
}

/** Open deals of one pipeline, read along (pipeline, stage): the board's data. */
export async function openDealsInPipeline(db: CrmDb, pipelineId: string): Promise<Deal[]> {
  const rows = await db.getAllFromIndex(
    'deals',
    'byStage',
    IDBKeyRange.bound([pipelineId, ''], [pipelineId, '\uffff']),
  );
  return rows.filter((r) => r.deletedAt === null && r.status === 'open').map((r) => stripRow(r) as Deal);
}

export async function dealsForCompany(db: CrmDb, companyId: string): Promise<Deal[]> {
  const rows = await db.getAllFromIndex('deals', 'byCompany', companyId);
  return rows.filter((r) => r.deletedAt === null).map((r) => stripRow(r) as Deal);
}

export async function dealsForContact(db: CrmDb, contactId: string): Promise<Deal[]> {
  const rows = await db.getAllFromIndex('deals', 'byContact', contactId);
  return rows.filter((r) => r.deletedAt === null).map((r) => stripRow(r) as Deal);
}

export async function contactsForCompany(db: CrmDb, companyId: string): Promise<Contact[]> {
  const rows = await db.getAllFromIndex('contacts', 'byCompany', companyId);
  return rows.filter((r) => r.deletedAt === null).map((r) => stripRow(r) as Contact);
}

const newestFirst = (a: Activity, b: Activity) => b.occurredAt - a.occurredAt;

/** A record's timeline, newest first; for a company, its own activities and its contacts' merged. */
export async function timeline(
  db: CrmDb,
  of: { contactIds?: readonly string[]; dealId?: string; companyId?: string },
  limit = 100,
): Promise<Activity[]> {
  const tx = db.transaction('activities');
  const store = tx.store;
  const seen = new Map<string, Activity>();
  const keep = (rows: Activity[]) => {
    for (const row of rows) if (row.deletedAt === null) seen.set(row.id, stripRow(row) as Activity);
  };
  const newest = async (contactId: string) => {
    const out: Activity[] = [];
    let cursor = await store
      .index('byContactTime')
      .openCursor(IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]), 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  };
  const batches = await Promise.all([
    ...(of.contactIds ?? []).map(newest),
    of.dealId ? store.index('byDeal').getAll(of.dealId, limit * 2) : Promise.resolve([]),
    of.companyId ? store.index('byCompany').getAll(of.companyId, limit * 2) : Promise.resolve([]),
  ]);
  for (const batch of batches) keep(batch);
  return [...seen.values()].sort(newestFirst).slice(0, limit);
}

/** Open and done tasks tied to a contact, a deal or a company's contacts and deals, soonest first. */
export async function tasksFor(
  db: CrmDb,
  of: { contactIds?: readonly string[]; dealIds?: readonly string[] },
): Promise<Task[]> {
  const store = db.transaction('tasks').store;
  const batches = await Promise.all([
    ...(of.contactIds ?? []).map((id) => store.index('byContact').getAll(id)),
    ...(of.dealIds ?? []).map((id) => store.index('byDeal').getAll(id)),
  ]);
  const byId = new Map<string, Task>();
  for (const task of batches.flat()) if (task.deletedAt === null) byId.set(task.id, task);
  return [...byId.values()].sort((a, b) => a.dueAt - b.dueAt);
}

/** Open tasks in pages, soonest first, for the tasks view. */
export async function openTasksPage(db: CrmDb, offset: number, limit: number): Promise<Page<Task>> {
  let cursor = await db
    .transaction('tasks')
    .store.index('byStatusDue')
    .openCursor(IDBKeyRange.bound(['open', 0], ['open', Number.MAX_SAFE_INTEGER]));
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  const rows: Task[] = [];
  let position = offset;
  while (cursor && rows.length < limit) {
    if (cursor.value.deletedAt === null) rows.push(cursor.value);
    position++;
    cursor = await cursor.continue();
  }
  return { rows, nextOffset: cursor ? position : null };
}

export interface Overview {
  contacts: number;
  companies: number;
  openDeals: number;
  openTasks: number;
}

/** Counts for the home page, from the indexes alone. */
export async function overviewCounts(db: CrmDb): Promise<Overview> {
  const tx = db.transaction(['contacts', 'companies', 'deals', 'tasks']);
  const [contacts, companies, openDeals, openTasks] = await Promise.all([
    tx.objectStore('contacts').count(),
    tx.objectStore('companies').count(),
    tx.objectStore('deals').index('byStatus').count('open'),
    tx
      .objectStore('tasks')
      .index('byStatusDue')
      .count(IDBKeyRange.bound(['open', 0], ['open', Number.MAX_SAFE_INTEGER])),
  ]);
  return { contacts, companies, openDeals, openTasks };
}
