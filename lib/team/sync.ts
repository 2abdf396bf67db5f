import { commit } from '../db/errors';
import { TEAM_KEY } from '../db/record-write';
import type { CrmDb, TeamSync } from '../db/schema';
import {
  MAX_BODY_BYTES,
  MAX_MUTATIONS_PER_PUSH,
  MAX_PULL_LIMIT,
  type Mutation,
  type PullResponse,
  type SyncEntity,
} from '../sync/protocol';
import { adoptTeamDefaults } from './adopt';
import { applyPage } from './apply';
import { type Fetch, type TeamClient, TeamError, teamClient } from './client';
import { seedOutbox } from './seed';
import { readTeam, updateTeam } from './store';

/**
 * One sync round of a joined browser: queue what was written before joining (once), push the outbox in batches,
 * then pull the team's changes since the cursor, page by page. Each step commits as it goes, so a round cut short
 * (the worker stopped, the network gone) loses nothing and the next one carries on.
 */
export interface SyncDeps {
  db: CrmDb;
  fetch: Fetch;
  now(): number;
  /** After each pulled page is stored: open pages show how far a first sync has come. */
  onPage?(): void;
}

export interface RoundResult {
  joined: boolean;
  pushed: number;
  pulled: number;
  /** Stores the team's changes were written to. */
  changed: string[];
  /** The team's version this browser has pulled up to. */
  cursor: number;
  error: TeamError | null;
}

export const PULL_PAGE = MAX_PULL_LIMIT;
/** Room left under the service's body limit for the envelope and for JSON's escaping of what we measured. */
const BODY_BUDGET = Math.floor(MAX_BODY_BYTES * 0.8);
/** Bounds one round, so a service that keeps refusing cannot keep the worker busy. */
const MAX_STEPS = 10_000;

export async function syncRound({ db, fetch, now, onPage }: SyncDeps): Promise<RoundResult> {
  const team = await readTeam(db);
  const result: RoundResult = { joined: team !== null, pushed: 0, pulled: 0, changed: [], cursor: 0, error: null };
  if (!team) return result;
  const api = teamClient(fetch, team.serverUrl, team.token);
  result.cursor = team.cursor;
  // What was stored before a step failed is told too: open pages show it.
  const changed = new Set<string>();
  const writers = new Set<string>();
  try {
    const pull = async () => {
      const pulled = await pullChanges(db, api, team.deviceId, now, onPage);
      result.pulled += pulled.records;
      result.cursor = pulled.cursor ?? result.cursor;
      for (const entity of pulled.changed) changed.add(entity);
      for (const id of pulled.writers) writers.add(id);
    };
    if (!team.seeded) {
      // The team's records first, so that this browser's untouched defaults give way to the team's before anything
      // of this browser is queued (lib/team/adopt.ts).
      await pull();
      const adopted = await adoptTeamDefaults(db);
      if (adopted.pipelines.size > 0) for (const store of ['pipelines', 'deals', 'settings']) changed.add(store);
      if (adopted.sources.size > 0) for (const store of ['sources', 'contacts']) changed.add(store);
      await seedOutbox(db);
      await updateTeam(db, team.deviceId, () => ({ seeded: true }));
    }
    result.pushed = await pushOutbox(db, api, team.deviceId);
    await pull();
    if ([...writers].some((id) => !team.reps.some((rep) => rep.id === id))) await refreshTeam(db, api, team);
    await updateTeam(db, team.deviceId, () => ({ lastSyncAt: now(), lastError: null }));
  } catch (error) {
    const failure = error instanceof TeamError ? error : new TeamError('internal', String(error));
    result.error = failure;
    await updateTeam(db, team.deviceId, () => ({
      lastError: { code: failure.code, message: failure.message, at: now() },
    })).catch(() => null);
  }
  result.changed = [...changed];
  return result;
}

/** The team's name, its reps and this rep's role, as the service has them now. */
export async function refreshTeam(db: CrmDb, api: TeamClient, team: TeamSync): Promise<TeamSync | null> {
  const answer = await api.team();
  const me = answer.reps.find((rep) => rep.id === answer.me.repId);
  return updateTeam(db, team.deviceId, (current) => ({
    team: { id: answer.team.id, name: answer.team.name },
    reps: answer.reps,
    rep: me ?? current.rep,
  }));
}

/** Pushes the outbox, oldest first, a batch at a time; what the service acknowledges leaves the outbox. */
export async function pushOutbox(db: CrmDb, api: TeamClient, deviceId: string): Promise<number> {
  let pushed = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const batch = await nextBatch(db);
    if (batch.length === 0) return pushed;
    try {
      const { lastSeq } = await api.push({ deviceId, mutations: batch });
      pushed += await dropThrough(db, lastSeq);
    } catch (error) {
      const lastSeq = (error as TeamError).details as { lastSeq?: unknown } | undefined;
      if (!(error instanceof TeamError) || error.code !== 'seq_gap' || typeof lastSeq?.lastSeq !== 'number')
        throw error;
      await realign(db, lastSeq.lastSeq);
    }
  }
  return pushed;
}

/** The oldest queued mutations, as many as one push may carry. */
async function nextBatch(db: CrmDb): Promise<Mutation[]> {
  const queued = await db.getAll('outbox', undefined, MAX_MUTATIONS_PER_PUSH);
  const batch: Mutation[] = [];
  let bytes = 0;
  for (const mutation of queued) {
    bytes += JSON.stringify(mutation).length * 3;
    if (batch.length > 0 && bytes > BODY_BUDGET) break;
    batch.push(mutation);
  }
  return batch;
}

async function dropThrough(db: CrmDb, lastSeq: number): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  return commit(tx, async () => {
    const range = IDBKeyRange.upperBound(lastSeq);
    const count = await tx.store.count(range);
    await tx.store.delete(range);
    return count;
  });
}

/**
 * The service's highest applied number for this device is `lastSeq` and ours did not follow it (a batch whose answer
 * was lost, or a service restored from an older backup): what it has leaves the outbox, and the rest is numbered
 * on from it so the next push is the one it expects.
 */
async function realign(db: CrmDb, lastSeq: number): Promise<void> {
  const tx = db.transaction(['outbox', 'sync'], 'readwrite');
  await commit(tx, async () => {
    const outbox = tx.objectStore('outbox');
    await outbox.delete(IDBKeyRange.upperBound(lastSeq));
    const rest = await outbox.getAll();
    if (rest[0]?.seq !== lastSeq + 1) {
      await outbox.clear();
      for (const [i, mutation] of rest.entries()) await outbox.add({ ...mutation, seq: lastSeq + 1 + i });
    }
    const team = await tx.objectStore('sync').get(TEAM_KEY);
    if (team) await tx.objectStore('sync').put({ ...team, nextSeq: lastSeq + 1 + rest.length }, TEAM_KEY);
  });
}

interface Pulled {
  records: number;
  changed: Set<SyncEntity>;
  cursor: number | null;
  /** Reps who wrote what was pulled. */
  writers: string[];
}

/** Pulls every page since the cursor, applying each with the cursor move in one transaction. */
export async function pullChanges(
  db: CrmDb,
  api: TeamClient,
  deviceId: string,
  now: () => number,
  onPage: () => void = () => undefined,
): Promise<Pulled> {
  const pulled: Pulled = { records: 0, changed: new Set(), cursor: null, writers: [] };
  const writers = new Set<string>();
  let restarted = false;
  // The next page is asked for while this one is applied: the service and the browser's database work side by side.
  let ahead: Promise<PullResponse> | null = null;
  for (let step = 0; step < MAX_STEPS; step++) {
    const team = await readTeam(db);
    if (!team || team.deviceId !== deviceId) break;
    let page: PullResponse;
    try {
      page = await (ahead ?? api.pull(team.cursor, PULL_PAGE));
    } catch (error) {
      ahead = null;
      // The service was restored from a backup older than our cursor: read it all again (merging is idempotent).
      if (error instanceof TeamError && error.code === 'cursor_ahead' && !restarted) {
        restarted = true;
        await updateTeam(db, deviceId, () => ({ cursor: 0 }));
        continue;
      }
      throw error;
    }
    ahead = page.more ? api.pull(page.cursor, PULL_PAGE) : null;
    ahead?.catch(() => undefined);
    const applied = await applyPage(db, deviceId, page.records, page, now());
    if (!applied) break;
    if (page.more) onPage();
    pulled.records += page.records.length;
    pulled.cursor = page.cursor;
    for (const entity of applied.changed) pulled.changed.add(entity);
    for (const record of page.records) {
      if (record.updatedBy) writers.add(record.updatedBy.id);
      for (const conflict of record.conflicts) if (conflict.by) writers.add(conflict.by);
    }
    if (!page.more) break;
  }
  pulled.writers = [...writers];
  return pulled;
}
