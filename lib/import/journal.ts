import { commit, StoreError } from '../db/errors';
import type { CrmDb, ImportRecord } from '../db/schema';
import { newId } from '../model';

/**
 * An import's record, and the journal of what it wrote.
 *
 * What undo needs (ids created, versions before an update) is kept per batch in "journal pages": ImportRecords
 * stored under `<importId>:<seq>` next to the import's own record. Keeping it all in the one record would rewrite a
 * growing array of up to 100k rows at every batch (quadratic); a page per batch is written once, and undo walks
 * the pages backwards, one transaction each, deleting each page as it is undone, so an interrupted undo resumes too.
 */
export type ImportStore = ImportRecord['entity'];

export function importGone(): StoreError {
  return new StoreError('not-found', 'This import no longer exists.');
}

const PAGE_SEPARATOR = ':';

export function pageRange(importId: string): IDBKeyRange {
  // ';' is the code point after ':', so this range holds exactly the pages of this import.
  return IDBKeyRange.bound(`${importId}${PAGE_SEPARATOR}`, `${importId};`, false, true);
}

function pageId(importId: string, seq: number): string {
  return `${importId}${PAGE_SEPARATOR}${String(seq).padStart(7, '0')}`;
}

export interface ImportSummary extends Omit<ImportRecord, 'createdIds' | 'previous'> {
  /** Journal pages left: above 0 on an undone import means its undo was interrupted and can be finished. */
  pages: number;
}

function summary(record: ImportRecord, pages: number): ImportSummary {
  const { createdIds: _c, previous: _p, ...rest } = record;
  return { ...rest, pages };
}

export async function startImport(
  db: CrmDb,
  input: { entity: ImportStore; fileName: string; totalRows: number },
  now: number,
): Promise<ImportSummary> {
  const record: ImportRecord = {
    id: newId(),
    entity: input.entity,
    fileName: input.fileName.slice(0, 260),
    startedAt: now,
    finishedAt: null,
    status: 'running',
    processedRows: 0,
    totalRows: input.totalRows,
    createdIds: [],
    previous: [],
  };
  await db.add('imports', record);
  return summary(record, 0);
}

/** The imports store of a transaction the caller has open. */
interface ImportsReader {
  get(id: string): Promise<ImportRecord | undefined>;
  count(query: IDBKeyRange): Promise<number>;
}

async function readSummary(store: ImportsReader, importId: string): Promise<ImportSummary | null> {
  const [record, pages] = await Promise.all([store.get(importId), store.count(pageRange(importId))]);
  return record ? summary(record, pages) : null;
}

export async function getImport(db: CrmDb, importId: string): Promise<ImportSummary | null> {
  return readSummary(db.transaction('imports').store, importId);
}

/** Every import, newest first, without reading the journal pages' contents. */
export async function listImports(db: CrmDb, limit = 200): Promise<ImportSummary[]> {
  const tx = db.transaction('imports');
  const ids: string[] = [];
  let cursor = await tx.store.openKeyCursor();
  while (cursor) {
    const key = String(cursor.key);
    if (key.includes(PAGE_SEPARATOR)) {
      cursor = await cursor.continue();
    } else {
      ids.push(key);
      // Pages sort right after their import: jump over them without visiting each.
      cursor = await cursor.continue(`${key};`);
    }
  }
  const found = await Promise.all(ids.map((id) => readSummary(tx.store, id)));
  return found
    .filter((record): record is ImportSummary => record !== null)
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, limit);
}

export async function setImportStatus(
  db: CrmDb,
  importId: string,
  status: 'running' | 'done' | 'cancelled',
  now: number,
): Promise<ImportSummary> {
  const tx = db.transaction('imports', 'readwrite');
  return commit(tx, async () => {
    const record = await tx.store.get(importId);
    if (!record) throw importGone();
    if (record.status === 'undone') throw new StoreError('conflict', 'This import was undone.', 'status');
    if (status === 'running' && record.status === 'done') {
      throw new StoreError('conflict', 'This import is finished: there is nothing to resume.', 'status');
    }
    const next: ImportRecord = { ...record, status, finishedAt: status === 'running' ? null : now };
    await tx.store.put(next);
    return summary(next, await tx.store.count(pageRange(importId)));
  });
}

/** The imports store of whichever readwrite transaction the caller has open. */
interface ImportsStore {
  count(query: IDBKeyRange): Promise<number>;
  add(value: ImportRecord): Promise<unknown>;
  put(value: ImportRecord): Promise<unknown>;
}

/** Adds the batch's journal page (when it has anything to undo) and moves the import forward, in the caller's tx. */
export async function writeProgress(
  store: ImportsStore,
  record: ImportRecord,
  page: { createdIds: string[]; previous: ImportRecord['previous'] },
  processedRows: number,
  now: number,
): Promise<void> {
  if (page.createdIds.length > 0 || page.previous.length > 0) {
    const seq = await store.count(pageRange(record.id));
    await store.add({
      ...record,
      id: pageId(record.id, seq),
      fileName: '',
      startedAt: now,
      finishedAt: now,
      status: 'done',
      processedRows,
      totalRows: 0,
      createdIds: page.createdIds,
      previous: page.previous,
    });
  }
  await store.put({ ...record, processedRows });
}

export async function runningImport(store: { get(id: string): Promise<ImportRecord | undefined> }, importId: string) {
  const record = await store.get(importId);
  if (!record) throw importGone();
  if (record.status !== 'running') {
    throw new StoreError('conflict', `This import is ${record.status}: it takes no more rows.`, 'status');
  }
  return record;
}

/**
 * Issues a request without waiting for it: a failure aborts the transaction and surfaces through `tx.done`, so the
 * request's own rejection is not also an unhandled one.
 */
export function fire(request: Promise<unknown>): void {
  request.catch(() => undefined);
}
