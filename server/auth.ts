import type { FastifyRequest } from 'fastify';
import type { Role } from '../lib/sync/protocol';
import { sha256, TOKEN_PATTERN } from './accounts/secrets';
import type { Pool } from './db/pool';
import { forbidden, unauthorized } from './errors';

/** Who is calling: the device a token belongs to, its rep and its team. Every query a request makes uses teamId. */
export interface Caller {
  teamId: string;
  deviceId: string;
  repId: string;
  repName: string;
  role: Role;
}

/** last_seen_at is written at most this often, so reads do not each cost a row write. */
const SEEN_EVERY_MS = 60_000;

export async function authenticate(pool: Pool, request: FastifyRequest): Promise<Caller> {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  const token = match?.[1];
  if (!token || !TOKEN_PATTERN.test(token)) throw unauthorized();
  const { rows } = await pool.query<Caller & { revoked: boolean; seenAgo: number | null }>(
    `SELECT d.team_id AS "teamId", d.id AS "deviceId", d.rep_id AS "repId", r.name AS "repName", r.role,
            d.revoked_at IS NOT NULL AS revoked,
            (extract(epoch FROM now() - d.last_seen_at) * 1000)::float8 AS "seenAgo"
     FROM devices d JOIN reps r ON r.team_id = d.team_id AND r.id = d.rep_id
     WHERE d.token_hash = $1`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row) throw unauthorized();
  if (row.revoked) throw unauthorized('this device has been removed from the team');
  if (row.seenAgo === null || row.seenAgo > SEEN_EVERY_MS) {
    await pool.query('UPDATE devices SET last_seen_at = now() WHERE team_id = $1 AND id = $2', [
      row.teamId,
      row.deviceId,
    ]);
  }
  return { teamId: row.teamId, deviceId: row.deviceId, repId: row.repId, repName: row.repName, role: row.role };
}

export function requireManager(caller: Caller): void {
  if (caller.role !== 'manager') throw forbidden('only a manager of the team may do this');
}
