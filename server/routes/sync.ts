import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, pushRequestSchema } from '../../lib/sync/protocol';
import { authenticate } from '../auth';
import type { Pool } from '../db/pool';
import type { EventHub } from '../events/hub';
import { pull } from '../sync/pull';
import { applyPush } from '../sync/push';
import { parse } from './parse';

export function syncRoutes(app: FastifyInstance, pool: Pool, hub: EventHub, now: () => number): void {
  app.post('/v1/push', async (request) => {
    const caller = await authenticate(pool, request);
    const push = parse(pushRequestSchema, request.body);
    const answer = await applyPush(pool, caller, push, now());
    hub.committed({ team: caller.teamId, version: answer.version });
    return answer;
  });

  app.get('/v1/pull', async (request) => {
    const caller = await authenticate(pool, request);
    return pull(pool, caller, parse(pullQuerySchema, request.query));
  });
}
