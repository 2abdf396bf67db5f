import { listPipelines } from '../db/config';
import { openCrmDb } from '../db/open';
import { type CrmDb, DB_NAME } from '../db/schema';
import { type ImportResults, runImportBench } from './import';
import { deleteDatabase } from './raw';
import { buildRows, checkSamples, putRows, type SeedKind, type SeedShape } from './seed';
import { round } from './stats';
import { runStoreBench, type StoreBenchOptions, type StoreResults } from './store';

/** What the bench page offers the driver (test/bench/run.ts) through page.evaluate. */
export interface BenchApi {
  /** Opens the extension's real database (sidecar-crm) and tells how many rows each seeded store has. */
  open(): Promise<Record<SeedKind, number>>;
  seed(kind: SeedKind, start: number, count: number, shape: SeedShape): Promise<SeedChunk>;
  store(options: StoreBenchOptions): Promise<StoreResults>;
  /** Deletes the seeded database first: the import measured is a rep's first, into an empty CRM. */
  import(rows: number): Promise<ImportResults>;
}

export interface SeedChunk {
  rows: number;
  buildMs: number;
  writeMs: number;
}

export function createBenchApi(): BenchApi {
  let db: CrmDb | null = null;
  const opened = () => {
    if (!db) throw new Error('call open() first');
    return db;
  };
  return {
    async open() {
      db ??= await openCrmDb();
      const [companies, contacts, deals, activities] = await Promise.all([
        db.count('companies'),
        db.count('contacts'),
        db.count('deals'),
        db.count('activities'),
      ]);
      return { companies, contacts, deals, activities };
    },
    async seed(kind, start, count, shape) {
      const store = opened();
      const pipeline = (await listPipelines(store))[0];
      if (!pipeline) throw new Error('the database has no pipeline');
      let t = performance.now();
      const rows = buildRows(kind, start, count, shape, pipeline);
      const buildMs = performance.now() - t;
      if (start === 0) checkSamples(kind, rows);
      t = performance.now();
      // All the chunk's transactions at once: the browser runs them in order, with no pause between one commit
      // and the page sending the next one's rows.
      const writes: Promise<void>[] = [];
      for (let i = 0; i < rows.length; i += 5000) writes.push(putRows(store, kind, rows.slice(i, i + 5000)));
      await Promise.all(writes);
      return { rows: rows.length, buildMs: round(buildMs, 1), writeMs: round(performance.now() - t, 1) };
    },
    store: (options) => runStoreBench(opened(), options),
    async import(rows) {
      // The worker's connection steps aside when asked (lib/db/open.ts) and reopens on its next request.
      opened().close();
      db = null;
      await deleteDatabase(DB_NAME);
      db = await openCrmDb();
      return runImportBench(db, rows);
    },
  };
}
