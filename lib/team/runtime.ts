import type { CrmDb } from '../db/schema';
import type { TeamLink } from '../rpc/services';
import { SYNC_ENTITIES } from '../sync/protocol';
import { type Fetch, TeamError, teamClient } from './client';
import { WATCH_EVERY_MS } from './contract';
import { readEvents } from './events';
import { readTeam } from './store';
import { syncRound } from './sync';

/** The part of browser.alarms the team sync uses. */
export interface TeamAlarms {
  create(name: string, info: { periodInMinutes: number }): unknown;
  clear(name: string): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export interface TeamRuntimeDeps {
  database(): Promise<CrmDb>;
  fetch: Fetch;
  alarms: TeamAlarms;
  now(): number;
  /** The team's changes were written to these stores: open pages read them again, reminders are re-armed. */
  remoteChanged(stores: string[]): void;
}

export const TEAM_ALARM = 'sidecar-team-sync';
/** A local write is pushed this long after it, several quick writes in one push. */
export const PUSH_DELAY_MS = 1000;
const PROGRESS_EVERY_MS = 1000;
/** Without a word from an open page for this long, the live stream closes and the worker may sleep. */
const WATCH_LAPSE_MS = 3 * WATCH_EVERY_MS;
const SYNCED = new Set<string>(SYNC_ENTITIES);

/**
 * When the worker syncs: a second after a local write, on every wake of the worker, on a one-minute alarm, when a
 * page that shows the CRM opens or comes to the front, and as soon as the service announces a version past the
 * cursor on its event stream, which stays open while such a page is. A lone rep has no alarm, no timer and no
 * stream, and makes no request: each trigger first finds no membership and stops.
 */
export class TeamRuntime implements TeamLink {
  private joined = false;
  private cursor = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private pushTimer: ReturnType<typeof setTimeout> | null = null;
  private stream: AbortController | null = null;
  private watchedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: TeamRuntimeDeps) {}

  fetch: Fetch = (input, init) => this.deps.fetch(input, init);

  listen(): void {
    this.deps.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === TEAM_ALARM) void this.syncNow();
    });
  }

  /** After a committed local write: a round shortly, one for several writes. */
  written(stores: readonly string[]): void {
    if (!this.joined || !stores.some((store) => SYNCED.has(store))) return;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      void this.syncNow();
    }, PUSH_DELAY_MS);
  }

  /** A page showing the CRM is open (or came to the front): sync now, and keep the stream open while it is. */
  async watch(): Promise<boolean> {
    this.watchedAt = this.deps.now();
    await this.syncNow();
    return this.joined;
  }

  /** One round now; a call during a round makes one more round after it, so no trigger is lost. */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        // A round that could not even start (the store would not open) is tried again by the next trigger.
        await this.round().catch(() => undefined);
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<void> {
    const db = await this.deps.database();
    const wasJoined = this.joined;
    let toldAt = Number.NEGATIVE_INFINITY;
    // A first sync of a big CRM takes minutes: open pages hear of its progress, once a second at most.
    const onPage = () => {
      if (this.deps.now() - toldAt < PROGRESS_EVERY_MS) return;
      toldAt = this.deps.now();
      this.deps.remoteChanged(['team']);
    };
    const result = await syncRound({ db, fetch: this.deps.fetch, now: this.deps.now, onPage });
    this.joined = result.joined;
    this.cursor = result.cursor;
    if (!result.joined) {
      if (wasJoined) this.deps.alarms.clear(TEAM_ALARM);
      this.stopStream();
      return;
    }
    if (!wasJoined) this.deps.alarms.create(TEAM_ALARM, { periodInMinutes: 1 });
    // 'team': the state of the sync itself (last sync, changes waiting), for Settings → Team.
    this.deps.remoteChanged(['team', ...result.changed]);
    if (result.error?.code === 'unauthorized') this.stopStream();
    else if (this.watched()) this.startStream();
  }

  private watched(): boolean {
    return this.deps.now() - this.watchedAt < WATCH_LAPSE_MS;
  }

  private startStream(): void {
    if (this.stream) return;
    const controller = new AbortController();
    this.stream = controller;
    void this.listenStream(controller).finally(() => {
      if (this.stream === controller) this.stream = null;
    });
  }

  private stopStream(): void {
    this.stream?.abort();
    this.stream = null;
  }

  private async listenStream(controller: AbortController): Promise<void> {
    const { signal } = controller;
    let delay = 1000;
    while (!signal.aborted && this.watched()) {
      const team = await readTeam(await this.deps.database());
      if (!team) return;
      try {
        const response = await teamClient(this.deps.fetch, team.serverUrl, team.token).events(signal);
        delay = 1000;
        await readEvents(
          response,
          signal,
          (version) => {
            if (version > this.cursor) void this.syncNow();
          },
          () => {
            if (!this.watched()) controller.abort();
          },
        );
      } catch (error) {
        if (signal.aborted || (error instanceof TeamError && error.code === 'unauthorized')) return;
      }
      // The stream ended (the service restarted, the network dropped): reconnect, later each time it fails.
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }
}
