/**
 * `npm run bench`: builds the extension with the bench page (SIDECAR_BENCH=1) and measures it in Debian's Chromium.
 * Prints one JSON object on stdout and a readable table on stderr. See the issue "Benchmarks" for what and why.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, launchBench } from './browser';
import { detectionBench } from './detection';
import { pageHeap, workerHeap } from './memory';
import { observerBench } from './observer';
import type { BenchApi, SeedChunk, StoreCounts } from './page/api';
import type { SeedKind } from './page/seed';
import { round } from './page/stats';
import type { StoreResults } from './page/store';
import { SHAPE } from './shape';
import { type BenchReport, printTable } from './table';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 250);
const WARMUP = 30;
// The import makes the contacts, one per CSV row.
const IMPORT_ROWS = SHAPE.contacts;
// BENCH_ONLY=store,detection runs only those parts (the import and the seed always run: they make the data);
// for working on one of them.
const PARTS = ['store', 'detection', 'observer'] as const;
const ONLY = new Set((process.env.BENCH_ONLY ?? PARTS.join(',')).split(',').map((part) => part.trim()));
const runs = (part: (typeof PARTS)[number]) => ONLY.has(part);
const SEED_CHUNK = 20_000;

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const bench = (page: Page) => ({
  open: () => page.evaluate(() => (window as unknown as { sidecarBench: BenchApi }).sidecarBench.open()),
  seed: (kind: SeedKind, start: number, count: number) =>
    page.evaluate(
      ([k, s, c, shape]) => (window as unknown as { sidecarBench: BenchApi }).sidecarBench.seed(k, s, c, shape),
      [kind, start, count, SHAPE] as const,
    ),
  import: () =>
    page.evaluate((rows) => (window as unknown as { sidecarBench: BenchApi }).sidecarBench.import(rows), IMPORT_ROWS),
  store: () =>
    page.evaluate((options) => (window as unknown as { sidecarBench: BenchApi }).sidecarBench.store(options), {
      contacts: SHAPE.contacts,
      samples: SAMPLES,
      warmup: WARMUP,
    }),
});

function contentScripts() {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      const gzip = gzipSync(bytes, { level: 9 }).length;
      return { file: `content-scripts/${file}`, rawBytes: bytes.length, gzipBytes: gzip, withinTarget: gzip <= 8192 };
    });
}

function machine() {
  const cpu = cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown; the user agent below still names the version.
  }
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    chromium,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** The rest of the seed, after the import has made the contacts and the companies they work at. */
async function seedAll(page: Page) {
  const api = bench(page);
  const seeded: Record<string, { rows: number; buildMs: number; writeMs: number; rowsPerSec: number }> = {};
  for (const kind of ['companies', 'deals', 'activities'] as const) {
    const total: SeedChunk = { rows: 0, buildMs: 0, writeMs: 0 };
    for (let start = 0; start < SHAPE[kind]; start += SEED_CHUNK) {
      const chunk = await api.seed(kind, start, Math.min(SEED_CHUNK, SHAPE[kind] - start));
      total.rows += chunk.rows;
      total.buildMs += chunk.buildMs;
      total.writeMs += chunk.writeMs;
      log(`seeded ${kind} through ${Math.min(start + SEED_CHUNK, SHAPE[kind])}/${SHAPE[kind]}`);
    }
    seeded[kind] = {
      rows: total.rows,
      buildMs: round(total.buildMs, 0),
      writeMs: round(total.writeMs, 0),
      rowsPerSec: Math.round((total.rows / (total.buildMs + total.writeMs)) * 1000),
    };
  }
  return seeded;
}

/** Companies may be more than the shape's at a smaller scale: people pick among all 20k (test/bench/page/data.ts). */
function checkCounts(counts: StoreCounts) {
  for (const kind of Object.keys(counts) as (keyof StoreCounts)[]) {
    const right = kind === 'companies' ? counts[kind] >= SHAPE[kind] : counts[kind] === SHAPE[kind];
    if (!right) throw new Error(`the store holds ${counts[kind]} ${kind}, against a shape of ${SHAPE[kind]}`);
  }
}

const TARGETS = {
  contentScriptGzip: '≤ 8192 B',
  detectionP95: '≤ 50 ms',
  observerTaskRatio: '≤ 1.02',
  lookupByEmailP95: '≤ 2× raw index.get, same run (raw ≈0.2 ms at 100k)',
  searchP95: '≤ 10 ms at 100k contacts (raw 20-row prefix read ≈0.6 ms)',
  fullScan: 'raw ≈1,040 ms at 100k',
  rawBulkPut: 'raw ≈22.5k rows/s',
  importRatio: '≥ 0.5 of raw bulk puts of the same records',
};

async function main() {
  const started = Date.now();
  const loadAverageAtStart = loadavg().map((x) => round(x, 2));
  const contentScriptSizes = contentScripts();
  log('content scripts measured');

  const b = await launchBench();
  let report: BenchReport;
  try {
    const page = await b.openPage('bench.html');
    page.on('console', (message) => {
      if (message.text().startsWith('[bench]')) log(message.text().slice(8));
    });
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const before = await bench(page).open();
    if (Object.values(before).some((rows) => rows > 0)) throw new Error('the bench profile is expected to start empty');
    log('import: it makes the contacts');
    const imported = await bench(page).import();
    const afterImport = { benchPage: await pageHeap(b.context, page), worker: await workerHeap(b.context, page, b.id) };
    const seeded = await seedAll(page);
    const counts = await bench(page).open();
    checkCounts(counts);
    const afterSeed = { benchPage: await pageHeap(b.context, page), worker: await workerHeap(b.context, page, b.id) };
    log('store benchmarks');
    const store: StoreResults | null = runs('store') ? await bench(page).store() : null;
    log('detection latency');
    const detection = runs('detection') ? await detectionBench(b, Number(process.env.BENCH_SWAPS ?? 40), 4) : null;
    log('observer cost');
    const observer = runs('observer')
      ? await observerBench(b, Number(process.env.BENCH_OBSERVER_ROUNDS ?? 6), 5)
      : null;
    report = {
      date: new Date(started).toISOString(),
      machine: machine(),
      loadAverageAtStart,
      loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
      durationSeconds: round((Date.now() - started) / 1000, 1),
      userAgent,
      targets: TARGETS,
      contentScripts: contentScriptSizes,
      store: { shape: SHAPE, counts, seeded, ...(store ?? {}) },
      detection,
      observer,
      import: imported,
      memory: {
        afterImport,
        afterSeed,
        note: 'JS heap after a forced GC (CDP Runtime.getHeapUsage); the import and the seed run in the bench page.',
      },
    };
  } finally {
    await b.close();
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  printTable(report);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
