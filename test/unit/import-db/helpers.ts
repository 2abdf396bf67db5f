import { getSettings, listPipelines, listPropertyDefs } from '@/lib/db/config';
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
    customPropertyDefs: defs,
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
