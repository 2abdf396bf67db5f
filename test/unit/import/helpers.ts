import { getSettings, listPipelines, listPropertyDefs } from '@/lib/db/config';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { applyImportRows, createImportCompanies } from '@/lib/import/apply';
import { createdCompanies, importChunks } from '@/lib/import/chunks';
import { type ImportStore, setImportStatus, startImport } from '@/lib/import/journal';
import { existingRecordsFor } from '@/lib/import/lookup';
import { guessMapping, type ImportEntity } from '@/lib/import/mapping';
import { parseCsv } from '@/lib/import/parse';
import { type DuplicatePolicy, type ImportPlan, planImport } from '@/lib/import/plan';
import { type ImportContext, rowToDraft } from '@/lib/import/rows';

export const NOW = Date.UTC(2026, 2, 10, 2, 0);

let opened = 0;
/** An empty store of its own for one test. */
export function freshDb(): Promise<CrmDb> {
  return openCrmDb(`import-${opened++}`, () => NOW);
}

/** Three contacts as a Khmer spreadsheet exports them: two at one company, a note on the first. */
export const CONTACTS_CSV = [
  'ឈ្មោះ,អ៊ីមែល,ទូរស័ព្ទ,ក្រុមហ៊ុន,Notes',
  'សុខ ដារ៉ា,dara@angkor-trade.com.kh,012 345 678,Angkor Trade,Met at the Phnom Penh expo',
  'ចាន់ សុភា,sophea@mekong.example,,Mekong Rice,',
  'Dara Kim,dara.kim@example.com,+855 17 222 333,Angkor Trade,',
].join('\r\n');

/** `count` contacts over seven companies, numbered from `offset`. */
export function contactsCsv(count: number, offset = 0): string {
  const lines = ['Name,Email,Company'];
  for (let i = offset; i < offset + count; i++) lines.push(`Person ${i},person${i}@example.com,Company ${i % 7}`);
  return lines.join('\n');
}

const STORE_OF: Record<ImportEntity, ImportStore> = { contact: 'contacts', company: 'companies', deal: 'deals' };

/** What the wizard does before writing: parse, guess the mapping, draft every row, plan against the store. */
export async function planCsv(
  db: CrmDb,
  csv: string,
  entity: ImportEntity,
  policy: DuplicatePolicy,
  now = NOW,
): Promise<ImportPlan> {
  const parsed = parseCsv(csv);
  const defs = await listPropertyDefs(db);
  const settings = await getSettings(db);
  const context: ImportContext = {
    defaultCurrency: settings.defaultCurrency,
    pipelines: await listPipelines(db),
    defaultPipelineId: settings.defaultPipelineId,
    propertyDefs: defs,
    timeZone: 'Asia/Phnom_Penh',
    now,
    dateOrder: null,
  };
  const mapping = guessMapping(parsed.headers, entity, defs);
  const results = parsed.rows.map((row) => rowToDraft(entity, row, parsed.headers, mapping, context));
  const existing = await existingRecordsFor(
    db,
    results.flatMap((r) => (r.ok ? [r.draft] : [])),
  );
  return planImport(results, existing, policy, parsed.problems);
}

export interface RunOptions {
  chunkRows?: number;
  batchSize?: number;
  /** Stop after this many chunks, as a closed tab would. */
  stopAfterChunks?: number;
  now?: number;
  /** Resume this import instead of starting one. */
  importId?: string;
  afterRow?: number;
}

/** What the wizard does when the rep presses Import: start, create companies, send the chunks, finish. */
export async function runImport(db: CrmDb, plan: ImportPlan, entity: ImportEntity, options: RunOptions = {}) {
  const now = options.now ?? NOW;
  const importId =
    options.importId ??
    (await startImport(db, { entity: STORE_OF[entity], fileName: 'test.csv', totalRows: plan.rows.length }, now)).id;
  const ids = await createImportCompanies(db, importId, plan.companiesToCreate, now);
  const created = createdCompanies(plan.companiesToCreate, ids);
  let chunks = 0;
  const rejected: { row: number; reason: string }[] = [];
  for (const chunk of importChunks(plan, created, options.afterRow ?? 0, options.chunkRows ?? 1000)) {
    if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) return { importId, rejected };
    const result = await applyImportRows(db, importId, chunk.rows, chunk.throughRow, now, options.batchSize ?? 500);
    rejected.push(...result.rejected);
    chunks++;
  }
  await setImportStatus(db, importId, 'done', now);
  return { importId, rejected };
}

/** Plans a CSV against the store and imports all of it, as the wizard does when the rep accepts the plan. */
export async function importCsv(
  db: CrmDb,
  csv: string,
  entity: ImportEntity,
  policy: DuplicatePolicy,
  options: RunOptions = {},
) {
  return runImport(db, await planCsv(db, csv, entity, policy), entity, options);
}

/** Every object store's rows, for deep comparisons. */
export async function dumpStores(db: CrmDb) {
  return {
    contacts: await db.getAll('contacts'),
    companies: await db.getAll('companies'),
    deals: await db.getAll('deals'),
    activities: await db.getAll('activities'),
    tasks: await db.getAll('tasks'),
    pipelines: await db.getAll('pipelines'),
    sources: await db.getAll('sources'),
    reps: await db.getAll('reps'),
    propertyDefs: await db.getAll('propertyDefs'),
    settings: await db.get('settings', 'settings'),
  };
}
