import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate, readMigrations } from '@/server/db/migrate';
import { createPool, type Pool } from '@/server/db/pool';

const pools: Pool[] = [];
let dir: string;

/** An empty database (no template with the schema in it): what a new installation starts from. */
async function emptyDatabase(): Promise<string> {
  const name = `m_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: inject('pgUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return inject('pgUrl').replace(/\/[^/]*$/, `/${name}`);
}

async function pool(url: string): Promise<Pool> {
  const made = createPool(url, () => {});
  pools.push(made);
  return made;
}

const tables = async (p: Pool) =>
  (
    await p.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
  ).rows.map((r) => r.t);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidecar-migrations-'));
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await rm(dir, { recursive: true, force: true });
});

describe('the migration runner', () => {
  it('applies the service migrations once: a second run applies nothing', async () => {
    const db = await pool(await emptyDatabase());
    const names = (await readMigrations()).map((m) => m.name);
    expect(names[0]).toBe('001-team-sync.sql');
    expect(await migrate(db)).toEqual(names);
    expect(await migrate(db)).toEqual([]);
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['applied', 'devices', 'invites', 'records', 'reps', 'schema_migrations', 'teams']),
    );
  });

  it('lets instances that start together apply each migration exactly once', async () => {
    const url = await emptyDatabase();
    const runs = await Promise.all(Array.from({ length: 4 }, async () => migrate(await pool(url))));
    expect(runs.flat().sort()).toEqual((await readMigrations()).map((m) => m.name));
  });

  it('rolls a failing migration back whole, and refuses one changed after it was applied', async () => {
    const db = await pool(await emptyDatabase());
    await writeFile(join(dir, '001-first.sql'), 'CREATE TABLE first (id int);');
    await writeFile(join(dir, '002-second.sql'), 'CREATE TABLE second (id int); SELECT 1 / 0;');
    await writeFile(join(dir, 'notes.txt'), 'not a migration');
    await expect(migrate(db, dir)).rejects.toThrow(/002-second.sql failed: division by zero/);
    expect(await tables(db)).toEqual(['first', 'schema_migrations']);

    await writeFile(join(dir, '002-second.sql'), 'CREATE TABLE second (id int);');
    expect(await migrate(db, dir)).toEqual(['002-second.sql']);
    expect(await tables(db)).toEqual(['first', 'schema_migrations', 'second']);

    await writeFile(join(dir, '001-first.sql'), 'CREATE TABLE first (id bigint);');
    await expect(migrate(db, dir)).rejects.toThrow(/001-first.sql changed after it was applied/);
  });
});
