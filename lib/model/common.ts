import { z } from 'zod';
import { newId } from './id';

// Extension pages forbid eval; without this zod probes `new Function` and the browser logs a CSP violation.
z.config({ jitless: true });

/**
 * Every stored record carries these: a UUID (version 7 for records this version makes, see ./id.ts; older ones are
 * version 4) and UTC epoch-millisecond stamps; deletion is a tombstone first.
 */
export const recordId = z.uuid({ error: 'must be a record id (UUID)' });
/**
 * A UUID a page makes once per form submission and keeps until the call succeeds; the record created takes it as
 * its id, so sending the call again after a lost answer returns that record rather than a copy.
 */
export const requestId = recordId;
export const epochMs = z.number().int().nonnegative();

export const recordBase = {
  id: recordId,
  createdAt: epochMs,
  updatedAt: epochMs,
  deletedAt: epochMs.nullable(),
};

const shortTexts = new Map<number, z.ZodString>();
const requiredTexts = new Map<number, z.ZodString>();

/**
 * Text that came from people: trimmed, bounded so a hostile 10 MB string cannot bloat the store. One schema per
 * bound, made once: the import checks several cells of each of 100k rows, and building a zod schema costs far more
 * than running one.
 */
export function shortText(max = 200): z.ZodString {
  let schema = shortTexts.get(max);
  if (!schema) {
    schema = z
      .string()
      .trim()
      .max(max, { error: `must be at most ${max} characters` });
    shortTexts.set(max, schema);
  }
  return schema;
}

export function requiredText(max = 200): z.ZodString {
  let schema = requiredTexts.get(max);
  if (!schema) {
    schema = shortText(max).min(1, { error: 'is required' });
    requiredTexts.set(max, schema);
  }
  return schema;
}

/** Values of custom properties, validated against their definitions in lib/model/custom-property.ts. */
export const customValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export type RecordBase = { id: string; createdAt: number; updatedAt: number; deletedAt: number | null };

export function newRecordBase(now: number, id: string = newId()): RecordBase {
  return { id, createdAt: now, updatedAt: now, deletedAt: null };
}
