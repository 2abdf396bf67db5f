import { unwrap } from 'idb';
import { openCrmDb } from '../../../lib/db/open';
import type { CrmDb } from '../../../lib/db/schema';
import { type JoinResponse, SYNC_ENTITIES, type SyncEntity } from '../../../lib/sync/protocol';
import type { Fetch } from '../../../lib/team/client';
import { saveMembership } from '../../../lib/team/store';
import { syncRound } from '../../../lib/team/sync';
import { deleteDatabase, rawBulkPut } from './raw';
import { ratio, round } from './stats';

/**
 * The first sync of a new browser, measured in the bench page: the extension's own round (lib/team/sync.ts: queue
 * this browser's few defaults, push them, pull the team's CRM page by page and apply each page in one transaction)
 * over the browser's fetch to the real service, into a fresh database. The baseline, in the same page and run: the
 * rows the sync wrote, read back and put raw into a second fresh database with the same stores and indexes.
 */
export interface InitialSyncOptions {
  serverUrl: string;
  joined: JoinResponse;
}

export interface InitialSyncResult {
  rows: Record<string, number>;
  totalRows: number;
  pulled: number;
  sync: { ms: number; rowsPerSec: number; networkMs: number; pages: number };
  rawBulkPut: { ms: number; rowsPerSec: number };
  ratio: number;
  /** Raw puts of the same rows and of the field clocks the sync keeps beside them, in records per second. */
  rawBulkPutWithClocks: { ms: number; rowsPerSec: number };
  ratioWithClocks: number;
  error: string | null;
}

const SYNC_DB = 'sidecar-bench-sync';
const RAW_DB = 'sidecar-bench-raw';

export interface TeamBenchApi {
  initialSync(options: InitialSyncOptions): Promise<InitialSyncResult>;
}

async function counts(db: CrmDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const store of SYNC_ENTITIES) out[store] = await db.count(store);
  return out;
}

/** Raw puts of every row of `from`'s `stores` into `to`, 10,000 to a transaction; only the puts are timed. */
async function rawCopy(from: CrmDb, to: CrmDb, stores: readonly (SyncEntity | 'fieldClocks')[]): Promise<number> {
  let ms = 0;
  for (const store of stores) {
    const rows = await from.getAll(store);
    const t = performance.now();
    await rawBulkPut(unwrap(to), store, rows);
    ms += performance.now() - t;
  }
  return ms;
}

export function createTeamBenchApi(): TeamBenchApi {
  return {
    async initialSync({ serverUrl, joined }) {
      await deleteDatabase(SYNC_DB);
      await deleteDatabase(RAW_DB);
      const db = await openCrmDb(SYNC_DB);
      await saveMembership(db, joined, serverUrl, 'Bench browser', Date.now());
      let networkMs = 0;
      let pages = 0;
      // The answer's body is read here, so `networkMs` is the service's work and the transfer, not the page's.
      const fetch: Fetch = async (input, init) => {
        const t = performance.now();
        const response = await globalThis.fetch(input, init);
        const body = await response.arrayBuffer();
        networkMs += performance.now() - t;
        if (input.includes('/v1/pull')) pages++;
        return new Response(body, { status: response.status, headers: response.headers });
      };
      const t = performance.now();
      const round1 = await syncRound({ db, fetch, now: Date.now });
      const syncMs = performance.now() - t;
      const rows = await counts(db);
      const totalRows = Object.values(rows).reduce((sum, n) => sum + n, 0);
      const raw = await openCrmDb(RAW_DB);
      // The fresh database's own defaults go first, so the raw side writes as many rows as the sync left.
      for (const store of SYNC_ENTITIES) await raw.clear(store);
      const rawMs = await rawCopy(db, raw, SYNC_ENTITIES);
      // The sync also keeps each record's field clocks, a second row per record: the floor it cannot go under.
      const clocksMs = await rawCopy(db, raw, ['fieldClocks']);
      db.close();
      raw.close();
      await deleteDatabase(SYNC_DB);
      await deleteDatabase(RAW_DB);
      const syncRate = (totalRows / syncMs) * 1000;
      const rawRate = (totalRows / rawMs) * 1000;
      const withClocks = (totalRows / (rawMs + clocksMs)) * 1000;
      return {
        rows,
        totalRows,
        pulled: round1.pulled,
        sync: { ms: round(syncMs, 0), rowsPerSec: Math.round(syncRate), networkMs: round(networkMs, 0), pages },
        rawBulkPut: { ms: round(rawMs, 0), rowsPerSec: Math.round(rawRate) },
        ratio: ratio(syncRate, rawRate),
        rawBulkPutWithClocks: { ms: round(rawMs + clocksMs, 0), rowsPerSec: Math.round(withClocks) },
        ratioWithClocks: ratio(syncRate, withClocks),
        error: round1.error ? `${round1.error.code}: ${round1.error.message}` : null,
      };
    },
  };
}
