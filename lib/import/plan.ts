import { toCsv } from '../csv/encode';
import { emailDomain, isFreeMailDomain, normalizeEmail } from '../model/email';
import { draftAddresses, type ImportDraft, type UpdateTarget } from './draft';
import type { CsvProblem } from './parse';
import type { CellError } from './row-cells';
import type { RowResult } from './rows';

/** Look-ups into the store, answered by the caller (an index query or a map built before planning). */
export interface ExistingRecords {
  /** Called with normalizeEmail(address). */
  contactIdByEmail(normalisedEmail: string): string | undefined;
  /** Called with a normalised domain ("acme.com"). */
  companyIdByDomain(domain: string): string | undefined;
  /** Called with normaliseCompanyName(name). */
  companyIdByName(normalisedName: string): string | undefined;
}

/**
 * What to do with a row whose record already exists, in the store or earlier in the same file:
 * skip it, update the record with the row's non-empty values, or create another record anyway.
 */
export type DuplicatePolicy = 'skip' | 'update' | 'create';

/** The Company a contact or deal row links to: found in the store, or created once by name for the whole import. */
export type CompanyLink = { kind: 'existing'; id: string } | { kind: 'new'; name: string };

interface PlannedBase {
  /** 1-based data row number, as in parseCsv problems. */
  row: number;
  reasons: string[];
}

export type PlannedRow =
  | (PlannedBase & { action: 'new'; draft: ImportDraft; company: CompanyLink | null })
  | (PlannedBase & { action: 'update'; draft: ImportDraft; target: UpdateTarget; company: CompanyLink | null })
  | (PlannedBase & { action: 'skip'; draft: ImportDraft })
  | (PlannedBase & { action: 'invalid'; errors: CellError[] });

export interface ImportPlan {
  rows: PlannedRow[];
  summary: { new: number; updated: number; skipped: number; invalid: number };
  /** Distinct companies named by rows that no stored company matches: create these first, then link. */
  companiesToCreate: string[];
}

/** Company names match ignoring case, repeated spaces and compatibility forms. */
export function normaliseCompanyName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Decides, row by row in file order, what an import will do. A later row that repeats an earlier row's key
 * (contact: any email; company: a domain or the name) is a duplicate of that row, just as a stored record with the
 * key makes it a duplicate of that record. Deals have no natural key and are always new.
 */
export function planImport(
  results: readonly RowResult[],
  existing: ExistingRecords,
  policy: DuplicatePolicy,
  /** parseCsv's problems: a row whose cells a broken quote ran into is invalid, however its cells read. */
  problems: readonly CsvProblem[] = [],
): ImportPlan {
  const corrupt = new Map<number, string>();
  for (const problem of problems)
    if (problem.corruptsRow && !corrupt.has(problem.row)) corrupt.set(problem.row, problem.message);
  // Key → the row that first used it, and the stored record that row matched (if any).
  const seen = new Map<string, { row: number; storedId: string | undefined }>();
  const newCompanies = new Map<string, string>();
  const summary = { new: 0, updated: 0, skipped: 0, invalid: 0 };
  const rows: PlannedRow[] = [];

  const companyLink = (draft: ImportDraft): CompanyLink | null => {
    if (draft.entity === 'company') return null;
    if (draft.companyName) {
      const key = normaliseCompanyName(draft.companyName);
      const id = existing.companyIdByName(key);
      if (id) return { kind: 'existing', id };
      if (!newCompanies.has(key)) newCompanies.set(key, draft.companyName);
      return { kind: 'new', name: newCompanies.get(key) ?? draft.companyName };
    }
    // No company named: a work address's domain still finds it, as capture from Gmail does.
    for (const address of draftAddresses(draft)) {
      const domain = emailDomain(address);
      if (!domain || isFreeMailDomain(domain)) continue;
      const id = existing.companyIdByDomain(domain);
      if (id) return { kind: 'existing', id };
    }
    return null;
  };

  results.forEach((result, index) => {
    const row = index + 1;
    const broken = corrupt.get(row);
    if (!result.ok || broken !== undefined) {
      // An empty column name means the row as a whole (a parse problem), not one cell.
      const errors = [
        ...(broken === undefined ? [] : [{ column: '', message: broken }]),
        ...(result.ok ? [] : result.errors),
      ];
      summary.invalid++;
      rows.push({
        row,
        action: 'invalid',
        errors,
        reasons: errors.map((error) => (error.column ? `${error.column}: ${error.message}` : error.message)),
      });
      return;
    }
    const draft = result.draft;
    const keys = duplicateKeys(draft);
    const inFile = keys.map((key) => ({ key, first: seen.get(key.key) })).find((hit) => hit.first !== undefined);
    let stored: { id: string; reason: string } | undefined;
    if (!inFile) {
      for (const key of keys) {
        const id = key.lookup(existing);
        if (id) {
          stored = { id, reason: `a ${draft.entity} with ${key.label} already exists` };
          break;
        }
      }
    }

    let planned: PlannedRow;
    if (inFile?.first) {
      const first = inFile.first;
      const reason = `duplicate of row ${first.row} (same ${inFile.key.label})`;
      if (policy === 'create') {
        planned = { row, action: 'new', draft, company: companyLink(draft), reasons: [reason] };
      } else if (policy === 'skip') {
        planned = { row, action: 'skip', draft, reasons: [reason] };
      } else {
        const target: UpdateTarget = first.storedId
          ? { kind: 'existing', id: first.storedId }
          : { kind: 'row', row: first.row };
        planned = { row, action: 'update', draft, target, company: companyLink(draft), reasons: [reason] };
      }
    } else if (stored) {
      if (policy === 'create') {
        planned = { row, action: 'new', draft, company: companyLink(draft), reasons: [stored.reason] };
      } else if (policy === 'skip') {
        planned = { row, action: 'skip', draft, reasons: [stored.reason] };
      } else {
        const target: UpdateTarget = { kind: 'existing', id: stored.id };
        planned = { row, action: 'update', draft, target, company: companyLink(draft), reasons: [stored.reason] };
      }
    } else {
      planned = { row, action: 'new', draft, company: companyLink(draft), reasons: [] };
    }

    if (!inFile) {
      for (const key of keys) {
        if (!seen.has(key.key)) seen.set(key.key, { row, storedId: stored?.id });
      }
    } else if (inFile?.first) {
      for (const key of keys) if (!seen.has(key.key)) seen.set(key.key, inFile.first);
    }

    if (planned.action === 'new') summary.new++;
    else if (planned.action === 'update') summary.updated++;
    else if (planned.action === 'skip') summary.skipped++;
    rows.push(planned);
  });

  // A company row in the same file creates the company itself; contacts then link to it by name.
  const companyRowNames = new Set(
    rows.flatMap((planned) =>
      planned.action === 'new' && planned.draft.entity === 'company' ? [normaliseCompanyName(planned.draft.name)] : [],
    ),
  );
  const companiesToCreate = [...newCompanies].filter(([key]) => !companyRowNames.has(key)).map(([, name]) => name);
  return { rows, summary, companiesToCreate };
}

interface DuplicateKey {
  key: string;
  label: string;
  lookup(existing: ExistingRecords): string | undefined;
}

function duplicateKeys(draft: ImportDraft): DuplicateKey[] {
  switch (draft.entity) {
    case 'contact':
      return draft.emails.map((email) => {
        const normalised = normalizeEmail(email.address);
        return {
          key: `email:${normalised}`,
          label: `email ${normalised}`,
          lookup: (existing) => existing.contactIdByEmail(normalised),
        };
      });
    case 'company': {
      const name = normaliseCompanyName(draft.name);
      return [
        ...draft.domains.map((domain) => ({
          key: `domain:${domain}`,
          label: `domain ${domain}`,
          lookup: (existing: ExistingRecords) => existing.companyIdByDomain(domain),
        })),
        { key: `name:${name}`, label: `name ${draft.name}`, lookup: (existing) => existing.companyIdByName(name) },
      ];
    }
    case 'deal':
      return [];
  }
}

export interface RowWithReasons {
  /** The row's cells as parsed, in header order. */
  cells: readonly string[];
  reasons: readonly string[];
}

/** The invalid rows of a plan, with their original cells, ready for invalidRowsCsv. */
export function invalidRows(plan: ImportPlan, rows: readonly (readonly string[])[]): RowWithReasons[] {
  return plan.rows.flatMap((planned) =>
    planned.action === 'invalid' ? [{ cells: rows[planned.row - 1] ?? [], reasons: planned.reasons }] : [],
  );
}

/**
 * A CSV of rows to fix and import again: the file's own columns plus an error column. The rep corrects it in a
 * spreadsheet and re-imports it with the same mapping (the extra column maps to nothing).
 */
export function invalidRowsCsv(headers: readonly string[], rows: readonly RowWithReasons[]): string {
  const taken = new Set(headers.map((header) => header.toLowerCase()));
  let errorHeader = 'Error';
  for (let n = 2; taken.has(errorHeader.toLowerCase()); n++) errorHeader = `Error (${n})`;
  return toCsv(
    [...headers, errorHeader],
    rows.map((row) => [...headers.map((_, index) => row.cells[index] ?? ''), row.reasons.join('; ')]),
  );
}
