import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Mutation } from '../../../lib/sync/protocol';
import type { Pool } from '../../../server/db/pool';
import { benchId, KIND } from '../page/data';
import { contactRecordAt } from '../page/seed';
import { round, type Summary, summarize } from '../page/stats';
import { BenchDevice, benchTeam, join } from './service';

/**
 * Push throughput: devices push batches of new contacts at the same time, each batch waiting for the one before it
 * as the worker does, over HTTP to the service on PostgreSQL. The baseline writes the same rows, as the service
 * stores them, with plain INSERT … ON CONFLICT batches from one connection: what the database does with no service,
 * no checks and no merge.
 */
export interface PushOptions {
  devices: number;
  batches: number;
  perBatch: number;
}

export interface PushRun {
  mutations: number;
  ms: number;
  mutationsPerSec: number;
  batchLatencyMs: Summary;
}

export interface PushResults {
  options: PushOptions;
  /** All devices in one team: their pushes take the team's version one after another. */
  oneTeam: PushRun;
  /** Each device in a team of its own: how far the same service goes when teams do not wait for each other. */
  separateTeams: PushRun;
  plainInsert: PushRun;
  ratio: { oneTeam: number; separateTeams: number };
}

function batchesOf(device: BenchDevice, first: number, options: PushOptions): Mutation[][] {
  const out: Mutation[][] = [];
  for (let b = 0; b < options.batches; b++) {
    const batch: Mutation[] = [];
    for (let m = 0; m < options.perBatch; m++) {
      const n = first + b * options.perBatch + m;
      const values = Object.entries(contactRecordAt(n)).filter(([name]) => name !== 'id');
      batch.push(device.change('contacts', benchId(KIND.contact, 1_000_000 + n), Object.fromEntries(values) as never));
    }
    out.push(batch);
  }
  return out;
}

async function run(devices: BenchDevice[], options: PushOptions): Promise<{ run: PushRun; sent: Mutation[][] }> {
  const perDevice = devices.map((device, i) => batchesOf(device, i * options.batches * options.perBatch, options));
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    devices.map(async (device, i) => {
      for (const batch of perDevice[i]!) {
        const t = performance.now();
        await device.push(batch);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const ms = performance.now() - started;
  const mutations = devices.length * options.batches * options.perBatch;
  return {
    run: {
      mutations,
      ms: round(ms, 0),
      mutationsPerSec: Math.round((mutations / ms) * 1000),
      batchLatencyMs: summarize(latencies),
    },
    sent: perDevice.flat(),
  };
}

async function plainInsert(url: string, batches: Mutation[][], repId: string): Promise<PushRun> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const teamId = randomUUID();
  await client.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [teamId, 'Plain insert']);
  const latencies: number[] = [];
  let version = 0;
  const started = performance.now();
  for (const batch of batches) {
    const t = performance.now();
    const rows = batch.map((m) => ({
      entity: m.entity,
      id: m.id,
      fields: Object.fromEntries(Object.entries(m.fields).map(([k, w]) => [k, { ...w, by: repId }])),
      version: ++version,
    }));
    await client.query(
      `INSERT INTO records (team_id, entity, id, fields, conflicts, version, updated_by, updated_at)
       SELECT $1, r.entity, r.id, r.fields, '[]', r.version, $3, now()
       FROM jsonb_to_recordset($2::jsonb) AS r(entity text, id uuid, fields jsonb, version bigint)
       ON CONFLICT (team_id, entity, id) DO UPDATE SET fields = EXCLUDED.fields, version = EXCLUDED.version`,
      [teamId, JSON.stringify(rows), repId],
    );
    latencies.push(performance.now() - t);
  }
  const ms = performance.now() - started;
  await client.end();
  const mutations = batches.reduce((n, b) => n + b.length, 0);
  return {
    mutations,
    ms: round(ms, 0),
    mutationsPerSec: Math.round((mutations / ms) * 1000),
    batchLatencyMs: summarize(latencies),
  };
}

export async function pushBench(pool: Pool, url: string, base: string, options: PushOptions): Promise<PushResults> {
  const { manager } = await benchTeam(pool, base, 'Push bench');
  const team = [manager];
  for (let i = 1; i < options.devices; i++)
    team.push(new BenchDevice(base, await join(base, await manager.invite(`Rep${i}`), `Rep${i} bench`)));
  const one = await run(team, options);
  const alone: BenchDevice[] = [];
  for (let i = 0; i < options.devices; i++) alone.push((await benchTeam(pool, base, `Push bench ${i}`)).manager);
  const separate = await run(alone, options);
  const plain = await plainInsert(url, one.sent, manager.joined.rep.id);
  return {
    options,
    oneTeam: one.run,
    separateTeams: separate.run,
    plainInsert: plain,
    ratio: {
      oneTeam: round(one.run.mutationsPerSec / plain.mutationsPerSec),
      separateTeams: round(separate.run.mutationsPerSec / plain.mutationsPerSec),
    },
  };
}
