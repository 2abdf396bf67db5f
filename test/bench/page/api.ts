import { listPipelines } from '../../../lib/db/config';
import { openCrmDb } from '../../../lib/db/open';
import type { CrmDb } from '../../../lib/db/schema';
import { type ImportResults, runImportBench } from './import';
import { buildRows, checkSamples, putRows, type SeedIds, type SeedKind, type SeedShape } from './seed';
import { round } from './stats';
import { runStoreBench, type StoreBenchOptions, type StoreResults } from './store';

export type StoreCounts = Record<'companies' | 'contacts' | 'deals' | 'activities', number>;

/** What the bench page offers the driver (test/bench/run.ts) through page.evaluate, in the order it calls them. */
export interface BenchApi {
  /** Opens the extension's real database (sidecar-crm) and tells how many rows each store has. */
  open(): Promise<StoreCounts>;
  /** The measured import of the bench CSV into the empty database: it makes the bench's contacts. */
  import(rows: number): Promise<ImportResults>;
  /** The rest of the seed, around the imported contacts. */
  seed(kind: SeedKind, start: number, count: number, shape: SeedShape): Promise<SeedChunk>;
  store(options: StoreBenchOptions): Promise<StoreResults>;
}

export interface SeedChunk {
  rows: number;
  buildMs: number;
  writeMs: number;
}

export function createBenchApi(): BenchApi {
  let db: CrmDb | null = null;
  let ids: SeedIds | null = null;
  const opened = () => {
    if (!db) throw new Error('call open() first');
    return db;
  };
  const imported = () => {
    if (!ids) throw new Error('call import() first: the seed and the store bench need its contacts');
    return ids;
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
    async import(rows) {
      const run = await runImportBench(opened(), rows);
      ids = run.ids;
      return run.results;
    },
    async seed(kind, start, count, shape) {
      const store = opened();
      const pipeline = (await listPipelines(store))[0];
      if (!pipeline) throw new Error('the database has no pipeline');
      let t = performance.now();
      const rows = buildRows(kind, start, count, shape, pipeline, imported());
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
    store: (options) => runStoreBench(opened(), options, imported().contact),
  };
}
