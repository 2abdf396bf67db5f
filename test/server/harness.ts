import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { type Clock, format, newClock, tick } from '@/lib/sync/hlc';
import type { Json } from '@/lib/sync/json';
import type { JoinResponse, Mutation, PushResponse, SyncEntity } from '@/lib/sync/protocol';
import { createTeam } from '@/server/accounts/teams';
import { buildApp } from '@/server/app';
import { createPool, type Pool } from '@/server/db/pool';
import { EventHub } from '@/server/events/hub';

export const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

const quiet = { warn: () => {}, info: () => {} };

/** A database of its own for one test file, copied from the migrated template the global setup made. */
export async function freshDatabase(adminUrl = inject('pgUrl')): Promise<string> {
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE sidecar_template`);
        break;
      } catch (error) {
        // Two files copying the template at the same moment: PostgreSQL refuses the second for a while.
        if (attempt > 20 || !/being accessed/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await admin.end();
  }
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}

export interface Service {
  app: FastifyInstance;
  pool: Pool;
  hub: EventHub;
  url: string;
  close(): Promise<void>;
}

export async function startService(
  options: { url?: string; heartbeatMs?: number } & Pick<
    Parameters<typeof buildApp>[0],
    'logger' | 'now' | 'formLimits'
  > = {},
): Promise<Service> {
  const url = options.url ?? (await freshDatabase());
  const pool = createPool(url, () => {});
  const hub = new EventHub(pool, quiet, url);
  const app = await buildApp({
    pool,
    hub,
    allowedOrigins: [ORIGIN],
    heartbeatMs: options.heartbeatMs,
    logger: options.logger,
    now: options.now,
    formLimits: options.formLimits,
    closeGraceMs: 500,
  });
  await hub.start();
  return {
    app,
    pool,
    hub,
    url,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

export interface ErrorBody {
  error?: { code: string; message: string; details?: { lastSeq?: number; issues?: unknown[] } };
}

/** An answer of the service: its body typed as the caller expects it, or as the error it may be. */
export interface Answer<T> {
  status: number;
  body: T & ErrorBody;
}

export async function call<T = ErrorBody>(
  app: FastifyInstance,
  method: 'GET' | 'POST',
  url: string,
  token?: string,
  payload?: unknown,
): Promise<Answer<T>> {
  const request: InjectOptions = { method, url, headers: token ? { authorization: `Bearer ${token}` } : {} };
  if (payload !== undefined) request.payload = payload as InjectOptions['payload'];
  const response = await app.inject(request);
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
}

/** A joined device as the extension will be: a clock, the next mutation number, and its rep. */
export class Device {
  clock: Clock;
  seq = 0;
  constructor(readonly joined: JoinResponse) {
    this.clock = newClock(joined.deviceId);
  }
  get token(): string {
    return this.joined.token;
  }
  get id(): string {
    return this.joined.deviceId;
  }
  /** One mutation setting `values`, stamped now, numbered next. `base` is what the device saw (null: nothing). */
  change(entity: SyncEntity, id: string, values: Record<string, Json>, base: string | null = null): Mutation {
    this.clock = tick(this.clock, Date.now());
    const hlc = format(this.clock);
    const fields = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, { value, hlc, base }]));
    return { seq: ++this.seq, entity, id, fields };
  }
  push(mutations: Mutation[]) {
    return { deviceId: this.id, mutations };
  }
}

export async function joinWith(app: FastifyInstance, code: string, deviceName = 'Laptop'): Promise<Device> {
  const answer = await call<JoinResponse>(app, 'POST', '/v1/join', undefined, { code, deviceName });
  if (answer.status !== 200) throw new Error(`join failed: ${JSON.stringify(answer.body)}`);
  return new Device(answer.body);
}

/** A team with its manager's device joined. */
export async function newTeam(service: Service, name = 'Lucky Retail'): Promise<{ teamId: string; manager: Device }> {
  const { teamId, invite } = await createTeam(service.pool, {
    name,
    managerName: 'Dara',
    managerEmail: `dara@${name.toLowerCase().replace(/\W/g, '')}.kh`,
  });
  return { teamId, manager: await joinWith(service.app, invite.code, 'Dara laptop') };
}

/** A rep (or manager) of the manager's team, joined through an invite the manager made. */
export async function addMember(
  service: Service,
  manager: Device,
  name: string,
  role: 'manager' | 'rep' = 'rep',
): Promise<Device> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}@example.kh`;
  const invite = await call<{ code: string }>(service.app, 'POST', '/v1/invites', manager.token, { role, name, email });
  if (invite.status !== 200) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  return joinWith(service.app, invite.body.code, `${name} laptop`);
}

export const contactId = () => randomUUID();

/** A test file's service with one team and its manager joined, made before its tests and closed after them. */
export function withTeam() {
  const context = {
    service: undefined as unknown as Service,
    manager: undefined as unknown as Device,
    /** A push of `mutations` by `device`, as its worker would send it. */
    push: (device: Device, ...mutations: Mutation[]) =>
      call<PushResponse>(context.service.app, 'POST', '/v1/push', device.token, device.push(mutations)),
  };
  beforeAll(async () => {
    context.service = await startService();
    context.manager = (await newTeam(context.service)).manager;
  });
  afterAll(() => context.service.close());
  return context;
}
