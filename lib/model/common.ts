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

/** Text that came from people: trimmed, bounded so a hostile 10 MB string cannot bloat the store. */
export const shortText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
export const requiredText = (max = 200) => shortText(max).min(1, { error: 'is required' });

/** Values of custom properties, validated against their definitions in lib/model/custom-property.ts. */
export const customValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export type RecordBase = { id: string; createdAt: number; updatedAt: number; deletedAt: number | null };

export function newRecordBase(now: number, id: string = newId()): RecordBase {
  return { id, createdAt: now, updatedAt: now, deletedAt: null };
}
