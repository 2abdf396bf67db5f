import { unwrap } from 'idb';
import { listPipelines } from '../../../lib/db/config';
import type { CompanyRow, ContactRow, CrmDb } from '../../../lib/db/schema';
import { IMPORT_BATCH_SIZE } from '../../../lib/import/apply';
// The dashboard's own chunking and file reading, so the bench sends the worker exactly what a rep's import sends.
import { createdCompanies, importChunks } from '../../../lib/import/chunks';
import { existingRecordsFor } from '../../../lib/import/lookup';
import { guessMapping } from '../../../lib/import/mapping';
import { parseFile } from '../../../lib/import/parse-file';
import { normaliseCompanyName, planImport } from '../../../lib/import/plan';
import { importRowId } from '../../../lib/import/row-ids';
import { type RowResult, rowToDraft } from '../../../lib/import/rows';
import { newId } from '../../../lib/model/id';
import { call } from '../../../lib/worker/client';
import { companyAt, importCsv, personAt } from './data';
import { done, rawBulkPut } from './raw';
import type { SeedIds } from './seed';
import { round } from './stats';

/**
 * A 100k-row contact CSV through the path a rep's import takes: the file read and parsed in the dashboard's parser
 * worker, every row drafted, duplicates looked up in the store and planned, then the worker's import RPC
 * (import.start, import.companies, import.rows chunk by chunk, import.finish) into the extension's real database,
 * empty (a rep's first import, the big one, from the CRM they leave). The baseline writes a tenth of the very
 * records the import created with plain puts into the same database, stretch by stretch beside the import, and
 * takes them out again after it: what stays is the bench's 100k contacts, which the seed then builds on.
 */
export interface ImportResults {
  rows: number;
  csvBytes: number;
  applyLayer: string;
  chunks: number;
  stagesMs: Record<'parse' | 'rows' | 'lookupsAndPlan' | 'companies' | 'contacts', number>;
  totalMs: number;
  rowsPerSec: number;
  created: { contacts: number; companies: number; invalid: number; rejected: number };
  /** Plain puts of a tenth of the same records, beside the import: CSV rows' worth per second. */
  raw: { records: number; ms: number; rowsPerSec: number };
  /** Import rows/s over raw rows/s for the same records: 1 would mean the import path costs nothing. */
  ratio: number;
}

const COMPANY_CHUNK = 2000;
/** The baseline writes every RAW_EVERY-th record the import made, after each RAW_STRETCH_CHUNKS chunks of it. */
const RAW_EVERY = 10;
const RAW_STRETCH_CHUNKS = 10;

/**
 * Made apart from runImportBench on purpose: closures made there would share its scope, and keep the parsed file
 * and the plan (tens of MB) alive in the page for the rest of the run.
 */
function seedIds(importId: string, companyIdByName: ReadonlyMap<string, string>): SeedIds {
  return {
    contact: (index) => importRowId(importId, index + 1),
    importedCompany: (index) => companyIdByName.get(normaliseCompanyName(companyAt(index).name)),
  };
}

export async function runImportBench(db: CrmDb, rowCount: number): Promise<{ results: ImportResults; ids: SeedIds }> {
  if ((await db.count('contacts')) > 0) throw new Error('the bench imports into an empty database');
  const blob = new Blob([new TextEncoder().encode(importCsv(rowCount))], { type: 'text/csv' });
  const pipelines = await listPipelines(db);
  const stages = { parse: 0, rows: 0, lookupsAndPlan: 0, companies: 0, contacts: 0 };
  let t = performance.now();
  const lap = (stage: keyof typeof stages) => {
    stages[stage] = round(performance.now() - t, 1);
    t = performance.now();
  };

  const parsed = await parseFile(blob);
  lap('parse');
  const now = Date.now();
  const mapping = guessMapping(parsed.headers, 'contact', []);
  const context = {
    defaultCurrency: 'USD',
    pipelines,
    defaultPipelineId: null,
    propertyDefs: [],
    timeZone: 'Asia/Phnom_Penh',
    now,
    dateOrder: null,
  };
  const drafted: RowResult[] = parsed.rows.map((row) => rowToDraft('contact', row, parsed.headers, mapping, context));
  lap('rows');
  const existing = await existingRecordsFor(
    db,
    drafted.flatMap((r) => (r.ok ? [r.draft] : [])),
  );
  const plan = planImport(drafted, existing, 'update', parsed.problems);
  lap('lookupsAndPlan');

  const record = await call('import.start', { entity: 'contacts', fileName: 'bench.csv', totalRows: plan.rows.length });
  const companyIds: string[] = [];
  for (let i = 0; i < plan.companiesToCreate.length; i += COMPANY_CHUNK) {
    const names = plan.companiesToCreate.slice(i, i + COMPANY_CHUNK);
    companyIds.push(...(await call('import.companies', { importId: record.id, names })).ids);
  }
  lap('companies');

  // The baseline runs beside the import: after each stretch of it, plain puts of a share of the records that
  // stretch created (read back, not timed; new ids and addresses so they are added, not overwritten), into the
  // same store. Both then meet the store at the same sizes, from empty to full, and neither is flattered; the
  // import's clock is stopped meanwhile.
  const native = unwrap(db);
  const raw = { records: 0, ms: 0 };
  const rawIds = { companies: [] as string[], contacts: [] as string[] };
  const rawPut = async (storeName: 'companies' | 'contacts', rows: readonly { id: string }[]) => {
    const t0 = performance.now();
    // As many rows to a transaction as the import's batches hold, so the two differ only in what the path adds.
    await rawBulkPut(native, storeName, rows, IMPORT_BATCH_SIZE);
    raw.ms += performance.now() - t0;
    raw.records += rows.length;
    rawIds[storeName].push(...rows.map((row) => row.id));
  };
  const everyTenth = <T>(rows: readonly T[]) => rows.filter((_, i) => i % RAW_EVERY === 0);
  const companyTx = db.transaction('companies');
  const companyRows = (await Promise.all(everyTenth(companyIds).map((id) => companyTx.store.get(id)))).filter(
    (row): row is CompanyRow => row !== undefined,
  );
  await rawPut(
    'companies',
    companyRows.map((row) => ({ ...row, id: newId() })),
  );
  t = performance.now();

  let created = 0;
  let rejected = 0;
  let chunks = 0;
  let sampledThrough = 0;
  const sampleContacts = async (throughRow: number) => {
    const from = importRowId(record.id, sampledThrough + 1);
    const through = importRowId(record.id, throughRow);
    const rows: ContactRow[] = await db.getAll('contacts', IDBKeyRange.bound(from, through));
    sampledThrough = throughRow;
    await rawPut(
      'contacts',
      everyTenth(rows).map((row) => ({
        ...row,
        id: newId(),
        emailKeys: row.emailKeys.map((key) => `raw.${key}`),
      })),
    );
  };
  let importMs = stages.parse + stages.rows + stages.lookupsAndPlan + stages.companies;
  for (const chunk of importChunks(plan, createdCompanies(plan.companiesToCreate, companyIds))) {
    const result = await call('import.rows', { importId: record.id, throughRow: chunk.throughRow, rows: chunk.rows });
    created += result.created;
    rejected += result.rejected.length;
    chunks++;
    if (chunks % RAW_STRETCH_CHUNKS === 0) {
      importMs += performance.now() - t;
      // Forwarded to the driver's stderr: a 100k import is the longest step of the bench.
      console.info(`[bench] imported through row ${chunk.throughRow}`);
      await sampleContacts(chunk.throughRow);
      t = performance.now();
    }
  }
  await call('import.finish', { importId: record.id });
  importMs += performance.now() - t;
  stages.contacts = round(importMs - stages.parse - stages.rows - stages.lookupsAndPlan - stages.companies, 1);
  if (sampledThrough < plan.rows.length) await sampleContacts(plan.rows.length);
  const totalMs = importMs;

  if (created !== rowCount) throw new Error(`the bench import made ${created} of ${rowCount} contacts`);
  const removeTx = native.transaction(['companies', 'contacts'], 'readwrite');
  for (const storeName of ['companies', 'contacts'] as const) {
    for (const id of rawIds[storeName]) removeTx.objectStore(storeName).delete(id);
  }
  await done(removeTx);

  const share = 1 / RAW_EVERY;
  const rawMs = raw.ms;
  const rowsPerSec = Math.round((rowCount / totalMs) * 1000);
  const rawRowsPerSec = Math.round(((rowCount * share) / rawMs) * 1000);
  const ids = seedIds(record.id, createdCompanies(plan.companiesToCreate, companyIds));
  for (const index of [0, rowCount - 1]) {
    const row = await db.get('contacts', ids.contact(index));
    if (!row?.emailKeys.includes(personAt(index).email))
      throw new Error(`imported contact ${index} is not where the seed looks`);
  }
  const results: ImportResults = {
    rows: rowCount,
    csvBytes: blob.size,
    applyLayer: 'worker RPC import.start/companies/rows/finish (lib/import/store.ts), chunks of the dashboard',
    chunks,
    stagesMs: stages,
    totalMs: round(totalMs, 1),
    rowsPerSec,
    created: { contacts: created, companies: companyIds.length, invalid: plan.summary.invalid, rejected },
    raw: { records: raw.records, ms: round(rawMs, 1), rowsPerSec: rawRowsPerSec },
    ratio: round(rowsPerSec / rawRowsPerSec),
  };
  return { results, ids };
}
