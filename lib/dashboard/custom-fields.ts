import type { CustomPropertyDef } from '../model';
import { customValuesSchema } from '../model';

export type CustomValue = string | number | boolean | null;

export type CustomFieldError = 'required' | 'number' | 'date' | 'option' | 'too_long' | 'invalid';

const ERROR_OF_TYPE: Record<CustomPropertyDef['type'], CustomFieldError> = {
  text: 'too_long',
  number: 'number',
  date: 'date',
  select: 'option',
  checkbox: 'invalid',
};

/** What a form holds for each property: text for inputs and selects, a boolean for checkboxes. */
export type CustomDraft = Record<string, string | boolean>;

export function draftFromValues(defs: readonly CustomPropertyDef[], values: Record<string, CustomValue>): CustomDraft {
  const draft: CustomDraft = {};
  for (const def of defs) {
    const value = values[def.key];
    if (def.type === 'checkbox') draft[def.key] = value === true;
    else draft[def.key] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

/**
 * Turns the form's text into typed values, then validates them with the same schema the store and import use.
 * An empty optional field becomes null; a number that does not parse is kept as text so the schema names the
 * field. Values of removed properties (not in `defs`) are carried over untouched: removing a definition never
 * drops data.
 */
export function parseCustomDraft(
  defs: readonly CustomPropertyDef[],
  draft: CustomDraft,
  existing: Record<string, CustomValue>,
): { ok: true; values: Record<string, CustomValue> } | { ok: false; errors: Record<string, string> } {
  const values: Record<string, CustomValue> = { ...existing };
  const live = defs.filter((d) => d.deletedAt === null);
  for (const def of live) {
    const raw = draft[def.key];
    if (def.type === 'checkbox') {
      values[def.key] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (def.required) delete values[def.key];
      else values[def.key] = null;
      continue;
    }
    if (def.type === 'number') {
      const western = text.replace(/[០-៩]/g, (d) => String(d.charCodeAt(0) - 0x17e0)).replace(/[\s,]/g, '');
      const n = Number(western);
      values[def.key] = western !== '' && Number.isFinite(n) ? n : text;
    } else {
      values[def.key] = text;
    }
  }
  const parsed = customValuesSchema(live).safeParse(values);
  if (parsed.success) return { ok: true, values: parsed.data as Record<string, CustomValue> };
  const errors: Record<string, CustomFieldError> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    const def = live.find((d) => d.key === key);
    errors[key] ??= values[key] === undefined || !def ? 'required' : ERROR_OF_TYPE[def.type];
  }
  return { ok: false, errors };
}
