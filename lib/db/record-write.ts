import type { IDBPTransaction, StoreNames } from 'idb';
import { type Clock, format, type Hlc, receive, tick } from '../sync/hlc';
import { canonicalJson, type Json } from '../sync/json';
import { applyChange, type FieldWrite } from '../sync/merge';
import { fieldSchema, type Mutation, type SyncEntity } from '../sync/protocol';
import { commit } from './errors';
import { stripRow } from './rows';
import type { CrmDb, CrmSchema, FieldClockRow, TeamSync } from './schema';

/**
 * Every write of a record that syncs goes through putRecord, in a transaction that also holds the team's stores
 * (recordTx). While this browser belongs to a team, the write appends to the outbox, in the same transaction, one
 * mutation with the fields it changed, each stamped with the device's clock and the stamp it replaced; a worker
 * stopped between the write and the push loses nothing, and an aborted write leaves no mutation behind. A lone rep
 * pays one read of the (absent) membership per transaction and nothing else.
 */
export const SYNC_STORES = ['sync', 'outbox', 'fieldClocks'] as const;
export type SyncStore = (typeof SYNC_STORES)[number];

export const TEAM_KEY = 'team';

/** A readwrite transaction over `stores` and the team's stores, for writes that go through putRecord. */
export function recordTx<S extends StoreNames<CrmSchema>>(db: CrmDb, stores: S | readonly S[]) {
  const names: S[] = typeof stores === 'string' ? [stores] : [...stores];
  return db.transaction([...names, ...SYNC_STORES], 'readwrite');
}

export type RecordRow<S extends SyncEntity> = CrmSchema[S]['value'];

/** What putRecord uses of a transaction: its stores by name. Any transaction recordTx opened has them. */
export type RecordTx = Pick<IDBPTransaction<CrmSchema, ArrayLike<StoreNames<CrmSchema>>, 'readwrite'>, 'objectStore'>;

interface JoinedTx {
  sync: TeamSync;
  clocks: Map<string, Promise<FieldClockRow | undefined>>;
  /** Writes of one record in one transaction run one after the other, each seeing the one before. */
  queues: Map<string, Promise<unknown>>;
}

const joined = new WeakMap<object, Promise<JoinedTx | null>>();

/**
 * The membership, read once per transaction (null for a lone rep). Not kept between transactions: the bench's import
 * ran at 945 rows/s with the read and 970 without it (noise on a busy machine), and a "lone" kept in memory would
 * let writes through unqueued after a join made on another connection to the store.
 */
function joinedOf(tx: RecordTx): Promise<JoinedTx | null> {
  let found = joined.get(tx);
  if (!found) {
    found = tx
      .objectStore('sync')
      .get(TEAM_KEY)
      .then((sync) => (sync && !sync.left ? { sync, clocks: new Map(), queues: new Map() } : null));
    joined.set(tx, found);
  }
  return found;
}

/** This browser's team membership as the transaction sees it, or null for a lone rep. */
export async function membershipOf(tx: RecordTx): Promise<TeamSync | null> {
  return (await joinedOf(tx))?.sync ?? null;
}

/**
 * Puts (or adds: `how`) a record's row. Joined, the row's fields that differ from the stored ones are queued; a
 * record with no clock yet (new, or written before joining and not yet queued) is queued whole.
 */
export async function putRecord<S extends SyncEntity>(
  tx: RecordTx,
  store: S,
  row: RecordRow<S>,
  how: 'put' | 'add' = 'put',
  now: number = Date.now(),
): Promise<void> {
  const team = await joinedOf(tx);
  const target = tx.objectStore(store) as unknown as RowStore<S>;
  if (!team) {
    await (how === 'add' ? target.add(row) : target.put(row));
    return;
  }
  const key = `${store}\u0000${row.id}`;
  const before = team.queues.get(key) ?? Promise.resolve();
  const work = before.then(() => putJoined(tx, team, store, row, how, now));
  team.queues.set(
    key,
    work.catch(() => undefined),
  );
  await work;
}

interface RowStore<S extends SyncEntity> {
  get(id: string): Promise<RecordRow<S> | undefined>;
  put(row: RecordRow<S>): Promise<unknown>;
  add(row: RecordRow<S>): Promise<unknown>;
}

async function putJoined<S extends SyncEntity>(
  tx: RecordTx,
  team: JoinedTx,
  store: S,
  row: RecordRow<S>,
  how: 'put' | 'add',
  now: number,
): Promise<void> {
  const target = tx.objectStore(store) as unknown as RowStore<S>;
  const key = `${store}\u0000${row.id}`;
  let clocks = team.clocks.get(key);
  if (!clocks) {
    clocks = tx.objectStore('fieldClocks').get([store, row.id]);
    team.clocks.set(key, clocks);
  }
  const [previous, clockRow] = await Promise.all([how === 'add' ? undefined : target.get(row.id), clocks]);
  // The record's own request goes first: when it fails (an address another contact has), its error is the one told.
  const requests: Promise<unknown>[] = [how === 'add' ? target.add(row) : target.put(row)];
  const values = changedFields(store, clockRow ? previous : undefined, row);
  const names = Object.keys(values);
  if (names.length > 0) {
    const bases = Object.fromEntries(names.map((name) => [name, clockRow?.fields[name]?.hlc ?? null]));
    team.sync.clock = stampClock(team.sync.clock, Object.values(bases), now);
    const hlc = format(team.sync.clock);
    const mutation: Mutation = {
      seq: team.sync.nextSeq++,
      entity: store,
      id: row.id,
      fields: Object.fromEntries(names.map((name) => [name, { value: values[name]!, hlc, base: bases[name]! }])),
    };
    const change: Record<string, FieldWrite> = {};
    for (const name of names) change[name] = { value: values[name]!, hlc, base: bases[name]!, by: null };
    const state = applyChange(clockRow ?? null, change);
    const next: FieldClockRow = { entity: store, id: row.id, ...state, dismissed: clockRow?.dismissed ?? [] };
    team.clocks.set(key, Promise.resolve(next));
    requests.push(
      tx.objectStore('outbox').add(mutation),
      tx.objectStore('fieldClocks').put(next),
      tx.objectStore('sync').put(team.sync, TEAM_KEY),
    );
  }
  await Promise.all(requests);
}

/** The clock for a write: later than every stamp it replaces, so a write made on top of a value beats it. */
function stampClock(clock: Clock, bases: readonly (Hlc | null)[], now: number): Clock {
  const seen = bases.reduce<Hlc | null>(
    (max, base) => (base !== null && (max === null || base > max) ? base : max),
    null,
  );
  return seen === null ? tick(clock, now) : receive(clock, seen, now);
}

/**
 * The fields of `next` that sync and differ from `previous` (all of them without one): the record's own fields as
 * lib/model defines them, never the index keys the store derives, each a value its schema accepts (a value an older
 * version stored that no longer passes stays on this device rather than making every later push refused).
 */
function changedFields(entity: SyncEntity, previous: object | undefined, next: object): Record<string, Json> {
  const before = (previous ? stripRow(previous) : {}) as Record<string, unknown>;
  const out: Record<string, Json> = {};
  for (const [name, value] of Object.entries(stripRow(next))) {
    if (value === undefined) continue;
    if (previous && canonicalJson(before[name]) === canonicalJson(value)) continue;
    const schema = fieldSchema(entity, name);
    if (!schema?.safeParse(value).success) continue;
    out[name] = value as Json;
  }
  return out;
}

/**
 * Blanks the text `fields` of the queued, not yet pushed, changes of these records: mail the rep has since marked
 * private must not leave the device with the next push. Nothing is queued for a lone rep.
 */
export async function scrubQueued(
  tx: RecordTx,
  entity: SyncEntity,
  ids: ReadonlySet<string>,
  fields: readonly string[],
): Promise<void> {
  if (ids.size === 0) return;
  let cursor = await tx.objectStore('outbox').openCursor();
  while (cursor) {
    const mutation = cursor.value;
    if (mutation.entity === entity && ids.has(mutation.id) && fields.some((name) => name in mutation.fields)) {
      const blanked = Object.fromEntries(
        Object.entries(mutation.fields).map(([name, change]) => [
          name,
          fields.includes(name) ? { ...change, value: '' } : change,
        ]),
      );
      await cursor.update({ ...mutation, fields: blanked });
    }
    cursor = await cursor.continue();
  }
}

/** A store's reads, and writes that go through putRecord: for code written against a plain store. */
export function recordStore<S extends SyncEntity>(tx: RecordTx, store: S) {
  const target = tx.objectStore(store) as unknown as RowStore<S>;
  return { get: (id: string) => target.get(id), put: (row: RecordRow<S>) => putRecord(tx, store, row) };
}

/** Puts one record in a transaction of its own (with the team's stores). */
export async function writeRecord<S extends SyncEntity>(
  db: CrmDb,
  store: S,
  row: RecordRow<S>,
  how: 'put' | 'add' = 'put',
): Promise<void> {
  const tx = recordTx(db, store);
  await commit(tx, () => putRecord(tx, store, row, how));
}
