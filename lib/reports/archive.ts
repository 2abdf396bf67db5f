import type { StorageArea } from '../rpc/services';
import { type StoredReport, storedReportSchema } from './contract';
import type { ScheduleState } from './schedule-plan';

/** storage.local keys: the generated reports, newest first, and each schedule's last handled run. */
export const REPORTS_KEY = 'generatedReports';
export const SCHEDULER_STATE_KEY = 'reportSchedulerState';
/** Enough for three weeks of daily reports; older ones can be generated again from the store. */
export const KEEP_REPORTS = 20;

/** One read-modify-write at a time per storage area, whoever holds an archive over it (worker and RPC handlers). */
const queues = new WeakMap<object, Promise<unknown>>();
function serialOn<T>(key: object, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
  queues.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/** The last KEEP_REPORTS generated reports, newest first, in storage.local (small, and survives restarts). */
export class ReportArchive {
  constructor(private readonly area: StorageArea) {}

  async list(): Promise<StoredReport[]> {
    const raw = (await this.area.get(REPORTS_KEY))[REPORTS_KEY];
    if (!Array.isArray(raw)) return [];
    // A report stored by an older build that no longer parses is skipped, not allowed to break the list.
    return raw.flatMap((item: unknown) => {
      const parsed = storedReportSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async get(id: string): Promise<StoredReport | null> {
    return (await this.list()).find((stored) => stored.id === id) ?? null;
  }

  add(stored: StoredReport): Promise<void> {
    return serialOn(this.area, async () => {
      const kept = (await this.list()).filter((other) => other.id !== stored.id);
      await this.area.set({ [REPORTS_KEY]: [stored, ...kept].slice(0, KEEP_REPORTS) });
    });
  }

  loadState(): Promise<Record<string, ScheduleState>> {
    return this.area
      .get(SCHEDULER_STATE_KEY)
      .then((items) => (items[SCHEDULER_STATE_KEY] as Record<string, ScheduleState> | undefined) ?? {});
  }

  saveState(state: Record<string, ScheduleState>): Promise<void> {
    return this.area.set({ [SCHEDULER_STATE_KEY]: state });
  }
}
