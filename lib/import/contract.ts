import { z } from 'zod';
import { epochMs, recordId } from '../model';
import type { ContractShape } from '../rpc/define';
import { importRowInput } from './draft';

/**
 * Import methods: owned with lib/import/handlers.ts.
 *
 * An import is driven by the dashboard page, chunk by chunk (the router refuses messages over 8 MB; 100k rows are
 * tens of MB): import.start → import.companies (the plan's new companies) → import.rows per chunk of ≤ 1,000 rows
 * → import.finish or import.cancel. A closed page leaves the import "running" with its processedRows; the history
 * offers import.resume (same file again) or import.undo.
 * The rows' drafts are checked for shape only: lib/import/draft.ts says why.
 */
const importStore = z.enum(['contacts', 'companies', 'deals']);
const loose = (max: number) => z.string().max(max);

export const importSummary = z.object({
  id: recordId,
  entity: importStore,
  fileName: z.string(),
  startedAt: epochMs,
  finishedAt: epochMs.nullable(),
  status: z.enum(['running', 'done', 'cancelled', 'undone']),
  processedRows: z.number().int(),
  totalRows: z.number().int(),
  /** Journal pages left; above 0 on an undone import means the undo was interrupted and can be finished. */
  pages: z.number().int(),
});
export type ImportSummaryView = z.infer<typeof importSummary>;

const importId = z.object({ importId: recordId });
export const importContract = {
  'import.start': {
    input: z.object({
      entity: importStore,
      fileName: loose(1000),
      totalRows: z.number().int().min(0).max(10_000_000),
    }),
    output: importSummary,
  },
  /** Creates the companies a plan names that the store lacks (plan.companiesToCreate); ids in the same order. */
  'import.companies': {
    input: z.object({ importId: recordId, names: z.array(loose(1000)).max(5000) }),
    output: z.object({ ids: z.array(recordId) }),
  },
  /** One chunk: the new/update rows up to throughRow, written in batches of 500, one transaction each. */
  'import.rows': {
    input: z.object({
      importId: recordId,
      throughRow: z.number().int().min(0),
      rows: z.array(importRowInput).max(5000),
    }),
    output: z.object({
      processedRows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    }),
  },
  'import.finish': { input: importId, output: importSummary },
  'import.cancel': { input: importId, output: importSummary },
  /** Takes rows again after the import's processedRows (a closed tab, a cancel). */
  'import.resume': { input: importId, output: importSummary },
  /** Undoes up to maxPages batches; call again while `remaining` is above 0. */
  'import.undo': {
    input: z.object({ importId: recordId, maxPages: z.number().int().min(1).max(10_000).optional() }),
    output: z.object({
      remaining: z.number().int(),
      tombstoned: z.number().int(),
      restored: z.number().int(),
      kept: z.number().int(),
    }),
  },
  'imports.list': { input: z.object({}), output: z.array(importSummary) },
} satisfies ContractShape;
