import { compare, type Hlc } from './hlc';
import { canonicalJson, type Json } from './json';

/**
 * Records sync field by field. Each field holds its latest write; the writes that lost are kept beside it as
 * conflicts so a value a teammate overwrote while offline is shown, not silently gone.
 *
 * The state of a field is a pure function of the SET of writes seen for it: the highest stamps, at most
 * 1 + MAX_LOSERS_PER_FIELD of them. Keeping the top N of a set is a join-semilattice (top N of a union is the top N
 * of the parts' top Ns), so merging is commutative, associative and idempotent: any order and any duplication of
 * the same writes gives the same state on every device and on the service.
 */
export interface FieldWrite {
  /** Any JSON value; a tombstone is the `deletedAt` field like any other. */
  value: Json;
  hlc: Hlc;
  /**
   * The stamp of the value the writer saw in this field when it wrote (null: none). A later write whose base is an
   * earlier write's stamp replaced it knowingly; one whose base is older overwrote a value its writer never saw.
   */
  base: Hlc | null;
  /** Rep id of the writer, stamped by the service from the device's token; null until then. */
  by: string | null;
}

export interface Conflict extends FieldWrite {
  field: string;
  /** The stamp of the write that holds the field now. */
  lostTo: Hlc;
  /**
   * True when no kept write was made on top of this one: it lost to a write made without seeing it, which is what
   * "changed by a teammate while you were offline: was …" shows. False for an ordinary edit of an earlier value.
   */
  silent: boolean;
}

export interface RecordState {
  fields: Record<string, FieldWrite>;
  /** Sorted by field, then newest first. */
  conflicts: Conflict[];
}

/** Losing writes kept per field: enough to show what was overwritten, bounded so a busy field cannot grow a row. */
export const MAX_LOSERS_PER_FIELD = 3;

export const emptyState = (): RecordState => ({ fields: {}, conflicts: [] });

/**
 * Order of writes: by stamp. Two different writes with one stamp cannot come from a device that follows the clock
 * (the stamp holds its device id and its clock only moves on), but a buggy one could send them; ordering them by
 * content keeps every replica converging even then.
 */
function order(a: FieldWrite, b: FieldWrite): number {
  return (
    compare(a.hlc, b.hlc) ||
    compareText(canonicalJson(a.value), canonicalJson(b.value)) ||
    compareText(a.base ?? '', b.base ?? '') ||
    compareText(a.by ?? '', b.by ?? '')
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const writeOf = (w: FieldWrite): FieldWrite => ({ value: w.value, hlc: w.hlc, base: w.base, by: w.by });

/** The kept writes of one field, newest first: one per stamp, the highest stamps only. */
function keep(writes: FieldWrite[]): FieldWrite[] {
  const byStamp = new Map<Hlc, FieldWrite>();
  for (const write of writes) {
    const seen = byStamp.get(write.hlc);
    if (!seen || order(write, seen) > 0) byStamp.set(write.hlc, write);
  }
  return [...byStamp.values()].sort((a, b) => compare(b.hlc, a.hlc)).slice(0, 1 + MAX_LOSERS_PER_FIELD);
}

function writesByField(state: RecordState, into: Map<string, FieldWrite[]>): void {
  const add = (field: string, write: FieldWrite) => {
    const list = into.get(field);
    if (list) list.push(write);
    else into.set(field, [write]);
  };
  for (const [field, write] of Object.entries(state.fields)) add(field, write);
  for (const conflict of state.conflicts) add(conflict.field, conflict);
}

/** Merges two states of one record (a stored row and a device's change, or a pulled row and the local one). */
export function merge(a: RecordState, b: RecordState): RecordState {
  const writes = new Map<string, FieldWrite[]>();
  writesByField(a, writes);
  writesByField(b, writes);
  const fields: Record<string, FieldWrite> = {};
  const conflicts: Conflict[] = [];
  for (const field of [...writes.keys()].sort()) {
    const [winner, ...losers] = keep(writes.get(field) ?? []);
    if (!winner) continue;
    fields[field] = writeOf(winner);
    // Every write made on top of a kept loser has a higher stamp (its writer's clock received the loser's first),
    // so it is kept too: looking only among the kept writes decides `silent` exactly.
    const bases = new Set([winner.base, ...losers.map((w) => w.base)]);
    for (const loser of losers) {
      conflicts.push({ field, ...writeOf(loser), lostTo: winner.hlc, silent: !bases.has(loser.hlc) });
    }
  }
  return { fields, conflicts };
}

/** A device's change to a record is a state of its own with no conflicts yet. */
export function applyChange(state: RecordState | null, change: Record<string, FieldWrite>): RecordState {
  return merge(state ?? emptyState(), { fields: change, conflicts: [] });
}

/** The record's values as the app stores them (winners only), to rebuild the local row from a merged state. */
export function valuesOf(state: RecordState): Record<string, Json> {
  return Object.fromEntries(Object.entries(state.fields).map(([field, write]) => [field, write.value]));
}

export function sameState(a: RecordState, b: RecordState): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
