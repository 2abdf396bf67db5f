import { commit as commitTx, StoreError, validate } from '../db/errors';
import { putRecord, recordTx } from '../db/record-write';
import { companyRow, rekeyCompanyLinks } from '../db/rows';
import type { CompanyRow, ContactRow, CrmDb, DealRow } from '../db/schema';
import { companySchema, newRecordBase, normaliseEmail } from '../model';
import { draftAddresses, type ImportDraft, type ImportRowInput } from './draft';
import { fire, type ImportStore, importGone, runningImport, writeProgress } from './journal';
import { type BatchContext, ImportBatchError, prepare, type RowRejection } from './prepare';
import { targetId } from './row-ids';

/**
 * Applying a planned CSV import to the store, and resuming it.
 *
 * Rows arrive in chunks (the page plans, the worker writes) and are written in batches, each batch ONE readwrite
 * transaction that also moves the import's `processedRows` forward: a worker killed mid-import leaves whole batches
 * only, and the import resumes after `processedRows`.
 */
export const IMPORT_BATCH_SIZE = 500;
const ENTITY_OF: Record<ImportStore, ImportDraft['entity']> = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
};

/** Someone changed a record this batch updates between its read and its write: the batch is read again. */
class ChangedMeanwhile extends Error {}

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
    const tx = recordTx(db, ['imports', 'companies']);
    await commit(tx, async () => {
      const record = await runningImport(tx.objectStore('imports'), importId);
      for (const company of companies) fire(putRecord(tx, 'companies', companyRow(company), 'add'));
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
  if (!record) throw importGone();
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
  const record = await runningImport(db.transaction('imports').store, importId);
  const entity = ENTITY_OF[record.entity];
  const wrong = rows.find((r) => r.draft.entity !== entity);
  if (wrong) throw new StoreError('invalid', `Row ${wrong.row} is a ${wrong.draft.entity}, not a ${entity}.`);

  const context = await readContext(db, importId, record.entity, rows);
  const prepared = prepare(importId, rows, context, now);

  const storeName = record.entity;
  // A company renamed by the import takes its people's and deals' keys with it (rekeyCompanyLinks). Every batch
  // takes the three record stores, which only makes other writes to them wait for the batch (under a second).
  const tx = recordTx(db, ['imports', 'contacts', 'companies', 'deals', 'activities', 'sources']);
  return commit(tx, async () => {
    const current = await runningImport(tx.objectStore('imports'), importId);
    // Another call wrote this batch already (a chunk sent twice): write nothing more.
    if (current.processedRows >= throughRow) return { created: 0, updated: 0 };
    const store = tx.objectStore(storeName);
    const stamps = await Promise.all([...prepared.expected.keys()].map((id) => store.get(id)));
    const changed = [...prepared.expected.entries()].some(([, at], i) => stamps[i]?.updatedAt !== at);
    if (changed) throw new ChangedMeanwhile();
    // Requests are issued without awaiting each one: a failure of any of them aborts the whole transaction.
    for (const source of prepared.sources) fire(putRecord(tx, 'sources', source, 'add'));
    for (const { row, isNew } of prepared.puts) fire(putRecord(tx, storeName, row, isNew ? 'add' : 'put'));
    for (const activity of prepared.activities) fire(putRecord(tx, 'activities', activity, 'add'));
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
    for (const address of draftAddresses(row.draft)) emails.add(normaliseEmail(address));
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
