import type { CrmDb, FieldClockRow, TeamSync } from '../db/schema';
import { wallOf } from '../sync/hlc';
import type { Json } from '../sync/json';
import type { SyncEntity } from '../sync/protocol';
import { BOOKKEEPING } from './conflicts';
import type { RecordChanges } from './contract';
import { repName } from './store';

/** Enough of a record's past for a page to read; older writes are still merged, only not listed. */
export const MAX_HISTORY = 20;

/** Fields no rep sets by hand (a merge sets one, a thread the other): links, not changes to list. */
const UNSHOWN = new Set(['mergedInto', 'threadId']);

/** A value a new record starts with when nobody typed anything there: no news in "created it". */
const blank = (value: Json): boolean =>
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/**
 * Who changed what on a record, from its field clocks: one entry per write (a write is every field one save
 * stamped, so they share a stamp), the values that lost among them, newest first; and the latest write that held,
 * for "changed by … ". Bookkeeping fields every save stamps are left out, so a write of those alone is no change.
 */
export function recordChanges(row: FieldClockRow | undefined, team: TeamSync): RecordChanges {
  if (!row) return { last: null, history: [] };
  const writes = new Map<string, { by: string | null; fields: { field: string; value: Json }[]; created: boolean }>();
  const add = (hlc: string, by: string | null, field: string, value: Json) => {
    const write = writes.get(hlc) ?? { by, fields: [], created: false };
    if (field === 'createdAt') write.created = true;
    else if (!BOOKKEEPING.has(field) && !UNSHOWN.has(field)) write.fields.push({ field, value });
    writes.set(hlc, write);
  };
  for (const [field, write] of Object.entries(row.fields)) add(write.hlc, write.by, field, write.value);
  for (const conflict of row.conflicts) add(conflict.hlc, conflict.by, conflict.field, conflict.value);
  const history = [...writes.entries()]
    .filter(([, write]) => write.created || write.fields.length > 0)
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, MAX_HISTORY)
    .map(([hlc, write]) => ({
      hlc,
      by: repName(team, write.by),
      at: wallOf(hlc),
      created: write.created,
      fields: write.fields
        .filter(({ value }) => !(write.created && blank(value)))
        .sort((a, b) => a.field.localeCompare(b.field)),
    }));
  const held = Object.entries(row.fields)
    .filter(([field]) => !BOOKKEEPING.has(field) || field === 'createdAt')
    .map(([, write]) => write)
    .sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0))[0];
  return {
    last: held ? { by: repName(team, held.by), at: wallOf(held.hlc) } : null,
    history,
  };
}

export async function readRecordChanges(db: CrmDb, team: TeamSync, entity: SyncEntity, id: string) {
  return recordChanges(await db.get('fieldClocks', [entity, id]), team);
}
