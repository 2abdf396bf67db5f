import type { DetectionResult } from './detection';
import type { Heap } from './memory';
import type { ObserverResult } from './observer';
import type { ImportResults } from './page/import';
import type { SeedShape } from './page/seed';
import type { StoreResults } from './page/store';

export interface BenchReport {
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; chromium: string; node: string; platform: string };
  /** Other work on the machine skews every timing: the 1/5/15-minute load averages before and after. */
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
  durationSeconds: number;
  userAgent: string;
  targets: Record<string, string>;
  contentScripts: { file: string; rawBytes: number; gzipBytes: number; withinTarget: boolean }[];
  /** The store's measures are missing, as are detection and observer, when BENCH_ONLY left them out. */
  store: Partial<StoreResults> & {
    shape: SeedShape;
    counts: Record<string, number>;
    seeded: Record<string, { rows: number; buildMs: number; writeMs: number; rowsPerSec: number }>;
  };
  detection: DetectionResult | null;
  observer: ObserverResult | null;
  import: ImportResults;
  memory: {
    afterImport: { benchPage: Heap; worker: Heap | null };
    afterSeed: { benchPage: Heap; worker: Heap | null };
    note: string;
  };
}

const pad = (text: string, width: number) => text.padEnd(width);

export function printTable(r: BenchReport): void {
  const lines: [string, string, string][] = [];
  const add = (what: string, value: string, target = '') => lines.push([what, value, target]);
  for (const cs of r.contentScripts) {
    add(`${cs.file} size`, `${cs.rawBytes} B raw, ${cs.gzipBytes} B gzip`, '≤ 8192 B gzip');
  }
  const d = r.detection;
  if (d) {
    add('detection total p50/p95', `${d.totalMs.p50} / ${d.totalMs.p95} ms`, '≤ 50 ms p95');
    add('  page swap itself p50/p95', `${d.pageSwapMs.p50} / ${d.pageSwapMs.p95} ms`);
    add('  ours (read, port, sidebar render) p50/p95', `${d.afterSwapMs.p50} / ${d.afterSwapMs.p95} ms`);
    add('  (swapped→worker hears, page idle) p50/p95', `${d.toWorkerMs.p50} / ${d.toWorkerMs.p95} ms`);
  }
  const o = r.observer;
  if (o) {
    add(
      'observer cost: task time with/without',
      `${o.taskRatio} (median round ${o.medianRoundTaskRatio}; script ${o.scriptRatio})`,
      '≤ 1.02',
    );
    add(
      '  control: no extension, with/without',
      `${o.control.taskRatio} (median round ${o.control.medianRoundTaskRatio}): the run's noise`,
    );
  }
  const s = r.store;
  const l = s.lookupByEmail;
  if (l) {
    add('lookup by email p50/p95', `${l.ours.p50} / ${l.ours.p95} ms`, '');
    add('  raw index.get p50/p95; ratio p95', `${l.raw.p50} / ${l.raw.p95} ms; ${l.p95Ratio}×`, '≤ 2× raw');
  }
  for (const [kind, res] of Object.entries(s.search ?? {})) {
    const slowest = Object.entries(res.p95ByQuery).sort((a, b) => b[1] - a[1])[0];
    add(
      `search ${kind} p50/p95`,
      `${res.ours.p50} / ${res.ours.p95} ms (raw 20-row ${res.raw.p95}, hits ${res.meanHits}; slowest ${slowest?.[0]} ${slowest?.[1]})`,
      '≤ 10 ms p95',
    );
  }
  if (s.contactCard) add('contact card p50/p95', `${s.contactCard.p50} / ${s.contactCard.p95} ms`);
  if (s.fullScan) {
    add('full cursor scan (contacts)', `${s.fullScan.ms.join(' / ')} ms for ${s.fullScan.rows} rows`, 'raw ≈1,040 ms');
  }
  if (s.rawBulkPut) add('raw bulk put', `${s.rawBulkPut.rowsPerSec} rows/s`, 'raw ≈22.5k rows/s');
  for (const [kind, seeded] of Object.entries(s.seeded)) add(`seed ${kind}`, `${seeded.rowsPerSec} rows/s`);
  const i = r.import;
  add(`import ${i.rows} rows`, `${i.rowsPerSec} rows/s vs raw ${i.raw.rowsPerSec}; ratio ${i.ratio}`, '≥ 0.5');
  const m = r.memory;
  add(
    'heap after import (page / worker)',
    `${m.afterImport.benchPage.usedMB} / ${m.afterImport.worker?.usedMB ?? '?'} MB`,
  );
  add('heap after seed (page / worker)', `${m.afterSeed.benchPage.usedMB} / ${m.afterSeed.worker?.usedMB ?? '?'} MB`);
  const w1 = Math.max(...lines.map((x) => x[0].length));
  const w2 = Math.max(...lines.map((x) => x[1].length));
  process.stderr.write(
    `\n${r.date}  ${r.machine.cpu} × ${r.machine.cores}, ${r.machine.chromium}, load ${r.loadAverageAtStart.join(' ')}\n`,
  );
  for (const [a, b, c] of lines) process.stderr.write(`${pad(a, w1)}  ${pad(b, w2)}  ${c}\n`);
}
