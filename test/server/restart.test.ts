import pg from 'pg';
import { type RecordState, sameState } from '@/lib/sync/merge';
import { migrate } from '@/server/db/migrate';
import { createPool } from '@/server/db/pool';
import { type Cluster, startCluster } from './cluster';
import { addMember, contactId, type Device, newTeam, type Service, startService } from './harness';
import { listen, openEvents, SyncClient, until } from './sync-client';

const DEVICES = 5;
const BATCHES = 12;
const PER_BATCH = 10;

let cluster: Cluster;
let service: Service;
let base: string;
let manager: Device;
let teamId: string;

/** A cluster of its own: restarting the one the other test files share would fail them. */
beforeAll(async () => {
  cluster = await startCluster();
  const pool = createPool(cluster.url(), () => {});
  await migrate(pool);
  await pool.end();
  service = await startService({ url: cluster.url() });
  base = await listen(service.app);
  ({ manager, teamId } = await newTeam(service));
}, 60_000);
afterAll(async () => {
  await service?.close();
  await cluster?.stop();
});

describe('PostgreSQL restarted during a sync', () => {
  it('leaves every mutation applied exactly once after the devices retry, and events flowing again', async () => {
    const devices = [manager];
    for (let i = 1; i < DEVICES; i++) devices.push(await addMember(service, manager, `Rep ${i}`));
    const clients = devices.map((device) => new SyncClient(base, device));
    const created = new Map<string, string>();
    const events = openEvents(base, manager.token);
    await until(() => events.versions.length > 0);

    let restarted = false;
    let batchesDone = 0;
    const deadline = Date.now() + 60_000;
    const pushers = clients.map(async (client, d) => {
      for (let b = 0; b < BATCHES; b++) {
        for (let n = 0; n < PER_BATCH; n++) {
          const id = contactId();
          created.set(id, `d${d}-b${b}-n${n}`);
          client.write('contacts', id, { name: created.get(id)! });
        }
        await client.pushAll(deadline);
        await client.pullAll(deadline);
        batchesDone++;
      }
    });
    // Restart once a third of the batches are in, while the rest are being pushed and pulled.
    const restart = (async () => {
      await until(() => batchesDone >= (DEVICES * BATCHES) / 3, 30_000);
      await cluster.restart();
      restarted = true;
    })();
    await Promise.all([...pushers, restart]);
    for (const client of clients) await client.pullAll(deadline);
    expect(restarted).toBe(true);
    expect(batchesDone).toBe(DEVICES * BATCHES);

    const db = new pg.Client({ connectionString: cluster.url() });
    await db.connect();
    const applied = await db.query<{ device_id: string; seq: string }>(
      'SELECT device_id, seq FROM applied WHERE team_id = $1',
      [teamId],
    );
    expect(Object.fromEntries(applied.rows.map((r) => [r.device_id, Number(r.seq)]))).toEqual(
      Object.fromEntries(clients.map((c) => [c.device.id, BATCHES * PER_BATCH])),
    );
    const { rows } = await db.query<{ id: string; version: string } & RecordState>(
      'SELECT id, version, fields, conflicts FROM records WHERE team_id = $1',
      [teamId],
    );
    const team = await db.query<{ version: string }>('SELECT version FROM teams WHERE id = $1', [teamId]);
    await db.end();
    // Every contact is written once: one row, one version each, and the team's version counts exactly them.
    expect(rows).toHaveLength(created.size);
    expect(Number(team.rows[0]!.version)).toBe(created.size);
    for (const row of rows) expect(row.fields.name?.value).toBe(created.get(row.id));
    for (const client of clients) {
      expect(client.outbox).toEqual([]);
      for (const { id, fields, conflicts } of rows) {
        expect(sameState(client.state.get(`contacts/${id}`)!, { fields, conflicts })).toBe(true);
      }
    }

    // The event listener reconnected after the restart: a push made now is still announced.
    const last = created.size;
    await until(() => events.versions.includes(last), 10_000);
    clients[1]!.write('contacts', contactId(), { name: 'After the restart' });
    await clients[1]!.pushAll(deadline);
    await until(() => events.versions.includes(last + 1), 15_000);
    await events.close();
  }, 90_000);
});
