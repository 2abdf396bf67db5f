import { wallOf } from '../../lib/sync/hlc';
import { applyChange, type FieldWrite, type RecordState, sameState } from '../../lib/sync/merge';
import { MAX_CLOCK_AHEAD_MS, type PushRequest, type PushResponse } from '../../lib/sync/protocol';
import type { Caller } from '../auth';
import { type Pool, type PoolClient, transaction } from '../db/pool';
import { ApiError, badRequest, forbidden } from '../errors';
import { writeRecords } from './write-records';

interface Row {
  entity: string;
  id: string;
  state: RecordState;
  /** As stored before this push; null for a record this push creates. */
  original: RecordState | null;
}

/**
 * Applies a device's batch in one transaction, each mutation exactly once.
 *
 * The team row is locked first (SELECT … FOR UPDATE): pushes of one team run one after another, and each row they
 * write gets the next team version. A transaction that takes versions commits before the next one can take any, so
 * at every moment the committed versions are 1..V with no hole that a later commit could fill: a puller that has
 * read up to V has seen every row up to V, which a sequence or now() (taken before commit, committed in another
 * order) cannot promise.
 *
 * Mutation numbers at or below the device's mark were applied before (a retried batch whose answer was lost): they
 * are acknowledged, not applied again. A number past mark + 1 means the device lost some: refused whole.
 */
export async function applyPush(pool: Pool, caller: Caller, push: PushRequest, now: number): Promise<PushResponse> {
  if (push.deviceId !== caller.deviceId) throw forbidden('the batch names another device than this token');
  checkClock(push, now);
  return transaction(pool, async (client) => {
    const team = await client.query<{ version: number }>('SELECT version FROM teams WHERE id = $1 FOR UPDATE', [
      caller.teamId,
    ]);
    let version = team.rows[0]!.version;
    const mark = await client.query<{ seq: number }>('SELECT seq FROM applied WHERE team_id = $1 AND device_id = $2', [
      caller.teamId,
      caller.deviceId,
    ]);
    const lastSeq = mark.rows[0]?.seq ?? 0;
    const fresh = push.mutations.filter((mutation) => mutation.seq > lastSeq);
    if (fresh.length === 0) return { lastSeq, version };
    if (fresh[0]!.seq !== lastSeq + 1) {
      throw new ApiError(409, 'seq_gap', `mutation ${lastSeq + 1} is the next this service expects`, { lastSeq });
    }

    const rows = await loadRows(client, caller.teamId, fresh);
    for (const mutation of fresh) {
      const row = rows.get(key(mutation.entity, mutation.id))!;
      const change: Record<string, FieldWrite> = {};
      for (const [field, write] of Object.entries(mutation.fields)) change[field] = { ...write, by: caller.repId };
      row.state = applyChange(row.state, change);
    }
    // A mutation that changes nothing (its writes already lost to newer ones and are kept) writes no row.
    const changed = [...rows.values()].filter((row) => !row.original || !sameState(row.original, row.state));
    version = await writeRecords(
      client,
      caller.teamId,
      changed.map((row) => ({
        entity: row.entity,
        id: row.id,
        fields: row.state.fields,
        conflicts: row.state.conflicts,
      })),
      version,
      caller.repId,
    );
    const seq = fresh.at(-1)!.seq;
    await client.query(
      `INSERT INTO applied (team_id, device_id, seq) VALUES ($1, $2, $3)
       ON CONFLICT (team_id, device_id) DO UPDATE SET seq = EXCLUDED.seq, applied_at = now()`,
      [caller.teamId, caller.deviceId, seq],
    );
    return { lastSeq: seq, version };
  });
}

/**
 * A device whose clock runs far ahead would win every field it touches until the rest of the world caught up; its
 * stamps are refused (and the device told why) instead of letting it spread that clock to everyone who pulls.
 */
function checkClock(push: PushRequest, now: number): void {
  const limit = now + MAX_CLOCK_AHEAD_MS;
  for (const mutation of push.mutations) {
    for (const write of Object.values(mutation.fields)) {
      if (wallOf(write.hlc) > limit) {
        throw badRequest("this device's clock is ahead of the service's: set the computer's time", {
          serverTime: now,
          seq: mutation.seq,
        });
      }
    }
  }
}

/** PostgreSQL answers uuids in lower case; a device may send either. */
const key = (entity: string, id: string) => `${entity}/${id.toLowerCase()}`;

async function loadRows(
  client: PoolClient,
  teamId: string,
  mutations: PushRequest['mutations'],
): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  for (const { entity, id } of mutations) {
    rows.set(key(entity, id), { entity, id: id.toLowerCase(), state: { fields: {}, conflicts: [] }, original: null });
  }
  const targets = [...rows.values()];
  const { rows: stored } = await client.query<{
    entity: string;
    id: string;
    fields: RecordState['fields'];
    conflicts: RecordState['conflicts'];
  }>(
    `SELECT r.entity, r.id, r.fields, r.conflicts FROM records r
     JOIN unnest($2::text[], $3::uuid[]) AS t(entity, id) ON r.entity = t.entity AND r.id = t.id
     WHERE r.team_id = $1`,
    [teamId, targets.map((row) => row.entity), targets.map((row) => row.id)],
  );
  for (const row of stored) {
    const state = { fields: row.fields, conflicts: row.conflicts };
    rows.set(key(row.entity, row.id), { entity: row.entity, id: row.id, state, original: state });
  }
  return rows;
}
