import type { WebmailSnapshot } from '../model';

/**
 * The latest snapshot per tab. The worker may be stopped at any time, so the cache is mirrored into session
 * storage (cleared when the browser closes) through the `persist` callbacks.
 */
export class SnapshotCache {
  private readonly byTab = new Map<number, WebmailSnapshot>();

  constructor(
    private readonly persist: {
      load(): Promise<Record<string, WebmailSnapshot>>;
      save(all: Record<string, WebmailSnapshot>): Promise<void>;
    },
  ) {}

  private loaded: Promise<void> | null = null;

  private ensureLoaded(): Promise<void> {
    this.loaded ??= this.persist.load().then(
      (all) => {
        for (const [tab, snapshot] of Object.entries(all)) {
          if (!this.byTab.has(Number(tab))) this.byTab.set(Number(tab), snapshot);
        }
      },
      () => undefined,
    );
    return this.loaded;
  }

  async get(tabId: number): Promise<WebmailSnapshot | null> {
    await this.ensureLoaded();
    return this.byTab.get(tabId) ?? null;
  }

  /** Keeps the tab's snapshot in memory at once; `flush` copies all of them to session storage. */
  async set(tabId: number, snapshot: WebmailSnapshot): Promise<void> {
    await this.ensureLoaded();
    this.byTab.set(tabId, snapshot);
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
