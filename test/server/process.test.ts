import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { inject } from 'vitest';
import type { JoinResponse, PushResponse } from '@/lib/sync/protocol';
import { freePort } from './cluster';
import { contactId, Device } from './harness';
import { request, until } from './sync-client';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const server = (args: string[]) => [...['--import', 'tsx', 'server/main.ts'], ...args];

let url: string;
let db: pg.Pool;
let port: number;
let base: string;
let child: ChildProcess | null = null;

/** The service as a business runs it: its own process, started by `npm run server`'s command. */
async function start(): Promise<void> {
  const env = { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  child = spawn(process.execPath, server([]), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const healthy = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    if (Date.now() > deadline) throw new Error('the service did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function kill(): Promise<void> {
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child!.kill('SIGKILL');
  await exited;
  child = null;
}

async function applied(deviceId: string): Promise<number | null> {
  const { rows } = await db.query<{ seq: string }>('SELECT seq FROM applied WHERE device_id = $1', [deviceId]);
  return rows[0] ? Number(rows[0].seq) : null;
}

const records = async () => Number((await db.query('SELECT count(*) AS n FROM records')).rows[0].n);
const version = async () => Number((await db.query('SELECT max(version) AS v FROM teams')).rows[0].v);

beforeAll(async () => {
  // An empty database: the command that creates the team brings the schema up itself.
  const name = `p_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: inject('pgUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url = inject('pgUrl').replace(/\/[^/]*$/, `/${name}`);
  db = new pg.Pool({ connectionString: url });
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  if (child) await kill();
  await db.end();
});

describe('the service as a process', () => {
  let device: Device;

  it('creates a team with one command, whose invite code a device exchanges for a token', async () => {
    const args = [
      'create-team',
      '--name',
      'Lucky Retail',
      '--manager-name',
      'Dara',
      '--manager-email',
      'dara@lucky.kh',
    ];
    const { stdout } = await run(process.execPath, server(args), {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
    });
    const code = /manager: ([0-9A-Z-]{14})/.exec(stdout)?.[1];
    expect(code).toBeDefined();
    await start();
    const joined = await fetch(`${base}/v1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Dara laptop' }),
    });
    expect(joined.status).toBe(200);
    device = new Device((await joined.json()) as JoinResponse);
    expect(device.joined.rep).toMatchObject({ name: 'Dara', role: 'manager' });
  });

  it('applies a push exactly once when killed before it commits and the device sends it again', async () => {
    const batch = device.push([device.change('contacts', contactId(), { name: 'Before the kill' })]);
    // Hold the team's lock so the push waits inside its transaction, then kill the service there.
    const holder = await db.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT version FROM teams FOR UPDATE');
    const sent = request(base, 'POST', '/v1/push', device.token, batch).catch(() => null);
    await until(async () => {
      const waiting = await db.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return waiting.rows.length > 0;
    });
    await kill();
    expect(await sent).toBeNull();
    await holder.query('COMMIT');
    holder.release();
    // The killed service's transaction dies with its connection: nothing of the push was written.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await applied(device.id)).toBeNull();
    expect(await records()).toBe(0);

    await start();
    const retried = await request<PushResponse>(base, 'POST', '/v1/push', device.token, batch);
    expect(retried).toMatchObject({ status: 200, body: { lastSeq: 1 } });
    expect(await applied(device.id)).toBe(1);
    expect(await records()).toBe(1);
  });

  it('applies a push exactly once when killed after it commits, its answer never read', async () => {
    const batch = device.push([
      device.change('contacts', contactId(), { name: 'After the commit' }),
      device.change('contacts', contactId(), { name: 'Also after' }),
    ]);
    void request(base, 'POST', '/v1/push', device.token, batch).catch(() => null);
    await until(async () => (await applied(device.id)) === 3, 5000, 2);
    await kill();
    const committed = { records: await records(), version: await version() };
    expect(committed.records).toBe(3);

    await start();
    const retried = await request<PushResponse>(base, 'POST', '/v1/push', device.token, batch);
    expect(retried).toMatchObject({ status: 200, body: { lastSeq: 3, version: committed.version } });
    expect({ records: await records(), version: await version() }).toEqual(committed);
    const next = device.push([device.change('contacts', contactId(), { name: 'Next' })]);
    expect((await request<PushResponse>(base, 'POST', '/v1/push', device.token, next)).body.lastSeq).toBe(4);
  });
});
