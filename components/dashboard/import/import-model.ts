import { action, computed, createModel, signal } from '@preact/signals';
import { csvFileBytes } from '@/lib/csv/encode';
import { inferDateOrder } from '@/lib/import/cells/dates';
import type { ImportSummaryView } from '@/lib/import/contract';
import { existingRecordsFor } from '@/lib/import/lookup';
import {
  type ColumnMapping,
  guessMapping,
  headerSignature,
  type ImportEntity,
  type MappingTarget,
  mappingTargets,
  missingRequiredTargets,
} from '@/lib/import/mapping';
import {
  type DuplicatePolicy,
  type ImportPlan,
  invalidRows,
  invalidRowsCsv,
  planImport,
  skippedRows,
  warnedRows,
} from '@/lib/import/plan';
import type { RowRejection } from '@/lib/import/prepare';
import { type ImportContext, type RowResult, rowToDraft } from '@/lib/import/rows';
import { call } from '@/lib/worker/client';
import { createdCompanies, importChunks } from '../../../lib/import/chunks';
import { type ParsedFile, parseFile } from '../../../lib/import/parse-file';
import { errorText } from '../../format';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { downloadFile, fileStamp } from '../export/download';
import { recallMapping, rememberMapping } from './mapping-memory';
import type { PreviewRow } from './PreviewTable';

export type Step = 'file' | 'map' | 'review' | 'running' | 'finished';
export type Outcome =
  | { kind: 'done'; created: number; updated: number }
  | { kind: 'cancelled'; done: number }
  | { kind: 'failed'; message: string };

const STORE_OF = { contact: 'contacts', company: 'companies', deal: 'deals' } as const;
const ENTITY_OF = { contacts: 'contact', companies: 'company', deals: 'deal' } as const;
export const PREVIEW_ROWS = 10;
/** Rows drafted between two yields to the event loop while checking a file: the page stays responsive. */
const DRAFT_SLICE = 1000;
const COMPANY_CHUNK = 2000;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The import wizard: the file, what its rows are, the mapping, the plan, and the run that writes it. */
export const ImportModel = createModel((app: Dashboard) => {
  const step = signal<Step>('file');
  const fileName = signal('');
  const reading = signal(false);
  const parsed = signal<ParsedFile | null>(null);
  const fileError = signal<string | null>(null);
  const entity = signal<ImportEntity>('contact');
  const mapping = signal<ColumnMapping>({});
  const remembered = signal<{ entity: ImportEntity; mapping: ColumnMapping } | null>(null);
  const policy = signal<DuplicatePolicy>('skip');
  /** An interrupted import being resumed: its rows up to processedRows are in the store already. */
  const resumeOf = signal<ImportSummaryView | null>(null);
  const checking = signal<{ done: number; total: number } | null>(null);
  const plan = signal<ImportPlan | null>(null);
  const progress = signal<{ done: number; total: number }>({ done: 0, total: 0 });
  const runningId = signal<string | null>(null);
  const cancelRequested = signal(false);
  const outcome = signal<Outcome | null>(null);
  const rejected = signal<RowRejection[]>([]);
  const busyUndo = signal<string | null>(null);

  const defs = computed(() => app.propertyDefs.value);
  const targets = computed(() => mappingTargets(entity.value, defs.value));
  const missing = computed(() => missingRequiredTargets(entity.value, mapping.value, defs.value));
  const afterRow = computed(() => resumeOf.value?.processedRows ?? 0);
  const resumeMismatch = computed(() => {
    const resume = resumeOf.value;
    const file = parsed.value;
    return resume && file && file.rows.length !== resume.totalRows
      ? { rows: file.rows.length, expected: resume.totalRows }
      : null;
  });

  const context = computed<ImportContext>(() => {
    const settings = app.settings.value;
    const file = parsed.value;
    // Day/month order of ambiguous dates (03/04/2025) from other rows of the same date columns.
    const dateColumns = Object.entries(mapping.value)
      .filter(
        ([, target]) =>
          target === 'expectedClose' ||
          defs.value.some((d) => d.type === 'date' && target === `custom:${d.key}` && d.deletedAt === null),
      )
      .map(([header]) => file?.headers.indexOf(header) ?? -1)
      .filter((index) => index >= 0);
    const sample = (file?.rows ?? []).slice(0, 2000).flatMap((row) => dateColumns.map((i) => row[i] ?? ''));
    return {
      defaultCurrency: settings?.defaultCurrency ?? 'USD',
      pipelines: app.pipelines.value,
      defaultPipelineId: settings?.defaultPipelineId ?? null,
      propertyDefs: defs.value,
      timeZone: app.timeZone.value,
      now: Date.now(),
      dateOrder: inferDateOrder(sample),
    };
  });

  const draftOf = (row: readonly string[]): RowResult => {
    const file = parsed.value;
    return rowToDraft(entity.value, row, file?.headers ?? [], mapping.value, context.value);
  };

  /**
   * The first rows as they will be stored, each with its problems and, once checked, what the import does with it:
   * cheap enough to follow every mapping change.
   */
  const preview = computed((): PreviewRow[] => {
    const file = parsed.value;
    if (!file) return [];
    const from = afterRow.value;
    return file.rows.slice(from, from + PREVIEW_ROWS).map((cells, i) => ({
      row: from + i + 1,
      cells,
      result: draftOf(cells),
      planned: plan.value?.rows[from + i] ?? null,
    }));
  });

  /** Every row the run will not write, and every row that may make a second record, after a resume's rows. */
  const skipped = computed(() => (plan.value ? skippedRows(plan.value).filter((r) => r.row > afterRow.value) : []));
  const warned = computed(() => (plan.value ? warnedRows(plan.value).filter((r) => r.row > afterRow.value) : []));

  /** What the run will do: the plan's rows after those a resumed import wrote already. */
  const summary = computed(() => {
    const current = plan.value;
    if (!current) return null;
    const counts = { new: 0, updated: 0, skipped: 0, invalid: 0 };
    for (const planned of current.rows.slice(afterRow.value)) {
      if (planned.action === 'new') counts.new++;
      else if (planned.action === 'update') counts.updated++;
      else if (planned.action === 'skip') counts.skipped++;
      else counts.invalid++;
    }
    return counts;
  });

  const reset = action(() => {
    step.value = 'file';
    parsed.value = null;
    fileName.value = '';
    fileError.value = null;
    plan.value = null;
    outcome.value = null;
    rejected.value = [];
    checking.value = null;
    progress.value = { done: 0, total: 0 };
    cancelRequested.value = false;
    runningId.value = null;
  });

  const applyEntity = action((next: ImportEntity) => {
    entity.value = next;
    const file = parsed.value;
    if (!file) return;
    const memory = remembered.value;
    const allowed = new Set<MappingTarget>(mappingTargets(next, defs.value));
    const guessed = guessMapping(file.headers, next, defs.value);
    if (memory && memory.entity === next) {
      // Reapplied where its targets still exist (a custom property may have been removed since).
      const reused: ColumnMapping = {};
      for (const header of file.headers) {
        const target = memory.mapping[header];
        reused[header] = target && allowed.has(target) ? target : (guessed[header] ?? 'skip');
      }
      mapping.value = reused;
    } else {
      mapping.value = guessed;
    }
    plan.value = null;
  });

  const chooseFile = async (file: File) => {
    reset();
    fileName.value = file.name;
    reading.value = true;
    try {
      const result = await parseFile(file);
      parsed.value = result;
      if (result.rows.length === 0) {
        fileError.value = t('imp_file_empty');
        return;
      }
      const memory = await recallMapping(headerSignature(result.headers));
      remembered.value = memory;
      const resume = resumeOf.value;
      applyEntity(resume ? ENTITY_OF[resume.entity] : (memory?.entity ?? entity.value));
      step.value = 'map';
    } catch (error) {
      fileError.value = error instanceof Error ? error.message : String(error);
    } finally {
      reading.value = false;
    }
  };

  const setTarget = action((header: string, target: MappingTarget) => {
    const next: ColumnMapping = { ...mapping.value };
    // One column per field: choosing a field for this column takes it from the column that had it.
    if (target !== 'skip') {
      for (const [other, current] of Object.entries(next)) if (current === target) next[other] = 'skip';
    }
    next[header] = target;
    mapping.value = next;
    plan.value = null;
  });

  /** The dry run: every row drafted (a slice at a time, yielding between) and planned against the store. */
  const check = async () => {
    const file = parsed.value;
    const db = app.db.value;
    if (!file || !db) return;
    const total = file.rows.length;
    checking.value = { done: 0, total };
    try {
      const results: RowResult[] = new Array(total);
      for (let start = 0; start < total; start += DRAFT_SLICE) {
        const end = Math.min(total, start + DRAFT_SLICE);
        for (let i = start; i < end; i++) results[i] = draftOf(file.rows[i] ?? []);
        checking.value = { done: end, total };
        await pause();
      }
      const existing = await existingRecordsFor(
        db,
        results.flatMap((r) => (r.ok ? [r.draft] : [])),
      );
      await pause();
      plan.value = planImport(results, existing, policy.value, file.problems);
      step.value = 'review';
    } catch (error) {
      fileError.value = errorText(error);
    } finally {
      checking.value = null;
    }
  };

  const setPolicy = action((next: DuplicatePolicy) => {
    policy.value = next;
    plan.value = null;
    if (step.value === 'review') step.value = 'map';
  });

  /** Writes the plan: start (or resume), the new companies, then the rows chunk by chunk until done or cancelled. */
  const run = async () => {
    const file = parsed.value;
    const current = plan.value;
    if (!file || !current) return;
    step.value = 'running';
    outcome.value = null;
    rejected.value = [];
    cancelRequested.value = false;
    const from = afterRow.value;
    progress.value = { done: from, total: current.rows.length };
    let importId: string | null = null;
    let created = 0;
    let updated = 0;
    try {
      void rememberMapping(headerSignature(file.headers), entity.value, mapping.value, Date.now()).catch(
        () => undefined,
      );
      const resume = resumeOf.value;
      const record = resume
        ? await call('import.resume', { importId: resume.id })
        : await call('import.start', {
            entity: STORE_OF[entity.value],
            fileName: fileName.value,
            totalRows: current.rows.length,
          });
      importId = record.id;
      runningId.value = importId;
      const ids: string[] = [];
      for (let start = 0; start < current.companiesToCreate.length; start += COMPANY_CHUNK) {
        const names = current.companiesToCreate.slice(start, start + COMPANY_CHUNK);
        ids.push(...(await call('import.companies', { importId, names })).ids);
      }
      const companies = createdCompanies(current.companiesToCreate, ids);
      for (const chunk of importChunks(current, companies, record.processedRows)) {
        if (cancelRequested.value) {
          await call('import.cancel', { importId });
          outcome.value = { kind: 'cancelled', done: progress.value.done };
          return;
        }
        const result = await call('import.rows', { importId, throughRow: chunk.throughRow, rows: chunk.rows });
        created += result.created;
        updated += result.updated;
        if (result.rejected.length > 0) rejected.value = [...rejected.value, ...result.rejected];
        progress.value = { done: result.processedRows, total: current.rows.length };
      }
      await call('import.finish', { importId });
      outcome.value = { kind: 'done', created, updated };
      resumeOf.value = null;
    } catch (error) {
      outcome.value = { kind: 'failed', message: errorText(error) };
    } finally {
      runningId.value = null;
      step.value = 'finished';
    }
  };

  const cancel = action(() => {
    cancelRequested.value = true;
  });

  /** Invalid rows of the plan and rows the store refused, in file order, each with its reasons. */
  const downloadInvalid = () => {
    const file = parsed.value;
    const current = plan.value;
    if (!file || !current) return;
    const text = invalidRowsCsv(file.headers, invalidRows(current, file.rows, rejected.value));
    const base = fileName.value.replace(/\.[^.]+$/, '') || 'import';
    downloadFile(`${base}-invalid-rows-${fileStamp(Date.now())}.csv`, [csvFileBytes(text).slice()], 'text/csv');
  };

  const startResume = action((record: ImportSummaryView) => {
    reset();
    resumeOf.value = record;
    entity.value = ENTITY_OF[record.entity];
  });

  const stopResume = action(() => {
    resumeOf.value = null;
    reset();
  });

  const undo = async (record: ImportSummaryView) => {
    busyUndo.value = record.id;
    const total = { tombstoned: 0, restored: 0, kept: 0 };
    try {
      for (;;) {
        // A few batches per call: the page shows progress and no single message runs for minutes.
        const result = await call('import.undo', { importId: record.id, maxPages: 20 });
        total.tombstoned += result.tombstoned;
        total.restored += result.restored;
        total.kept += result.kept;
        if (result.remaining === 0) break;
      }
      app.notify(t('imp_undone', { ...total, tombstoned: t('count_records', { count: total.tombstoned }) }));
    } catch (error) {
      app.notify(errorText(error));
    } finally {
      busyUndo.value = null;
    }
  };

  return {
    step,
    fileName,
    reading,
    parsed,
    fileError,
    entity,
    mapping,
    remembered,
    policy,
    resumeOf,
    resumeMismatch,
    checking,
    plan,
    summary,
    progress,
    runningId,
    cancelRequested,
    outcome,
    rejected,
    busyUndo,
    defs,
    targets,
    missing,
    afterRow,
    preview,
    skipped,
    warned,
    chooseFile,
    applyEntity,
    setTarget,
    setPolicy,
    check,
    run,
    cancel,
    reset,
    downloadInvalid,
    startResume,
    stopResume,
    undo,
    goTo: action((next: Step) => {
      step.value = next;
    }),
  };
});

export type ImportWizard = InstanceType<typeof ImportModel>;
