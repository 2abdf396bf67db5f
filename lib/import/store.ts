import type { z } from 'zod';
import { commit as commitTx, StoreError, validate } from '../db/errors';
import { companyNameLookup, companyRow, contactRow, dealRow, rekeyCompanyLinks, rowFor, stripRow } from '../db/rows';
import type { ActivityRow, CompanyRow, ContactRow, CrmDb, DealRow, ImportRecord, StoredRow } from '../db/schema';
import type { Activity, Company, Contact, Deal, Pipeline, Rep, Source } from '../model';
import {
  activitySchema,
  companySchema,
  contactSchema,
  dealSchema,
  newId,
  newRecordBase,
  normalizeDomain,
  normalizeEmail,
  sourceSchema,
} from '../model';
import type { ImportDraft, ImportRowInput } from './draft';

/**
 * Applying a planned CSV import to the store, resuming it, and undoing it.
 *
 * Rows arrive in chunks (the page plans, the worker writes) and are written in batches, each batch ONE readwrite
 * transaction that also moves the import's `processedRows` forward: a worker killed mid-import leaves whole batches
 * only, and the import resumes after `processedRows`.
 *
 * What undo needs (ids created, versions before an update) is kept per batch in "journal pages": ImportRecords
 * stored under `<importId>:<seq>` next to the import's own record. Keeping it all in the one record would rewrite a
 * growing array of up to 100k rows at every batch (quadratic); a page per batch is written once, and undo walks
 * the pages backwards, one transaction each, deleting each page as it is undone, so an interrupted undo resumes too.
 */
export type ImportStore = ImportRecord['entity'];

export interface RowRejection {
  row: number;
  reason: string;
}

/** A batch refused before anything was written: every row at fault, with the reason. */
export class ImportBatchError extends StoreError {
  constructor(readonly rows: RowRejection[]) {
    super('invalid', rows.map((r) => `row ${r.row}: ${r.reason}`).join('; '));
    this.name = 'ImportBatchError';
  }
}

/** Someone changed a record this batch updates between its read and its write: the batch is read again. */
class ChangedMeanwhile extends Error {}

export const IMPORT_BATCH_SIZE = 500;
const ENTITY_OF: Record<ImportStore, ImportDraft['entity']> = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
};
const STORE_OF: Record<ImportDraft['entity'], ImportStore> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
};

/**
 * The id of the record row `row` of an import creates: derived, not random, so an update of "the record row 12
 * created" resolves in any later chunk or after a resume without a row → id table. The import id's first 80 bits
 * (74 random) keep imports apart; the last 48 bits are the row number.
 */
export function importRowId(importId: string, row: number): string {
  if (!Number.isSafeInteger(row) || row < 1 || row >= 2 ** 48) throw new RangeError('row number out of range');
  return `${importId.slice(0, 24)}${row.toString(16).padStart(12, '0')}`;
}

function createdByImport(importId: string, id: string): boolean {
  return id.startsWith(importId.slice(0, 24));
}

// ---------------------------------------------------------------------------------------------------------------
// Import records and their journal pages

const PAGE_SEPARATOR = ':';

function pageRange(importId: string): IDBKeyRange {
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

export async function getImport(db: CrmDb, importId: string): Promise<ImportSummary | null> {
  const tx = db.transaction('imports');
  const [record, pages] = await Promise.all([tx.store.get(importId), tx.store.count(pageRange(importId))]);
  return record ? summary(record, pages) : null;
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
  const found = await Promise.all(
    ids.map(async (id) => {
      const [record, pages] = await Promise.all([tx.store.get(id), tx.store.count(pageRange(id))]);
      return record ? summary(record, pages) : null;
    }),
  );
  return found
    .filter((record): record is ImportSummary => record !== null)
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, limit);
}

/** The imports store of whichever readwrite transaction the caller has open. */
interface ImportsStore {
  count(query: IDBKeyRange): Promise<number>;
  add(value: ImportRecord): Promise<unknown>;
  put(value: ImportRecord): Promise<unknown>;
}

/** Adds the batch's journal page (when it has anything to undo) and moves the import forward, in the caller's tx. */
async function writeProgress(
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

async function runningImport(store: { get(id: string): Promise<ImportRecord | undefined> }, importId: string) {
  const record = await store.get(importId);
  if (!record) throw new StoreError('not-found', 'This import no longer exists.');
  if (record.status !== 'running') {
    throw new StoreError('conflict', `This import is ${record.status}: it takes no more rows.`, 'status');
  }
  return record;
}

/**
 * Issues a request without waiting for it: a failure aborts the transaction and surfaces through `tx.done`, so the
 * request's own rejection is not also an unhandled one.
 */
function fire(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

interface RowStore {
  add(value: StoredRow): Promise<unknown>;
  put(value: StoredRow): Promise<unknown>;
}

/** Commits a transaction's work or aborts it; a changed record is left for the caller to read again. */
function commit<T>(tx: { done: Promise<void>; abort(): void }, work: () => Promise<T>): Promise<T> {
  return commitTx(tx, work, (error) => error instanceof ChangedMeanwhile);
}

/**
 * Creates the companies a plan wants before its rows link to them (plan.companiesToCreate), a batch per
 * transaction. Answers their ids in the order of `names`.
 */
export async function createImportCompanies(
  db: CrmDb,
  importId: string,
  names: readonly string[],
  now: number,
  batchSize = IMPORT_BATCH_SIZE,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < names.length; start += batchSize) {
    const companies = names
      .slice(start, start + batchSize)
      .map((name) =>
        validate(
          companySchema,
          { ...newRecordBase(now), name, domains: [], phone: '', address: '', ownerId: null, custom: {} },
          `Company ${name}`,
        ),
      );
    const tx = db.transaction(['imports', 'companies'], 'readwrite');
    await commit(tx, async () => {
      const record = await runningImport(tx.objectStore('imports'), importId);
      for (const company of companies) fire(tx.objectStore('companies').add(companyRow(company)));
      await writeProgress(
        tx.objectStore('imports'),
        record,
        { createdIds: companies.map((c) => c.id), previous: [] },
        record.processedRows,
        now,
      );
    });
    ids.push(...companies.map((c) => c.id));
  }
  return ids;
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
    if (!record) throw new StoreError('not-found', 'This import no longer exists.');
    if (record.status === 'undone') throw new StoreError('conflict', 'This import was undone.', 'status');
    if (status === 'running' && record.status === 'done') {
      throw new StoreError('conflict', 'This import is finished: there is nothing to resume.', 'status');
    }
    const next: ImportRecord = { ...record, status, finishedAt: status === 'running' ? null : now };
    await tx.store.put(next);
    return summary(next, await tx.store.count(pageRange(importId)));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Applying rows

export interface ApplyResult {
  processedRows: number;
  created: number;
  updated: number;
  /** Rows the store refused (an address another contact has, a record that is gone …): nothing of them written. */
  rejected: RowRejection[];
}

/**
 * Applies one chunk of planned rows: every `new`/`update` row up to `throughRow` (skipped and invalid rows are not
 * sent; `throughRow` moves past them too). Rows at or before the import's processedRows are ignored, so a chunk
 * sent twice writes once. A row the store refuses is reported and left out; the rest of its batch is written.
 */
export async function applyImportRows(
  db: CrmDb,
  importId: string,
  rows: readonly ImportRowInput[],
  throughRow: number,
  now: number,
  batchSize = IMPORT_BATCH_SIZE,
): Promise<ApplyResult> {
  const result: ApplyResult = { processedRows: 0, created: 0, updated: 0, rejected: [] };
  const record = await db.get('imports', importId);
  if (!record) throw new StoreError('not-found', 'This import no longer exists.');
  const sorted = rows.filter((r) => r.row > record.processedRows && r.row <= throughRow).sort((a, b) => a.row - b.row);
  result.processedRows = record.processedRows;
  if (throughRow <= record.processedRows) return result;

  const batches: ImportRowInput[][] = [];
  for (let start = 0; start < sorted.length; start += batchSize) batches.push(sorted.slice(start, start + batchSize));
  if (batches.length === 0) batches.push([]);
  for (const [index, first] of batches.entries()) {
    // A batch's rows end just before the next batch's first row: the skipped rows between belong to it.
    const next = batches[index + 1]?.[0];
    const through = next ? next.row - 1 : throughRow;
    let batch = first;
    for (let attempt = 0; ; attempt++) {
      try {
        const done = await applyImportBatch(db, importId, batch, through, now);
        result.created += done.created;
        result.updated += done.updated;
        result.processedRows = through;
        break;
      } catch (error) {
        if (error instanceof ImportBatchError && attempt < 5) {
          const refused = new Set(error.rows.map((r) => r.row));
          result.rejected.push(...error.rows);
          batch = batch.filter((r) => !refused.has(r.row));
          continue;
        }
        if (error instanceof ChangedMeanwhile && attempt < 5) continue;
        throw error;
      }
    }
  }
  return result;
}

interface Prepared {
  puts: { row: ContactRow | CompanyRow | DealRow; isNew: boolean }[];
  activities: ActivityRow[];
  sources: Source[];
  createdIds: string[];
  previous: Array<ContactRow | CompanyRow | DealRow>;
  /** updatedAt of each updated stored record when read: the write checks nobody changed it meanwhile. */
  expected: Map<string, number>;
  created: number;
  updated: number;
}

/**
 * One batch, all or nothing: every record is built and validated with the model's schema first; any refusal
 * throws ImportBatchError naming each row at fault and writes nothing. Then one transaction writes the records,
 * their note activities, new sources, the journal page and processedRows = `throughRow`.
 */
export async function applyImportBatch(
  db: CrmDb,
  importId: string,
  rows: readonly ImportRowInput[],
  throughRow: number,
  now: number,
): Promise<{ created: number; updated: number }> {
  const record = await db.get('imports', importId);
  if (!record) throw new StoreError('not-found', 'This import no longer exists.');
  if (record.status !== 'running') {
    throw new StoreError('conflict', `This import is ${record.status}: it takes no more rows.`, 'status');
  }
  const entity = ENTITY_OF[record.entity];
  const wrong = rows.find((r) => r.draft.entity !== entity);
  if (wrong) throw new StoreError('invalid', `Row ${wrong.row} is a ${wrong.draft.entity}, not a ${entity}.`);

  const context = await readContext(db, importId, record.entity, rows);
  const prepared = prepare(importId, rows, context, now);

  const storeName = record.entity;
  // A company renamed by the import takes its people's and deals' keys with it (rekeyCompanyLinks). Every batch
  // takes the three record stores, which only makes other writes to them wait for the batch (under a second).
  const tx = db.transaction(['imports', 'contacts', 'companies', 'deals', 'activities', 'sources'], 'readwrite');
  return commit(tx, async () => {
    const current = await runningImport(tx.objectStore('imports'), importId);
    // Another call wrote this batch already (a chunk sent twice): write nothing more.
    if (current.processedRows >= throughRow) return { created: 0, updated: 0 };
    const store = tx.objectStore(storeName);
    const stamps = await Promise.all([...prepared.expected.keys()].map((id) => store.get(id)));
    const changed = [...prepared.expected.entries()].some(([, at], i) => stamps[i]?.updatedAt !== at);
    if (changed) throw new ChangedMeanwhile();
    // Requests are issued without awaiting each one: a failure of any of them aborts the whole transaction.
    for (const source of prepared.sources) fire(tx.objectStore('sources').add(source));
    // The rows are all of this store's type at run time; idb types the three stores separately.
    const target = store as unknown as RowStore;
    for (const { row, isNew } of prepared.puts) fire(isNew ? target.add(row) : target.put(row));
    for (const activity of prepared.activities) fire(tx.objectStore('activities').add(activity));
    if (storeName === 'companies') {
      const links = { contacts: tx.objectStore('contacts'), deals: tx.objectStore('deals') };
      for (const { row, isNew } of prepared.puts) {
        const before = context.targets.get(row.id) as CompanyRow | undefined;
        if (!isNew && before) await rekeyCompanyLinks(links, before, row as CompanyRow);
      }
    }
    await writeProgress(
      tx.objectStore('imports'),
      current,
      { createdIds: prepared.createdIds, previous: prepared.previous },
      throughRow,
      now,
    );
    return { created: prepared.created, updated: prepared.updated };
  });
}

interface BatchContext {
  /** Stored records the batch updates (or whose ids it may reuse), by id. */
  targets: Map<string, ContactRow | CompanyRow | DealRow | undefined>;
  companyNames: Map<string, string>;
  /** Normalised address → id of the live contact holding it. */
  emailOwners: Map<string, string>;
  sources: Source[];
  reps: Rep[];
  pipelines: Map<string, Pipeline>;
}

/** Everything the batch needs from the store, read before the write so that no await but IndexedDB's is in it. */
async function readContext(
  db: CrmDb,
  importId: string,
  storeName: ImportStore,
  rows: readonly ImportRowInput[],
): Promise<BatchContext> {
  const tx = db.transaction(['contacts', 'companies', 'deals', 'sources', 'reps', 'pipelines']);
  const targetIds = new Set<string>();
  const companyIds = new Set<string>();
  const emails = new Set<string>();
  for (const row of rows) {
    if (row.target) targetIds.add(targetId(importId, row.target));
    if (row.companyId) companyIds.add(row.companyId);
    const draft = row.draft;
    if (draft.entity === 'contact') for (const e of draft.emails) emails.add(normalizeEmail(e.address));
    if (draft.entity === 'deal') for (const e of draft.contactEmails) emails.add(normalizeEmail(e));
  }
  const store = tx.objectStore(storeName);
  const [targetRows, sources, reps, pipelines, owners] = await Promise.all([
    Promise.all([...targetIds].map((id) => store.get(id))),
    tx.objectStore('sources').getAll(),
    tx.objectStore('reps').getAll(),
    storeName === 'deals' ? tx.objectStore('pipelines').getAll() : Promise.resolve([]),
    Promise.all([...emails].map((email) => tx.objectStore('contacts').index('byEmail').getKey(email))),
  ]);
  const targets = new Map<string, ContactRow | CompanyRow | DealRow | undefined>();
  [...targetIds].forEach((id, i) => {
    targets.set(id, targetRows[i]);
    const linked = (targetRows[i] as { companyId?: string | null } | undefined)?.companyId;
    if (linked) companyIds.add(linked);
  });
  const companyList = [...companyIds];
  const companies = await Promise.all(companyList.map((id) => tx.objectStore('companies').get(id)));
  const companyNames = new Map<string, string>();
  companyList.forEach((id, i) => {
    const company = companies[i];
    if (company && company.deletedAt === null) companyNames.set(id, company.name);
  });
  const emailOwners = new Map<string, string>();
  [...emails].forEach((email, i) => {
    const owner = owners[i];
    if (owner !== undefined) emailOwners.set(email, String(owner));
  });
  return {
    targets,
    companyNames,
    emailOwners,
    sources: sources.filter((s) => s.deletedAt === null),
    reps: reps.filter((r) => r.deletedAt === null),
    pipelines: new Map(pipelines.filter((p) => p.deletedAt === null).map((p) => [p.id, p])),
  };
}

function targetId(importId: string, target: NonNullable<ImportRowInput['target']>): string {
  return target.kind === 'existing' ? target.id : importRowId(importId, target.row);
}

const looseName = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

function checked<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; reason: string } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  return { ok: false, reason: `${path ? `${path}: ` : ''}${issue?.message ?? 'is not valid'}` };
}

/** Builds and validates every record of the batch (synchronously), or throws ImportBatchError. */
function prepare(importId: string, rows: readonly ImportRowInput[], context: BatchContext, now: number): Prepared {
  const out: Prepared = {
    puts: [],
    activities: [],
    sources: [],
    createdIds: [],
    previous: [],
    expected: new Map(),
    created: 0,
    updated: 0,
  };
  const errors: RowRejection[] = [];
  /** Records written earlier in this batch, by id: a later row updates the newest version. */
  const pending = new Map<string, { record: Contact | Company | Deal; index: number }>();
  /** Address → [id, row] claimed earlier in this batch. */
  const claimed = new Map<string, { id: string; row: number }>();
  const sourceByName = new Map<string, string>();
  let sourceOrder = 0;
  for (const source of context.sources) {
    sourceByName.set(looseName(source.name), source.id);
    if (source.key) sourceByName.set(looseName(source.key), source.id);
    sourceOrder = Math.max(sourceOrder, source.order + 1);
  }

  const ownerId = (name: string | null): string | null => {
    if (!name) return null;
    const wanted = looseName(name);
    const rep = context.reps.find(
      (r) =>
        normalizeEmail(r.email) === normalizeEmail(name) ||
        r.accountEmails.some((a) => normalizeEmail(a) === normalizeEmail(name)) ||
        looseName(r.name) === wanted,
    );
    // A rep the profile does not know leaves the owner empty; the preview says so before the import.
    return rep?.id ?? null;
  };
  const sourceId = (name: string | null): string | null => {
    if (!name) return null;
    const known = sourceByName.get(looseName(name));
    if (known) return known;
    const source = validate(
      sourceSchema,
      { ...newRecordBase(now), name: name.trim(), key: null, order: sourceOrder++ },
      'Source',
    );
    out.sources.push(source);
    sourceByName.set(looseName(name), source.id);
    return source.id;
  };
  const current = (id: string): Contact | Company | Deal | null => {
    const mine = pending.get(id);
    if (mine) return mine.record;
    const stored = context.targets.get(id);
    return stored && stored.deletedAt === null ? (stripRow(stored) as Contact | Company | Deal) : null;
  };

  for (const row of rows) {
    const draft = row.draft;
    const provided = new Set(draft.provided);
    const isNew = row.action === 'new';
    const id = isNew ? importRowId(importId, row.row) : row.target ? targetId(importId, row.target) : '';
    const before = isNew ? null : current(id);
    if (!isNew && !before) {
      errors.push({
        row: row.row,
        reason:
          row.target?.kind === 'row'
            ? `the record of row ${row.target.row}, which this row updates, was not imported`
            : 'the record this row updates no longer exists',
      });
      continue;
    }
    let result: { ok: true; value: Contact | Company | Deal } | { ok: false; reason: string };
    let companyName = '';

    if (draft.entity === 'contact') {
      const old = before as Contact | null;
      const known = new Set((old?.emails ?? []).map((e) => normalizeEmail(e.address)));
      const added = draft.emails.filter((e) => !known.has(normalizeEmail(e.address)));
      const taken = added
        .map((e) => normalizeEmail(e.address))
        .map((email) => {
          const owner = context.emailOwners.get(email);
          const inBatch = claimed.get(email);
          // One contact per address (the store's unique index): a second one would abort the whole batch.
          if (owner && owner !== id) return `${email} already belongs to another contact`;
          if (inBatch && inBatch.id !== id) return `${email} is also in row ${inBatch.row}`;
          return null;
        })
        .find((reason) => reason !== null);
      if (taken) {
        errors.push({ row: row.row, reason: taken });
        continue;
      }
      const knownPhones = new Set((old?.phones ?? []).map((p) => p.number));
      const has = (target: string) => isNew || provided.has(target);
      const companyId =
        row.companyId !== null && (isNew || provided.has('company') || old?.companyId == null)
          ? row.companyId
          : (old?.companyId ?? null);
      const next = {
        ...(old ?? { ...newRecordBase(now, id), mergedInto: null, lastContactedAt: null, custom: {} }),
        name:
          old && !(provided.has('name') || provided.has('firstName') || provided.has('lastName'))
            ? old.name
            : draft.name,
        emails: [...(old?.emails ?? []), ...added.map((e) => ({ address: e.address }))],
        phones: [...(old?.phones ?? []), ...draft.phones.filter((p) => !knownPhones.has(p.number))],
        jobTitle: has('jobTitle') ? draft.jobTitle : (old?.jobTitle ?? ''),
        companyId,
        lifecycle: has('lifecycle') ? draft.lifecycle : (old?.lifecycle ?? 'lead'),
        sourceId: has('source') ? sourceId(draft.sourceName) : (old?.sourceId ?? null),
        ownerId: has('owner') ? ownerId(draft.ownerName) : (old?.ownerId ?? null),
        custom: { ...(old?.custom ?? {}), ...draft.custom },
        updatedAt: now,
      };
      result = checked(contactSchema, next);
      companyName = companyId ? (context.companyNames.get(companyId) ?? '') : '';
      if (result.ok) {
        for (const e of added) claimed.set(normalizeEmail(e.address), { id, row: row.row });
        if (draft.notes.trim() !== '') {
          const note = checked(activitySchema, {
            ...newRecordBase(now),
            type: 'note',
            occurredAt: now,
            contactId: id,
            companyId,
            dealId: null,
            repId: null,
            subject: '',
            body: draft.notes,
            direction: null,
            outcome: '',
            durationMinutes: null,
            threadId: null,
            messageId: null,
            repAddress: null,
          } satisfies Activity);
          if (!note.ok) {
            errors.push({ row: row.row, reason: `notes: ${note.reason}` });
            continue;
          }
          out.activities.push(note.value);
          out.createdIds.push(note.value.id);
        }
      }
    } else if (draft.entity === 'company') {
      const old = before as Company | null;
      const has = (target: string) => isNew || provided.has(target);
      const domains = [...(old?.domains ?? [])];
      for (const domain of draft.domains) if (!domains.includes(normalizeDomain(domain))) domains.push(domain);
      result = checked(companySchema, {
        ...(old ?? { ...newRecordBase(now, id), custom: {} }),
        name: has('name') ? draft.name : (old?.name ?? draft.name),
        domains,
        phone: has('phone') ? draft.phone : (old?.phone ?? ''),
        address: has('address') ? draft.address : (old?.address ?? ''),
        ownerId: has('owner') ? ownerId(draft.ownerName) : (old?.ownerId ?? null),
        custom: { ...(old?.custom ?? {}), ...draft.custom },
        updatedAt: now,
      });
    } else {
      // Deals have no natural key: planImport always makes them new.
      const pipeline = context.pipelines.get(draft.pipelineId);
      if (!pipeline?.stages.some((s) => s.id === draft.stageId)) {
        errors.push({ row: row.row, reason: 'its pipeline or stage no longer exists' });
        continue;
      }
      const contactIds = [
        ...new Set(
          draft.contactEmails
            .map((e) => context.emailOwners.get(normalizeEmail(e)))
            .filter((c): c is string => c !== undefined),
        ),
      ];
      result = checked(dealSchema, {
        ...newRecordBase(now, id),
        title: draft.title,
        value: draft.value,
        pipelineId: draft.pipelineId,
        stageId: draft.stageId,
        status: draft.status,
        lostReason: '',
        expectedCloseAt: draft.expectedCloseAt,
        closedAt: draft.status === 'open' ? null : now,
        probabilityOverride: null,
        contactIds,
        companyId: row.companyId,
        ownerId: ownerId(draft.ownerName),
        threadId: null,
        stageChangedAt: now,
        custom: draft.custom,
      } satisfies Deal);
      companyName = row.companyId ? (context.companyNames.get(row.companyId) ?? '') : '';
    }

    if (!result.ok) {
      errors.push({ row: row.row, reason: result.reason });
      continue;
    }
    const record = result.value;
    const stored = rowFor(STORE_OF[draft.entity], record, companyName);
    const earlier = pending.get(id);
    if (earlier) {
      // Updated twice in one batch: one write of the newest version, and `previous` keeps the first one read.
      const slot = out.puts[earlier.index];
      if (slot) slot.row = stored;
    } else {
      pending.set(id, { record, index: out.puts.length });
      out.puts.push({ row: stored, isNew });
      const original = context.targets.get(id);
      if (isNew) out.createdIds.push(id);
      else if (original && !createdByImport(importId, id)) {
        out.previous.push(original);
        out.expected.set(id, original.updatedAt);
      }
    }
    if (isNew) out.created++;
    else out.updated++;
  }
  if (errors.length > 0) throw new ImportBatchError(errors);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Undo

export interface UndoResult {
  /** Journal pages still to undo: call again while above 0. */
  remaining: number;
  tombstoned: number;
  restored: number;
  /** Updated records the rep edited again after the import: left as they are. */
  kept: number;
}

/**
 * Undoes an import: records it created become tombstones (a contact's tombstone frees its addresses), records it
 * updated get their version from before the import back, unless edited since. The import is marked undone at
 * once, so its rows stop; then each journal page, newest first, is undone and deleted in one transaction.
 * `maxPages` bounds one call so the page can show progress; call again until `remaining` is 0.
 */
export async function undoImport(db: CrmDb, importId: string, now: number, maxPages = Infinity): Promise<UndoResult> {
  const marked = db.transaction('imports', 'readwrite');
  await commit(marked, async () => {
    const record = await marked.store.get(importId);
    if (!record) throw new StoreError('not-found', 'This import no longer exists.');
    if (record.status !== 'undone') await marked.store.put({ ...record, status: 'undone', finishedAt: now });
  });

  const result: UndoResult = { remaining: 0, tombstoned: 0, restored: 0, kept: 0 };
  for (let done = 0; done < maxPages; done++) {
    const more = await undoLastPage(db, importId, now, result);
    if (!more) break;
  }
  result.remaining = await db.count('imports', pageRange(importId));
  return result;
}

const UNDO_STORES = ['contacts', 'companies', 'deals', 'activities'] as const;

async function undoLastPage(db: CrmDb, importId: string, now: number, result: UndoResult): Promise<boolean> {
  const tx = db.transaction(['imports', ...UNDO_STORES], 'readwrite');
  return commit(tx, async () => {
    const cursor = await tx.objectStore('imports').openCursor(pageRange(importId), 'prev');
    if (!cursor) return false;
    const page = cursor.value;
    const pageTime = page.finishedAt ?? page.startedAt;

    // Which store holds each created id: probed in all of them at once (ids are unique across stores).
    const found = await Promise.all(
      page.createdIds.map((id) => Promise.all(UNDO_STORES.map((name) => tx.objectStore(name).get(id)))),
    );
    const companiesGone: string[] = [];
    page.createdIds.forEach((_id, i) => {
      const hits = found[i] ?? [];
      UNDO_STORES.forEach((name, s) => {
        const row = hits[s];
        if (!row || row.deletedAt !== null) return;
        result.tombstoned++;
        const gone = { deletedAt: now, updatedAt: now };
        if (name === 'contacts') {
          fire(tx.objectStore('contacts').put(contactRow({ ...(stripRow(row) as Contact), ...gone })));
        } else if (name === 'companies') {
          companiesGone.push(row.id);
          fire(tx.objectStore('companies').put(companyRow({ ...(stripRow(row) as Company), ...gone })));
        } else if (name === 'deals') {
          fire(tx.objectStore('deals').put(dealRow({ ...(stripRow(row) as Deal), ...gone })));
        } else {
          fire(tx.objectStore('activities').put({ ...(row as ActivityRow), ...gone }));
        }
      });
    });
    // A company the import created may have been linked to other records since: they lose the link, as when the
    // rep deletes a company, rather than pointing at a tombstone.
    for (const companyId of companiesGone) {
      for (const contact of await tx.objectStore('contacts').index('byCompany').getAll(companyId)) {
        if (contact.deletedAt !== null) continue;
        await tx
          .objectStore('contacts')
          .put(contactRow({ ...(stripRow(contact) as Contact), companyId: null, updatedAt: now }));
      }
      for (const deal of await tx.objectStore('deals').index('byCompany').getAll(companyId)) {
        if (deal.deletedAt !== null) continue;
        await tx.objectStore('deals').put(dealRow({ ...(stripRow(deal) as Deal), companyId: null, updatedAt: now }));
      }
    }

    const store = tx.objectStore(page.entity);
    const latest = await Promise.all(page.previous.map((row) => store.get(row.id)));
    // Rows are keyed again rather than put back as journaled: the journal may predate how keys are made now.
    const companyName = companyNameLookup(tx.objectStore('companies'));
    const companyNames = await Promise.all(
      page.previous.map((row) => companyName('companyId' in row ? row.companyId : null)),
    );
    // Companies put back as journaled, beside their versions until now.
    const restoredCompanies: { before: CompanyRow; after: Company }[] = [];
    page.previous.forEach((row, i) => {
      if ((latest[i]?.updatedAt ?? 0) > pageTime) {
        result.kept++;
        return;
      }
      result.restored++;
      const rebuilt = rowFor(page.entity, stripRow(row) as Contact | Company | Deal, companyNames[i]);
      fire((store as unknown as RowStore).put(rebuilt));
      const current = latest[i] as CompanyRow | undefined;
      if (page.entity === 'companies' && current) restoredCompanies.push({ before: current, after: row as Company });
    });
    // The company's old name comes back, and with it its people's and deals' keys.
    const links = { contacts: tx.objectStore('contacts'), deals: tx.objectStore('deals') };
    for (const { before, after } of restoredCompanies) await rekeyCompanyLinks(links, before, after);
    await cursor.delete();
    return true;
  });
}
