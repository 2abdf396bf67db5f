import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PullResponse } from '@/lib/sync/protocol';
import { createTeam } from '@/server/accounts/teams';
import { buildApp } from '@/server/app';
import { type Embedded, startEmbedded } from '@/server/db/embedded';
import { migrate } from '@/server/db/migrate';
import { createPool, type Pool } from '@/server/db/pool';
import { EventHub } from '@/server/events/hub';
import { addMember, contactId, joinWith, type Service } from './harness';
import { listen, openEvents, request, until } from './sync-client';

let dir: string;
let embedded: Embedded;
let pool: Pool;
let service: Service;

/**
 * The demo's database: PGlite in process, served to the same `pg` code over a Unix socket, one connection, events
 * told in process. The concurrency proofs run on real PostgreSQL; this shows the same service works on it.
 */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidecar-embedded-'));
  embedded = await startEmbedded(join(dir, 'data'));
  pool = createPool(embedded.url, () => {}, 1);
  await migrate(pool);
  const hub = new EventHub(pool, { warn: () => {}, info: () => {} }, null);
  const app = await buildApp({ pool, hub, allowedOrigins: [], closeGraceMs: 500 });
  await hub.start();
  service = { app, pool, hub, url: embedded.url, close: async () => {} };
}, 180_000);
afterAll(async () => {
  await service?.app.close();
  await pool?.end();
  await embedded?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the embedded database', () => {
  it('runs a team: join, push, pull and events', async () => {
    const { invite } = await createTeam(pool, { name: 'Demo Shop', managerName: 'Dara', managerEmail: 'dara@demo.kh' });
    const manager = await joinWith(service.app, invite.code);
    const rep = await addMember(service, manager, 'Sokha');
    const base = await listen(service.app);
    const events = openEvents(base, rep.token);
    await until(() => events.versions.length > 0, 10_000);

    const id = contactId();
    const push = manager.push([manager.change('contacts', id, { name: 'Chan Dara', lifecycle: 'customer' })]);
    expect((await request(base, 'POST', '/v1/push', manager.token, push)).body).toEqual({ lastSeq: 1, version: 1 });
    expect((await request(base, 'POST', '/v1/push', manager.token, push)).body).toEqual({ lastSeq: 1, version: 1 });
    await until(() => events.versions.includes(1), 10_000);
    const pulled = await request<PullResponse>(base, 'GET', '/v1/pull?cursor=0', rep.token);
    expect(pulled.body.records.map((r) => [r.id, r.fields.name?.value, r.updatedBy?.name])).toEqual([
      [id, 'Chan Dara', 'Dara'],
    ]);
    await events.close();
  });

  it('refuses a second process on the same data while the first runs', async () => {
    await expect(startEmbedded(join(dir, 'data'))).rejects.toThrow(/in use by process/);
  });
});
