import { unwrap } from 'idb';
// The dashboard's own chunking and file reading, so the bench sends the worker exactly what a rep's import sends.
import { createdCompanies, importChunks } from '../../components/dashboard/import/chunks';
import { parseFile } from '../../components/dashboard/import/parse-file';
import { listPipelines } from '../db/config';
import { existingRecordsFor } from '../db/import-lookup';
import { IMPORT_BATCH_SIZE, importRowId } from '../db/imports';
import type { CompanyRow, ContactRow, CrmDb } from '../db/schema';
import { guessMapping } from '../import/mapping';
import { planImport } from '../import/plan';
import { type RowResult, rowToDraft } from '../import/rows';
import { newId } from '../model/id';
import { call } from '../rpc/client';
import { importCsv } from './data';
import { rawBulkPut } from './raw';
import { round } from './stats';

/**
 * A 100k-row contact CSV through the path a rep's import takes: the file read and parsed in the dashboard's parser
 * worker, every row drafted, duplicates looked up in the store and planned, then the worker's import RPC
 * (import.start, import.companies, import.rows chunk by chunk, import.finish) into the extension's real database,
 * emptied first (a rep's first import, the big one, from the CRM they leave). The baseline then writes the very
 * records the import created (read back, not timed; new ids and addresses so they are added, not overwritten)
 * with plain puts into the same database, after the import.
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
  /** Plain puts of a share of the same records (all of them up to 25k rows): CSV rows' worth per second. */
  raw: { records: number; ms: number; rowsPerSec: number };
  /** Import rows/s over raw rows/s for the same records: 1 would mean the import path costs nothing. */
  ratio: number;
}

const COMPANY_CHUNK = 2000;
const RAW_SAMPLE = 25_000;

export async function runImportBench(db: CrmDb, rowCount: number): Promise<ImportResults> {
  const blob = new Blob([new TextEncoder().encode(importCsv(rowCount))], { type: 'text/csv' });
  const pipelines = await listPipelines(db);
  const stages = { parse: 0, rows: 0, lookupsAndPlan: 0, companies: 0, contacts: 0 };
  let t = performance.now();
  const lap = (stage: keyof typeof stages) => {
    stages[stage] = round(performance.now() - t, 1);
    t = performance.now();
  };

  const start = t;
  const parsed = await parseFile(blob);
  lap('parse');
  const now = Date.now();
  const mapping = guessMapping(parsed.headers, 'contact', []);
  const context = {
    defaultCurrency: 'USD',
    pipelines,
    defaultPipelineId: null,
    customPropertyDefs: [],
    timeZone: 'Asia/Phnom_Penh',
    now,
    dateOrder: null,
  };
  const results: RowResult[] = parsed.rows.map((row) => rowToDraft('contact', row, parsed.headers, mapping, context));
  lap('rows');
  const existing = await existingRecordsFor(
    db,
    results.flatMap((r) => (r.ok ? [r.draft] : [])),
  );
  const plan = planImport(results, existing, 'update', parsed.problems);
  lap('lookupsAndPlan');

  const record = await call('import.start', { entity: 'contacts', fileName: 'bench.csv', totalRows: plan.rows.length });
  const companyIds: string[] = [];
  for (let i = 0; i < plan.companiesToCreate.length; i += COMPANY_CHUNK) {
    const names = plan.companiesToCreate.slice(i, i + COMPANY_CHUNK);
    companyIds.push(...(await call('import.companies', { importId: record.id, names })).ids);
  }
  lap('companies');
  let created = 0;
  let rejected = 0;
  let chunks = 0;
  for (const chunk of importChunks(plan, createdCompanies(plan.companiesToCreate, companyIds))) {
    const result = await call('import.rows', { importId: record.id, throughRow: chunk.throughRow, rows: chunk.rows });
    created += result.created;
    rejected += result.rejected.length;
    chunks++;
    // Forwarded to the driver's stderr: a 100k import is the longest step of the bench.
    if (chunks % 10 === 0) console.info(`[bench] imported through row ${chunk.throughRow}`);
  }
  await call('import.finish', { importId: record.id });
  lap('contacts');
  const totalMs = performance.now() - start;

  // The records as the import stored them: created contacts have ids derived from the import id and row number.
  const readTx = db.transaction(['contacts', 'companies']);
  const first = importRowId(record.id, 1);
  const contactRows: ContactRow[] = await readTx
    .objectStore('contacts')
    .getAll(IDBKeyRange.bound(first, `${first.slice(0, 24)}\uffff`));
  const companyRows = (await Promise.all(companyIds.map((id) => readTx.objectStore('companies').get(id)))).filter(
    (row): row is CompanyRow => row !== undefined,
  );

  // Same records under other ids (made the way the app makes them) and addresses, written into the same (now
  // larger) store: the baseline meets indexes at least as big as the import did, so the ratio is not flattered. The same share
  // of contacts and companies, at most RAW_SAMPLE rows' worth, gives the raw rate without doubling the bench.
  const share = Math.min(1, RAW_SAMPLE / rowCount);
  const rawCompanies = companyRows
    .slice(0, Math.round(companyRows.length * share))
    .map((row) => ({ ...row, id: newId() }));
  const rawContacts = contactRows.slice(0, Math.round(contactRows.length * share)).map((row) => ({
    ...row,
    id: newId(),
    emailKeys: row.emailKeys.map((key) => `raw.${key}`),
  }));
  const native = unwrap(db);
  const rawStart = performance.now();
  // As many rows to a transaction as the import's batches hold, so the two differ only in what the path adds.
  await rawBulkPut(native, 'companies', rawCompanies, IMPORT_BATCH_SIZE);
  await rawBulkPut(native, 'contacts', rawContacts, IMPORT_BATCH_SIZE);
  const rawMs = performance.now() - rawStart;

  const rowsPerSec = Math.round((rowCount / totalMs) * 1000);
  const rawRowsPerSec = Math.round(((rowCount * share) / rawMs) * 1000);
  return {
    rows: rowCount,
    csvBytes: blob.size,
    applyLayer: 'worker RPC import.start/companies/rows/finish (lib/db/imports.ts), chunks of the dashboard',
    chunks,
    stagesMs: stages,
    totalMs: round(totalMs, 1),
    rowsPerSec,
    created: { contacts: created, companies: companyIds.length, invalid: plan.summary.invalid, rejected },
    raw: { records: rawCompanies.length + rawContacts.length, ms: round(rawMs, 1), rowsPerSec: rawRowsPerSec },
    ratio: round(rowsPerSec / rawRowsPerSec),
  };
}
