import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../lib/export/tables';
import { inferDateOrder } from '../../../lib/import/cells/dates';
import { decodeCsvBytes } from '../../../lib/import/decode';
import type { ImportDraft } from '../../../lib/import/draft';
import { guessMapping, type ImportEntity, missingRequiredTargets } from '../../../lib/import/mapping';
import { parseCsv } from '../../../lib/import/parse';
import { planImport } from '../../../lib/import/plan';
import { rowToDraft } from '../../../lib/import/rows';
import { corpusContext, corpusPipeline } from '../../fixtures/csv/context';

interface Expected {
  file: string;
  entity: ImportEntity;
  encoding: string;
  delimiter: string;
  headers: string[];
  mapping: Record<string, string>;
  missingRequired: string[][];
  problems: { row: number; includes: string }[];
  policy: 'skip' | 'update' | 'create';
  existing?: { emails?: Record<string, string>; domains?: Record<string, string>; names?: Record<string, string> };
  summary: { new: number; updated: number; skipped: number; invalid: number };
  rows: Record<
    string,
    {
      action: string;
      draft?: Record<string, unknown>;
      reasons?: string[];
      target?: unknown;
      errors?: { column: string; includes: string }[];
    }
  >;
}

const folder = `${import.meta.dirname}/../../fixtures/csv/`;
const expected = JSON.parse(readFileSync(`${folder}expected.json`, 'utf8')) as { files: Expected[] };

/** Deals compare by calendar day and stage name, which is what a person checks in the file. */
function comparable(draft: ImportDraft): Record<string, unknown> {
  if (draft.entity !== 'deal') return { ...draft };
  return {
    ...draft,
    expectedClose: formatDate(draft.expectedCloseAt, corpusContext.timeZone),
    stage: corpusPipeline.stages.find((stage) => stage.id === draft.stageId)?.name,
  };
}

function importFile(spec: Expected) {
  const bytes = new Uint8Array(readFileSync(folder + spec.file));
  const decoded = decodeCsvBytes(bytes);
  const parsed = parseCsv(decoded.text);
  const mapping = guessMapping(parsed.headers, spec.entity, corpusContext.propertyDefs);
  // A deal file's day/month order comes from whichever row shows it, as the import screen does.
  const closeColumn = parsed.headers.findIndex((header) => mapping[header] === 'expectedClose');
  const dateOrder = closeColumn < 0 ? null : inferDateOrder(parsed.rows.map((row) => row[closeColumn] ?? ''));
  const context = { ...corpusContext, dateOrder };
  const results = parsed.rows.map((row) => rowToDraft(spec.entity, row, parsed.headers, mapping, context));
  const existing = {
    contactIdByEmail: (email: string) => spec.existing?.emails?.[email],
    companyIdByDomain: (domain: string) => spec.existing?.domains?.[domain],
    companyIdByName: (name: string) => spec.existing?.names?.[name],
    hasRecord: () => false,
    contactsNamed: () => [],
  };
  const plan = planImport(results, existing, spec.policy, parsed.problems);
  return { decoded, parsed, mapping, plan };
}

describe('awkward CSV corpus', () => {
  it('has an expected outcome for every fixture file, and a fixture for every outcome', () => {
    const files = readdirSync(folder).filter((name) => /\.(csv|txt)$/.test(name));
    expect(expected.files.map((spec) => spec.file).sort()).toEqual(files.sort());
  });

  it.each(expected.files.map((spec) => [spec.file, spec] as const))('%s', (_file, spec) => {
    const { decoded, parsed, mapping, plan } = importFile(spec);
    expect(decoded.encoding).toBe(spec.encoding);
    expect(parsed.delimiter).toBe(spec.delimiter);
    expect(parsed.headers).toEqual(spec.headers);
    expect(mapping).toMatchObject(spec.mapping);
    expect(missingRequiredTargets(spec.entity, mapping, corpusContext.propertyDefs)).toEqual(spec.missingRequired);
    if (spec.problems.length === 0) expect(parsed.problems).toEqual([]);
    for (const problem of spec.problems) {
      expect(parsed.problems).toContainEqual(
        expect.objectContaining({ row: problem.row, message: expect.stringContaining(problem.includes) }),
      );
    }
    expect(plan.summary).toEqual(spec.summary);

    for (const [rowNumber, want] of Object.entries(spec.rows)) {
      const got = plan.rows[Number(rowNumber) - 1];
      expect(got, `row ${rowNumber}`).toBeDefined();
      if (!got) continue;
      expect(got.action, `row ${rowNumber}`).toBe(want.action);
      if (want.reasons) expect(got.reasons).toEqual(want.reasons);
      if (want.target) expect(got).toMatchObject({ target: want.target });
      if (want.draft) {
        expect(got.action).not.toBe('invalid');
        if (got.action !== 'invalid') expect(comparable(got.draft), `row ${rowNumber}`).toMatchObject(want.draft);
      }
      if (want.errors) {
        expect(got.action).toBe('invalid');
        if (got.action === 'invalid') {
          expect(got.errors).toEqual(
            want.errors.map((error) => ({ column: error.column, message: expect.stringContaining(error.includes) })),
          );
        }
      }
    }
  });

  it('keeps every fixture small enough to commit', () => {
    for (const name of readdirSync(folder)) expect(readFileSync(folder + name).length).toBeLessThan(50_000);
  });

  it('imports a row with a 1 MB field, and reports the field where it is too long for its column', () => {
    const big = `${'ក'.repeat(500_000)}${'x'.repeat(500_000)}`;
    const csv = `Name,Email,Notes,Ignored\r\nDara,dara@example.com,ok,"${big}"\r\nHeng,heng@example.com,"${big}",\r\n`;
    const parsed = parseCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]?.[3]).toHaveLength(1_000_000);
    const mapping = guessMapping(parsed.headers, 'contact', []);
    expect(mapping).toMatchObject({ Notes: 'notes', Ignored: 'skip' });
    const results = parsed.rows.map((row) => rowToDraft('contact', row, parsed.headers, mapping, corpusContext));
    expect(results[0]?.ok).toBe(true);
    expect(results[1]).toEqual({
      ok: false,
      errors: [{ column: 'Notes', message: expect.stringContaining('at most 100000 characters') }],
    });
  });
});
