import { compare } from '@/lib/sync/hlc';
import { type RecordState, sameState } from '@/lib/sync/merge';
import { addMember, contactId, type Device, newTeam, type Service, startService } from './harness';
import { listen, SyncClient } from './sync-client';

const DEVICES = 20;
const BATCHES = 8;
const NEW_PER_BATCH = 18;
const SHARED = 5;

let first: Service;
let second: Service;
let bases: string[];
let manager: Device;
let teamId: string;

beforeAll(async () => {
  first = await startService();
  second = await startService({ url: first.url });
  bases = [await listen(first.app), await listen(second.app)];
  ({ manager, teamId } = await newTeam(first));
});
afterAll(async () => {
  await second.close();
  await first.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serverState(): Promise<Map<string, RecordState>> {
  const { rows } = await first.pool.query<{ entity: string; id: string } & RecordState>(
    'SELECT entity, id, fields, conflicts FROM records WHERE team_id = $1',
    [teamId],
  );
  return new Map(rows.map((row) => [`${row.entity}/${row.id}`, { fields: row.fields, conflicts: row.conflicts }]));
}

/**
 * 20 devices on two instances, each pushing batches that create contacts of its own and rename a few companies
 * everyone renames, and now and then sending a batch again as if its answer had been lost, while every device
 * pulls in a loop of its own. Nothing is lost, nothing comes twice, and every device ends where the service is.
 */
describe('20 devices pushing and pulling at once', () => {
  it('loses no mutation, applies none twice, and converges every device', async () => {
    const devices = [manager];
    for (let i = 1; i < DEVICES; i++) devices.push(await addMember(first, manager, `Rep ${i}`));
    const clients = devices.map((device, i) => new SyncClient(bases[i % 2]!, device));
    const companies = Array.from({ length: SHARED }, contactId);
    const created = new Map<string, string>();
    const sharedWrites: { id: string; hlc: string; value: string }[] = [];

    const deadline = Date.now() + 60_000;
    let pushing = DEVICES;
    const started = Date.now();
    const pushers = clients.map(async (client, d) => {
      for (let b = 0; b < BATCHES; b++) {
        for (let n = 0; n < NEW_PER_BATCH; n++) {
          const id = contactId();
          const name = `d${d}-b${b}-n${n}`;
          client.write('contacts', id, { name, lifecycle: 'lead' });
          created.set(id, name);
        }
        const company = companies[(d + b) % SHARED]!;
        const value = `Company by ${d} at ${b}`;
        const mutation = client.write('companies', company, { name: value });
        sharedWrites.push({ id: company, hlc: mutation.fields.name!.hlc, value });
        const batch = client.outbox.slice();
        await client.pushAll(deadline);
        // The answer "lost": the device sends the same batch again; it must be acknowledged, not applied.
        if ((d + b) % 3 === 0) {
          const replay = await fetch(`${client.base}/v1/push`, {
            method: 'POST',
            headers: { authorization: `Bearer ${client.device.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(client.device.push(batch)),
          });
          expect(await replay.json()).toMatchObject({ lastSeq: client.acked });
        }
      }
      pushing--;
    });
    const pullers = clients.map(async (client) => {
      while (pushing > 0) {
        await client.pullAll(deadline);
        await sleep(20);
      }
      await client.pullAll(deadline);
    });
    await Promise.all([...pushers, ...pullers]);
    const elapsed = Date.now() - started;

    const mutations = DEVICES * BATCHES * (NEW_PER_BATCH + 1);
    const team = await first.pool.query<{ version: number }>('SELECT version FROM teams WHERE id = $1', [teamId]);
    // One row write for each contact created; renames of the shared companies write one each too, except a rename
    // that arrives older than the winner and the kept losers of its field (the merge keeps a bounded few).
    expect(team.rows[0]!.version).toBeGreaterThanOrEqual(created.size + SHARED);
    expect(team.rows[0]!.version).toBeLessThanOrEqual(mutations);
    const applied = await first.pool.query<{ device_id: string; seq: number }>(
      'SELECT device_id, seq FROM applied WHERE team_id = $1',
      [teamId],
    );
    expect(Object.fromEntries(applied.rows.map((r) => [r.device_id, r.seq]))).toEqual(
      Object.fromEntries(clients.map((c) => [c.device.id, BATCHES * (NEW_PER_BATCH + 1)])),
    );

    const server = await serverState();
    expect(server.size).toBe(created.size + SHARED);
    for (const [id, name] of created) expect(server.get(`contacts/${id}`)?.fields.name?.value).toBe(name);
    for (const company of companies) {
      const writes = sharedWrites.filter((w) => w.id === company).sort((a, b) => compare(b.hlc, a.hlc));
      expect(server.get(`companies/${company}`)?.fields.name).toMatchObject({
        value: writes[0]!.value,
        hlc: writes[0]!.hlc,
      });
    }

    for (const client of clients) {
      expect(client.outbox).toEqual([]);
      expect(client.state.size).toBe(server.size);
      for (const [key, state] of server) expect(sameState(client.state.get(key)!, state)).toBe(true);
      // Contacts are written once: each must have reached each device exactly once, in version order.
      const seen = client.pulled.filter((p) => p.key.startsWith('contacts/'));
      expect(seen).toHaveLength(created.size);
      expect(new Set(seen.map((p) => p.key)).size).toBe(created.size);
      const versions = client.pulled.map((p) => p.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(versions.length);
    }
    console.info(`${mutations} mutations from ${DEVICES} devices, pulled by all, in ${elapsed} ms`);
  }, 90_000);
});
