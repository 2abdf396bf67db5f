import type { WebmailSnapshot } from '../model';

/** What is kept of a tab: its latest snapshot, and since when its open thread has been on screen. */
export interface CachedTab {
  snapshot: WebmailSnapshot;
  /** When the tab first showed the snapshot's thread, by the worker's clock; null when no thread is open. */
  threadSince: number | null;
  /** Whether the rep has let the open thread be logged (see lib/worker/thread-log.ts). */
  released: boolean;
}

/** The thread a tab shows, as far as logging needs to know. */
export interface ShownThread {
  threadId: string;
  since: number;
  released: boolean;
}

/**
 * The latest snapshot per tab. The worker may be stopped at any time, so the cache is mirrored into session
 * storage (cleared when the browser closes) through the `persist` callbacks.
 */
export class SnapshotCache {
  private readonly byTab = new Map<number, CachedTab>();

  constructor(
    private readonly persist: {
      load(): Promise<Record<string, unknown>>;
      save(all: Record<string, CachedTab>): Promise<void>;
    },
  ) {}

  private loaded: Promise<void> | null = null;

  private ensureLoaded(): Promise<void> {
    this.loaded ??= this.persist.load().then(
      (all) => {
        for (const [tab, kept] of Object.entries(all)) {
          const entry = kept as Partial<CachedTab> | null;
          // Anything else was saved by an older build: there is nothing to carry over from it.
          if (!entry?.snapshot || this.byTab.has(Number(tab))) continue;
          this.byTab.set(Number(tab), {
            snapshot: entry.snapshot,
            threadSince: typeof entry.threadSince === 'number' ? entry.threadSince : null,
            released: entry.released === true,
          });
        }
      },
      () => undefined,
    );
    return this.loaded;
  }

  async get(tabId: number): Promise<WebmailSnapshot | null> {
    await this.ensureLoaded();
    return this.byTab.get(tabId)?.snapshot ?? null;
  }

  /**
   * Keeps the tab's snapshot in memory at once; `flush` copies all of them to session storage. A thread the tab was
   * not showing starts its time on screen at `now`.
   */
  async set(tabId: number, snapshot: WebmailSnapshot, now: number): Promise<void> {
    await this.ensureLoaded();
    const before = this.byTab.get(tabId);
    const threadId = snapshot.thread?.id ?? null;
    const same = threadId !== null && before?.snapshot.thread?.id === threadId;
    this.byTab.set(tabId, {
      snapshot,
      threadSince: same ? before.threadSince : threadId === null ? null : now,
      released: same ? before.released : false,
    });
  }

  /** The thread the tab shows, with since when and whether it was released; null when none is open. */
  async shownThread(tabId: number): Promise<ShownThread | null> {
    await this.ensureLoaded();
    const entry = this.byTab.get(tabId);
    const threadId = entry?.snapshot.thread?.id;
    if (!entry || !threadId || entry.threadSince === null) return null;
    return { threadId, since: entry.threadSince, released: entry.released };
  }

  /** Marks the tab's thread as released when it is still `threadId`, and saves at once; false when it is not. */
  async release(tabId: number, threadId: string): Promise<boolean> {
    await this.ensureLoaded();
    const entry = this.byTab.get(tabId);
    if (entry?.snapshot.thread?.id !== threadId) return false;
    if (!entry.released) {
      entry.released = true;
      await this.flush();
    }
    return true;
  }

  async flush(): Promise<void> {
    await this.ensureLoaded();
    await this.persist.save(Object.fromEntries(this.byTab)).catch(() => undefined);
  }

  async drop(tabId: number): Promise<void> {
    await this.ensureLoaded();
    if (this.byTab.delete(tabId)) await this.persist.save(Object.fromEntries(this.byTab)).catch(() => undefined);
  }
}
