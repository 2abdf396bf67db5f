import { randomUUID } from 'node:crypto';
import type { JoinRequest, JoinResponse, Role } from '../../lib/sync/protocol';
import { type Pool, type PoolClient, transaction } from '../db/pool';
import { ApiError } from '../errors';
import { newDeviceId, newToken, normaliseCode, sha256 } from './secrets';

interface InviteRow {
  team_id: string;
  team_name: string;
  role: Role;
  rep_name: string;
  rep_email: string;
}

/**
 * Exchanges an invite code for a device token. The code is taken by one UPDATE … WHERE used_at IS NULL, so of two
 * devices racing with the same code exactly one gets it. The rep is found by email: a second device of the same
 * person is the same rep, with the role of the newest invite.
 */
export async function join(pool: Pool, request: JoinRequest): Promise<JoinResponse> {
  const codeHash = sha256(normaliseCode(request.code));
  return transaction(pool, async (client) => {
    const taken = await client.query<InviteRow & { id: string }>(
      `UPDATE invites i SET used_at = now()
       FROM teams t
       WHERE i.code_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND t.id = i.team_id
       RETURNING i.team_id, i.id, t.name AS team_name, i.role, i.rep_name, i.rep_email`,
      [codeHash],
    );
    const invite = taken.rows[0];
    if (!invite) throw await refusal(client, codeHash);

    const rep = await client.query<{ id: string; name: string; email: string; role: Role }>(
      `INSERT INTO reps (team_id, id, name, email, role) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id, email) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role
       RETURNING id, name, email, role`,
      [invite.team_id, randomUUID(), invite.rep_name, invite.rep_email, invite.role],
    );
    const token = newToken();
    const deviceId = newDeviceId();
    await client.query(
      `INSERT INTO devices (team_id, id, rep_id, name, token_hash, last_seen_at) VALUES ($1, $2, $3, $4, $5, now())`,
      [invite.team_id, deviceId, rep.rows[0]!.id, request.deviceName, sha256(token)],
    );
    await client.query('UPDATE invites SET used_by_device = $3 WHERE team_id = $1 AND id = $2', [
      invite.team_id,
      invite.id,
      deviceId,
    ]);
    return { token, deviceId, team: { id: invite.team_id, name: invite.team_name }, rep: rep.rows[0]! };
  });
}

/** Why a code was not taken: a person typing it wants to know whether to ask for a new one or retype it. */
async function refusal(client: PoolClient, codeHash: Buffer): Promise<ApiError> {
  const { rows } = await client.query<{ used: boolean; expired: boolean }>(
    'SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired FROM invites WHERE code_hash = $1',
    [codeHash],
  );
  const row = rows[0];
  if (!row) return new ApiError(403, 'invite_invalid', 'no invite has this code: check it, or ask for a new one');
  if (row.used) return new ApiError(403, 'invite_used', 'this invite code has been used: ask for a new one');
  return new ApiError(403, 'invite_expired', 'this invite code has expired: ask for a new one');
}
