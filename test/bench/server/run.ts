/**
 * `npm run bench:server`: the team service's benchmarks, on a real PostgreSQL started for the run (as the server
 * tests start theirs) and the bench build of the extension in Debian's Chromium. One JSON object on stdout, a short
 * table on stderr. What and why: the issue "Team CRM", its Benchmarks.
 *   (a) the first sync of a big team CRM into a fresh browser, against raw IndexedDB bulk puts of the same rows;
 *   (b) pushes of 20 devices at once, against plain INSERT … ON CONFLICT batches of the same rows;
 *   (c) a teammate's edit until another browser's open page is told, p50 and p95.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { Page } from 'playwright-core';
import { buildApp } from '../../../server/app';
import { migrate } from '../../../server/db/migrate';
import { createPool } from '../../../server/db/pool';
import { EventHub } from '../../../server/events/hub';
import { startCluster } from '../../server/cluster';
import { launchBench } from '../browser';
import { round } from '../page/stats';
import type { InitialSyncOptions, InitialSyncResult, TeamBenchApi } from '../page/team';
import { SHAPE } from '../shape';
import { liveBench } from './live';
import { pushBench } from './push';
import { seedTeam } from './records';
import { benchTeam, join } from './service';

const PUSH = { devices: 20, batches: Number(process.env.BENCH_PUSH_BATCHES ?? 20), perBatch: 100 };
const LIVE_SAMPLES = Number(process.env.BENCH_LIVE_SAMPLES ?? 40);

const log = (message: string) =>
  process.stderr.write(`[bench:server ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const initialSync = (page: Page, options: InitialSyncOptions): Promise<InitialSyncResult> =>
  page.evaluate(
    (o) => (window as unknown as { sidecarTeamBench: TeamBenchApi }).sidecarTeamBench.initialSync(o),
    options,
  );

async function main() {
  const started = Date.now();
  const loadAverageAtStart = loadavg().map((x) => round(x, 2));
  // The browser first: the service answers CORS for the extension's origin, which the browser decides.
  const browser = await launchBench();
  const cluster = await startCluster();
  const pool = createPool(cluster.url(), () => undefined, 30);
  const hub = new EventHub(pool, { warn: () => undefined, info: () => undefined }, cluster.url());
  const app = await buildApp({ pool, hub, allowedOrigins: [`chrome-extension://${browser.id}`], closeGraceMs: 200 });
  try {
    await migrate(pool);
    await hub.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    log(`seeding the team's CRM: ${JSON.stringify(SHAPE)}`);
    const big = await benchTeam(pool, base, 'Mekong Home');
    const t = performance.now();
    const version = await seedTeam(pool, big.teamId, big.manager.joined.rep.id, SHAPE);
    const seedSeconds = round((performance.now() - t) / 1000, 1);
    await pool.query('VACUUM ANALYZE records');
    log(`seeded ${version} records in ${seedSeconds} s; initial sync into a fresh profile`);
    const page = await browser.openPage('bench.html');
    const joined = await join(base, await big.manager.invite('Chanthy'), 'Chanthy new laptop');
    const sync = await initialSync(page, { serverUrl: base, joined });
    log(`initial sync: ${sync.sync.rowsPerSec} rows/s against raw ${sync.rawBulkPut.rowsPerSec} (${sync.ratio}×)`);
    await page.close();

    log(`push: ${PUSH.devices} devices × ${PUSH.batches} batches × ${PUSH.perBatch}`);
    const push = await pushBench(pool, cluster.url(), base, PUSH);
    log(`push: one team ${push.oneTeam.mutationsPerSec}/s, plain insert ${push.plainInsert.mutationsPerSec}/s`);

    log(`live: ${LIVE_SAMPLES} edits to an open page`);
    const live = await liveBench(browser, pool, base, LIVE_SAMPLES);
    log(`live: p50 ${live.editToPageMs.p50} ms, p95 ${live.editToPageMs.p95} ms`);

    const report = {
      date: new Date(started).toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: round(totalmem() / 1024 ** 3, 1) },
      loadAverageAtStart,
      loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
      durationSeconds: round((Date.now() - started) / 1000, 1),
      targets: { initialSyncRatio: '≥ 0.5 of raw bulk puts of the same rows, same run' },
      initialSync: { shape: SHAPE, seededRecords: version, seedSeconds, ...sync },
      push,
      live,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(
      [
        `initial sync   ${sync.totalRows} rows in ${round(sync.sync.ms / 1000, 1)} s: ${sync.sync.rowsPerSec} rows/s; raw ${sync.rawBulkPut.rowsPerSec} rows/s; ratio ${sync.ratio} (goal ≥ 0.5); with clocks ${sync.rawBulkPutWithClocks.rowsPerSec}/s, ratio ${sync.ratioWithClocks}`,
        `push, 1 team   ${push.oneTeam.mutationsPerSec} mutations/s, p95 ${push.oneTeam.batchLatencyMs.p95} ms per ${PUSH.perBatch}; ratio ${push.ratio.oneTeam}`,
        `push, 20 teams ${push.separateTeams.mutationsPerSec} mutations/s, p95 ${push.separateTeams.batchLatencyMs.p95} ms; ratio ${push.ratio.separateTeams}`,
        `plain insert   ${push.plainInsert.mutationsPerSec} rows/s, p95 ${push.plainInsert.batchLatencyMs.p95} ms per batch`,
        `edit → page    p50 ${live.editToPageMs.p50} ms, p95 ${live.editToPageMs.p95} ms (n=${live.samples})`,
        '',
      ].join('\n'),
    );
  } finally {
    await browser.close().catch(() => undefined);
    await app.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
