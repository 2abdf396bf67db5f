import type { CompanyLink, ImportPlan, PlannedRow } from '@/lib/import/plan';
import { normaliseCompanyName } from '@/lib/import/plan';
import type { ImportRowInput } from './draft';

/**
 * Cuts a plan into the chunks the page sends to the worker. The router refuses messages over 8 MB, and a row may
 * carry 100 KB of notes, so a chunk ends at `maxRows` file rows or about `maxChars` characters of JSON, whichever
 * comes first. Skipped and invalid rows are not sent; the chunk's `throughRow` moves past them.
 */
export interface ImportChunk {
  rows: ImportRowInput[];
  /** The last file row this chunk accounts for. */
  throughRow: number;
}

export const CHUNK_ROWS = 1000;
export const CHUNK_CHARS = 4_000_000;

/** Names of companies created for this import → their ids (plan.companiesToCreate, created first). */
export type CreatedCompanies = ReadonlyMap<string, string>;

export function createdCompanies(names: readonly string[], ids: readonly string[]): Map<string, string> {
  return new Map(names.map((name, i) => [normaliseCompanyName(name), ids[i] ?? '']));
}

function companyIdOf(link: CompanyLink | null, created: CreatedCompanies): string | null {
  if (!link) return null;
  if (link.kind === 'existing') return link.id;
  return created.get(normaliseCompanyName(link.name)) || null;
}

export function rowInput(planned: PlannedRow, created: CreatedCompanies): ImportRowInput | null {
  if (planned.action !== 'new' && planned.action !== 'update') return null;
  return {
    row: planned.row,
    action: planned.action,
    target: planned.action === 'update' ? planned.target : null,
    companyId: companyIdOf(planned.company, created),
    draft: planned.draft,
  };
}

/** The chunks of the rows after `afterRow` (0 for a new import, processedRows for a resumed one). */
export function* importChunks(
  plan: ImportPlan,
  created: CreatedCompanies,
  afterRow = 0,
  maxRows = CHUNK_ROWS,
  maxChars = CHUNK_CHARS,
): Generator<ImportChunk, void, undefined> {
  let rows: ImportRowInput[] = [];
  let chars = 0;
  let first = afterRow + 1;
  const total = plan.rows.length;
  for (let index = afterRow; index < total; index++) {
    const planned = plan.rows[index];
    if (!planned) continue;
    const input = rowInput(planned, created);
    const size = input ? JSON.stringify(input).length : 0;
    const full = planned.row - first + 1 > maxRows || (rows.length > 0 && chars + size > maxChars);
    if (full) {
      yield { rows, throughRow: planned.row - 1 };
      rows = [];
      chars = 0;
      first = planned.row;
    }
    if (input) {
      rows.push(input);
      chars += size;
    }
  }
  if (total > afterRow) yield { rows, throughRow: total };
}
