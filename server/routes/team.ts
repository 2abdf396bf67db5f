import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceIdSchema, inviteRequestSchema, joinRequestSchema, type TeamResponse } from '../../lib/sync/protocol';
import { listDevices, revokeDevice } from '../accounts/devices';
import { join } from '../accounts/join';
import { insertInvite } from '../accounts/teams';
import { authenticate, requireManager } from '../auth';
import type { Pool } from '../db/pool';
import type { EventHub } from '../events/hub';
import { parse } from './parse';

const revokeParams = z.strictObject({ id: deviceIdSchema });

export function teamRoutes(app: FastifyInstance, pool: Pool, hub: EventHub): void {
  app.post('/v1/join', async (request) => join(pool, parse(joinRequestSchema, request.body)));

  app.get('/v1/team', async (request): Promise<TeamResponse> => {
    const caller = await authenticate(pool, request);
    const [team, reps] = await Promise.all([
      pool.query<{ id: string; name: string; version: number }>('SELECT id, name, version FROM teams WHERE id = $1', [
        caller.teamId,
      ]),
      pool.query<TeamResponse['reps'][number]>(
        'SELECT id, name, email, role FROM reps WHERE team_id = $1 ORDER BY name, id',
        [caller.teamId],
      ),
    ]);
    return {
      team: team.rows[0]!,
      reps: reps.rows,
      me: { repId: caller.repId, deviceId: caller.deviceId, role: caller.role },
    };
  });

  app.post('/v1/invites', async (request) => {
    const caller = await authenticate(pool, request);
    requireManager(caller);
    const invite = parse(inviteRequestSchema, request.body);
    return insertInvite(pool, caller.teamId, { ...invite, createdBy: caller.repId });
  });

  app.get('/v1/devices', async (request) => {
    const caller = await authenticate(pool, request);
    requireManager(caller);
    return { devices: await listDevices(pool, caller) };
  });

  app.post('/v1/devices/:id/revoke', async (request) => {
    const caller = await authenticate(pool, request);
    const { id } = parse(revokeParams, request.params);
    const device = await revokeDevice(pool, caller, id);
    hub.committed({ team: caller.teamId, revoked: device.id });
    return { device };
  });
}
