import type { Conflict, FieldWrite } from '../../lib/sync/merge';
import type { PoolClient } from '../db/pool';
import { announce } from '../events/channel';

export interface RecordWrite {
  entity: string;
  id: string;
  fields: Record<string, FieldWrite>;
  conflicts?: Conflict[];
}

/**
 * Writes records at the next team versions, moves the team's version and announces it, inside the caller's
 * transaction, which must hold the team's row lock (see applyPush: that is what keeps the change feed gap-free).
 * Answers the team's new version. `updatedBy` is the rep whose write it is; null for the service's own.
 */
export async function writeRecords(
  client: PoolClient,
  teamId: string,
  records: readonly RecordWrite[],
  version: number,
  updatedBy: string | null,
): Promise<number> {
  if (records.length === 0) return version;
  const written = records.map((row) => ({
    entity: row.entity,
    id: row.id,
    fields: row.fields,
    conflicts: row.conflicts ?? [],
    version: ++version,
  }));
  await client.query(
    `INSERT INTO records (team_id, entity, id, fields, conflicts, version, updated_by, updated_at)
     SELECT $1, r.entity, r.id, r.fields, r.conflicts, r.version, $3, now()
     FROM jsonb_to_recordset($2::jsonb) AS r(entity text, id uuid, fields jsonb, conflicts jsonb, version bigint)
     ON CONFLICT (team_id, entity, id) DO UPDATE SET fields = EXCLUDED.fields, conflicts = EXCLUDED.conflicts,
       version = EXCLUDED.version, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [teamId, JSON.stringify(written), updatedBy],
  );
  await client.query('UPDATE teams SET version = $2 WHERE id = $1', [teamId, version]);
  await announce(client, { team: teamId, version });
  return version;
}
