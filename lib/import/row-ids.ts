import type { ImportRowInput } from './draft';

/**
 * The id of the record row `row` of an import creates: derived, not random, so an update of "the record row 12
 * created" resolves in any later chunk or after a resume without a row → id table. The import id's first 80 bits
 * (74 random) keep imports apart; the last 48 bits are the row number.
 */
export function importRowId(importId: string, row: number): string {
  if (!Number.isSafeInteger(row) || row < 1 || row >= 2 ** 48) throw new RangeError('row number out of range');
  return `${importId.slice(0, 24)}${row.toString(16).padStart(12, '0')}`;
}

/** Whether a record was created by this import (its id is one importRowId made). */
export function createdByImport(importId: string, id: string): boolean {
  return id.startsWith(importId.slice(0, 24));
}

/** The id of the record an update row writes to. */
export function targetId(importId: string, target: NonNullable<ImportRowInput['target']>): string {
  return target.kind === 'existing' ? target.id : importRowId(importId, target.row);
}
