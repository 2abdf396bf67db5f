import { randomUUID } from 'node:crypto';
import { normaliseEmail } from '../../lib/model';
import type { Role } from '../../lib/sync/protocol';
import { type Pool, type PoolClient, transaction } from '../db/pool';
import { newInviteCode, normaliseCode, sha256 } from './secrets';

export interface NewInvite {
  code: string;
  expiresAt: number;
  role: Role;
  name: string;
  email: string;
}

/** Stores an invite of `teamId` (hash of its code only) and answers the code, the one time it is seen. */
export async function insertInvite(
  client: PoolClient | Pool,
  teamId: string,
  invite: { role: Role; name: string; email: string; expiresInDays: number; createdBy: string | null },
): Promise<NewInvite> {
  const code = newInviteCode();
  const email = normaliseEmail(invite.email);
  const { rows } = await client.query<{ expires_at: Date }>(
    `INSERT INTO invites (team_id, id, code_hash, role, rep_name, rep_email, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8))
     RETURNING expires_at`,
    [
      teamId,
      randomUUID(),
      sha256(normaliseCode(code)),
      invite.role,
      invite.name,
      email,
      invite.createdBy,
      invite.expiresInDays,
    ],
  );
  return { code, expiresAt: rows[0]!.expires_at.getTime(), role: invite.role, name: invite.name, email };
}

/** A new team, empty, and the one-time invite code that makes its first device the manager's. */
export async function createTeam(
  pool: Pool,
  team: { name: string; managerName: string; managerEmail: string },
): Promise<{ teamId: string; invite: NewInvite }> {
  return transaction(pool, async (client) => {
    const teamId = randomUUID();
    await client.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [teamId, team.name]);
    const invite = await insertInvite(client, teamId, {
      role: 'manager',
      name: team.managerName,
      email: team.managerEmail,
      expiresInDays: 7,
      createdBy: null,
    });
    return { teamId, invite };
  });
}
