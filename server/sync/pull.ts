import type { Conflict, FieldWrite } from '../../lib/sync/merge';
import type { PullQuery, PullResponse, SyncEntity } from '../../lib/sync/protocol';
import type { Caller } from '../auth';
import { type Pool, transaction } from '../db/pool';
import { ApiError } from '../errors';

interface RecordRow {
  entity: SyncEntity;
  id: string;
  fields: Record<string, FieldWrite>;
  conflicts: Conflict[];
  version: number;
  updated_by: string | null;
  rep_name: string | null;
}

/**
 * The team's records written after `cursor`, in version order, one page. Each row has its own version, so a page
 * boundary never falls inside one version and the cursor stays a plain number. The team's version and the rows are
 * read in one snapshot: when no more rows follow, the cursor moves to the team's version (versions whose rows were
 * written again since would otherwise keep an up-to-date device "behind" forever).
 */
export async function pull(pool: Pool, caller: Caller, query: PullQuery): Promise<PullResponse> {
  return transaction(
    pool,
    async (client) => {
      const team = await client.query<{ version: number }>('SELECT version FROM teams WHERE id = $1', [caller.teamId]);
      const teamVersion = team.rows[0]!.version;
      if (query.cursor > teamVersion) {
        // Only a service restored from an older backup can be behind a device: the device must pull from 0 (and
        // push its records again), or it would skip every row written after the restore up to its cursor.
        throw new ApiError(409, 'cursor_ahead', 'this device has seen more than the service holds: sync again from 0', {
          teamVersion,
        });
      }
      const { rows } = await client.query<RecordRow>(
        `SELECT r.entity, r.id, r.fields, r.conflicts, r.version, r.updated_by, p.name AS rep_name
         FROM records r LEFT JOIN reps p ON p.team_id = r.team_id AND p.id = r.updated_by
         WHERE r.team_id = $1 AND r.version > $2
         ORDER BY r.version
         LIMIT $3`,
        [caller.teamId, query.cursor, query.limit + 1],
      );
      const more = rows.length > query.limit;
      const page = more ? rows.slice(0, query.limit) : rows;
      return {
        records: page.map((row) => ({
          entity: row.entity,
          id: row.id,
          version: row.version,
          fields: row.fields,
          conflicts: row.conflicts,
          updatedBy: row.updated_by ? { id: row.updated_by, name: row.rep_name ?? '' } : null,
        })),
        cursor: more ? page.at(-1)!.version : teamVersion,
        more,
        teamVersion,
      };
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}
