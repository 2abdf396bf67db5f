import type { z } from 'zod';
import type { deviceSchema } from '../../lib/sync/protocol';
import type { Caller } from '../auth';
import { type Pool, transaction } from '../db/pool';
import { forbidden, notFound } from '../errors';
import { announce } from '../events/channel';

type Device = z.infer<typeof deviceSchema>;

const DEVICE_COLUMNS = `d.id, d.name, d.rep_id, r.name AS rep_name, d.created_at, d.last_seen_at, d.revoked_at`;

interface DeviceRow {
  id: string;
  name: string;
  rep_id: string;
  rep_name: string;
  created_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
}

const toDevice = (row: DeviceRow, caller: Caller): Device => ({
  id: row.id,
  name: row.name,
  rep: { id: row.rep_id, name: row.rep_name },
  createdAt: row.created_at.getTime(),
  lastSeenAt: row.last_seen_at?.getTime() ?? null,
  revokedAt: row.revoked_at?.getTime() ?? null,
  current: row.id === caller.deviceId,
});

export async function listDevices(pool: Pool, caller: Caller): Promise<Device[]> {
  const { rows } = await pool.query<DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM devices d JOIN reps r ON r.team_id = d.team_id AND r.id = d.rep_id
     WHERE d.team_id = $1 ORDER BY d.created_at, d.id`,
    [caller.teamId],
  );
  return rows.map((row) => toDevice(row, caller));
}

/**
 * A manager removes any device of the team; anyone removes their own (leaving the team). The device's token stops
 * working at once, and its open event streams are closed through the NOTIFY that goes with it.
 */
export async function revokeDevice(pool: Pool, caller: Caller, deviceId: string): Promise<Device> {
  if (caller.role !== 'manager' && deviceId !== caller.deviceId) {
    throw forbidden('only a manager may remove another device');
  }
  const row = await transaction(pool, async (client) => {
    const { rows } = await client.query<DeviceRow>(
      `WITH revoked AS (
         UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE team_id = $1 AND id = $2 RETURNING *
       )
       SELECT ${DEVICE_COLUMNS} FROM revoked d JOIN reps r ON r.team_id = d.team_id AND r.id = d.rep_id`,
      [caller.teamId, deviceId],
    );
    if (rows[0]) await announce(client, { team: caller.teamId, revoked: deviceId });
    return rows[0];
  });
  if (!row) throw notFound('no device of this team has this id');
  return toDevice(row, caller);
}
