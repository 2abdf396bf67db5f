import { toCsv } from '../csv/encode';
import { companyNameKey } from '../db/companies';
import { emailDomain, isFreeMailDomain, normaliseEmail } from '../model/email';
import { draftAddresses, type ImportDraft, type UpdateTarget } from './draft';
import { type NamedContact, personKey, personKeys } from './match';
import type { CsvProblem } from './parse';
import type { CellError } from './row-cells';
import type { RowResult } from './rows';

/** Look-ups into the store, answered by the caller (an index query or a map built before planning). */
export interface ExistingRecords {
  /** Called with normaliseEmail(address). */
  contactIdByEmail(normalisedEmail: string): string | undefined;
  /** Called with a normalised domain ("acme.com"). */
  companyIdByDomain(domain: string): string | undefined;
  /** Called with normaliseCompanyName(name). */
  companyIdByName(normalisedName: string): string | undefined;
  /** Whether a live record of the import's kind has this id: the ID column of our own export names it. */
  hasRecord(id: string): boolean;
  /** Live contacts whose name has this personKey, for rows without an email address. */
  contactsNamed(nameKey: string): readonly NamedContact[];
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

/** Company names match as the store matches them when capturing: ignoring case, repeated spaces, compatibility forms. */
export const normaliseCompanyName = companyNameKey;

/**
 * Decides, row by row in file order, what an import will do. A later row that repeats an earlier row's key (any
 * record: its ID; contact: any email, or without one its name with its company or a phone; company: a domain or the
 * name) is a duplicate of that row, just as a stored record with the key makes it a duplicate of that record. Deals
 * have no natural key but their ID. A contact without an email whose name alone matches is new, with a warning.
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
  /** personKey → the first contact row of that name. */
  const names = new Map<string, number>();
  const newCompanies = new Map<string, string>();
  const summary = { new: 0, updated: 0, skipped: 0, invalid: 0 };
  const rows: PlannedRow[] = [];

  // Only the name matches: the row makes a second contact of that name, which the preview says before it does.
  const sameNameWarning = (draft: ImportDraft): string[] => {
    if (draft.entity !== 'contact' || draft.emails.length > 0) return [];
    const name = personKey(draft.name);
    if (existing.contactsNamed(name).length > 0) return [`another contact is named ${draft.name}`];
    const earlier = names.get(name);
    return earlier === undefined ? [] : [`row ${earlier} has the same name`];
  };

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
    const { keys, marks } = duplicateKeys(draft);
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
      planned = { row, action: 'new', draft, company: companyLink(draft), reasons: sameNameWarning(draft) };
    }

    const origin = inFile?.first ?? { row, storedId: stored?.id };
    for (const key of [...keys.map((k) => k.key), ...marks]) if (!seen.has(key)) seen.set(key, origin);
    if (draft.entity === 'contact' && !names.has(personKey(draft.name))) names.set(personKey(draft.name), row);

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

/**
 * The keys a row is matched on, and `marks`: keys it holds for later rows only. A contact with an email is matched
 * by its addresses, yet a later row of the same person without one finds it by name and company or phone.
 */
function duplicateKeys(draft: ImportDraft): { keys: DuplicateKey[]; marks: string[] } {
  const own = draft.id;
  const byId: DuplicateKey[] = own
    ? [{ key: `id:${own}`, label: `ID ${own}`, lookup: (existing) => (existing.hasRecord(own) ? own : undefined) }]
    : [];
  switch (draft.entity) {
    case 'contact': {
      const person = personKeys(draft);
      const byName = person.keys.map((key) => ({
        key: key.key,
        label: key.label,
        lookup: (existing: ExistingRecords) => existing.contactsNamed(person.name).find(key.matches)?.id,
      }));
      if (draft.emails.length === 0) return { keys: [...byId, ...byName], marks: [] };
      const byEmail = draft.emails.map((email) => {
        const normalised = normaliseEmail(email.address);
        return {
          key: `email:${normalised}`,
          label: `email ${normalised}`,
          lookup: (existing: ExistingRecords) => existing.contactIdByEmail(normalised),
        };
      });
      return { keys: [...byId, ...byEmail], marks: byName.map((key) => key.key) };
    }
    case 'company': {
      const name = normaliseCompanyName(draft.name);
      const keys = [
        ...byId,
        ...draft.domains.map((domain) => ({
          key: `domain:${domain}`,
          label: `domain ${domain}`,
          lookup: (existing: ExistingRecords) => existing.companyIdByDomain(domain),
        })),
        {
          key: `name:${name}`,
          label: `name ${draft.name}`,
          lookup: (existing: ExistingRecords) => existing.companyIdByName(name),
        },
      ];
      return { keys, marks: [] };
    }
    case 'deal':
      return { keys: byId, marks: [] };
  }
}

/** A row of the plan as the review names it: its number and why. */
export interface NamedRow {
  row: number;
  reasons: readonly string[];
}

/** Every row the import will not write, in file order, with why: invalid rows and skipped duplicates. */
export function skippedRows(plan: ImportPlan): (NamedRow & { action: 'skip' | 'invalid' })[] {
  return plan.rows.flatMap((planned) =>
    planned.action === 'skip' || planned.action === 'invalid'
      ? [{ row: planned.row, action: planned.action, reasons: planned.reasons }]
      : [],
  );
}

/** New rows that may make a second record (only the name matches, or a duplicate kept under "create"), with why. */
export function warnedRows(plan: ImportPlan): NamedRow[] {
  return plan.rows.flatMap((planned) =>
    planned.action === 'new' && planned.reasons.length > 0 ? [{ row: planned.row, reasons: planned.reasons }] : [],
  );
}

export interface RowWithReasons {
  /** The row's cells as parsed, in header order. */
  cells: readonly string[];
  reasons: readonly string[];
}

/**
 * The rows to fix, in file order, with their original cells, ready for invalidRowsCsv: the plan's invalid rows and
 * the rows the store refused when saving (`refused`), each with every reason.
 */
export function invalidRows(
  plan: ImportPlan,
  rows: readonly (readonly string[])[],
  refused: readonly { row: number; reason: string }[] = [],
): RowWithReasons[] {
  const reasons = new Map<number, string[]>();
  for (const planned of plan.rows) if (planned.action === 'invalid') reasons.set(planned.row, [...planned.reasons]);
  for (const { row, reason } of refused) reasons.set(row, [...(reasons.get(row) ?? []), reason]);
  return [...reasons].sort(([a], [b]) => a - b).map(([row, why]) => ({ cells: rows[row - 1] ?? [], reasons: why }));
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
