import type { z } from 'zod';
import { unguardCell } from '../csv/guard';
import { type CustomPropertyDef, customValuesSchema } from '../model/custom-property';
import { parseNumber } from './cells/amounts';
import { type DateContext, formatCalendarDate, parseDateCell } from './cells/dates';
import { quote } from './cells/text';
import { FALSE_WORDS, TRUE_WORDS } from './cells/words';
import type { CustomValue } from './draft';
import {
  type ColumnMapping,
  type CustomTarget,
  customTarget,
  type FieldTarget,
  type ImportEntity,
  liveDefs,
  type MappingTarget,
  normaliseHeader,
} from './mapping';

export interface CellError {
  /** The CSV header of the column at fault. */
  column: string;
  message: string;
}

/** Values of one row by target, with the formula guard of our own export removed and the column remembered. */
export class Cells {
  readonly errors: CellError[] = [];
  readonly provided: (FieldTarget | CustomTarget)[] = [];
  private readonly byTarget = new Map<MappingTarget, { header: string; value: string }>();

  constructor(row: readonly string[], headers: readonly string[], mapping: ColumnMapping) {
    headers.forEach((header, index) => {
      const target = mapping[header] ?? 'skip';
      if (target === 'skip' || this.byTarget.has(target)) return;
      // Spreadsheets write a line break inside a cell as LF or CRLF; the store keeps LF only.
      const value = unguardCell(row[index] ?? '')
        .replace(/\r\n?/g, '\n')
        .trim();
      this.byTarget.set(target, { header, value });
      if (value !== '') this.provided.push(target);
    });
  }

  value(target: MappingTarget): string {
    return this.byTarget.get(target)?.value ?? '';
  }

  mapped(target: MappingTarget): boolean {
    return this.byTarget.has(target);
  }

  /** The header to blame for a target; the target's own name when no column maps to it. */
  column(target: MappingTarget): string {
    return this.byTarget.get(target)?.header ?? target;
  }

  fail(target: MappingTarget, message: string): void {
    this.errors.push({ column: this.column(target), message });
  }

  /** Runs a zod schema on a value and reports its first issue against the target's column. */
  check<T>(target: MappingTarget, schema: z.ZodType<T>, value: unknown, shown: string): T | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.fail(target, `${quote(shown)} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
    return undefined;
  }
}

/** What reading a row's custom properties needs: their definitions, and how to read a date. */
type CustomContext = DateContext & { propertyDefs: readonly CustomPropertyDef[] };

// Building a zod schema costs far more than running one: one per set of filled-in properties, not one per row.
const customSchemas = new WeakMap<object, Map<string, ReturnType<typeof customValuesSchema>>>();

function customSchemaFor(all: readonly CustomPropertyDef[], filled: readonly CustomPropertyDef[]) {
  let byKeys = customSchemas.get(all);
  if (!byKeys) {
    byKeys = new Map();
    customSchemas.set(all, byKeys);
  }
  const keys = filled.map((def) => def.key).join('\u0000');
  let schema = byKeys.get(keys);
  if (!schema) {
    schema = customValuesSchema(filled);
    byKeys.set(keys, schema);
  }
  return schema;
}

export function readCustom(entity: ImportEntity, cells: Cells, context: CustomContext): Record<string, CustomValue> {
  const values: Record<string, CustomValue> = {};
  const mappedDefs: CustomPropertyDef[] = [];
  for (const def of liveDefs(entity, context.propertyDefs)) {
    const target = customTarget(def.key);
    if (!cells.mapped(target)) continue;
    mappedDefs.push(def);
    const text = cells.value(target);
    if (text === '') {
      if (def.required) cells.fail(target, 'is required');
      continue;
    }
    const coerced = coerceCustom(def, text, context);
    if (coerced.ok) values[def.key] = coerced.value;
    else cells.fail(target, coerced.message);
  }
  const filled = mappedDefs.filter((def) => def.key in values);
  if (filled.length === 0) return values;
  // The model's schema has the last word (lengths, select options), so import and the forms agree on what is valid.
  const parsed = customSchemaFor(context.propertyDefs, filled).safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      cells.fail(customTarget(key), `${quote(String(values[key] ?? ''))} ${issue.message}`);
    }
  }
  return values;
}

function coerceCustom(
  def: CustomPropertyDef,
  text: string,
  context: DateContext,
): { ok: true; value: CustomValue } | { ok: false; message: string } {
  switch (def.type) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const number = parseNumber(text);
      return number === null ? { ok: false, message: `${quote(text)} is not a number` } : { ok: true, value: number };
    }
    case 'date': {
      const date = parseDateCell(text, context);
      return date.ok ? { ok: true, value: formatCalendarDate(date.date) } : date;
    }
    case 'select': {
      const option = def.options.find((candidate) => normaliseHeader(candidate) === normaliseHeader(text));
      return option !== undefined
        ? { ok: true, value: option }
        : { ok: false, message: `${quote(text)} is not one of: ${def.options.join(', ')}` };
    }
    case 'checkbox': {
      const word = normaliseHeader(text);
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `${quote(text)} is not yes or no` };
    }
  }
}
