import { getSettings } from '../db/config';
import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import { ReportArchive } from './archive';
import type { reportsContract, StoredReport } from './contract';
import { generateReport } from './data';
import { currentPeriods } from './schedule-plan';

export function createReportHandlers(s: WorkerServices): HandlersOf<typeof reportsContract> {
  // Generated reports live in storage.local beside the scheduler's state (lib/reports/scheduler.ts), not in the store.
  const archive = new ReportArchive(s.storage);
  return {
    'reports.list': async () =>
      (await archive.list()).map(({ report, ...stored }) => ({
        ...stored,
        period: report.period,
        generatedAt: report.generatedAt,
        repId: report.repId,
      })),
    'report.get': async ({ id }) => archive.get(id),
    // The rep's "Generate now": the current period so far, kept in the archive beside the scheduled reports.
    'reports.generateNow': async ({ kind, repId }) => {
      const now = s.now();
      const settings = await getSettings(s.db);
      const periods = currentPeriods(kind, now, settings.timeZone);
      const report = await generateReport(s.db, settings, now, periods, repId ?? null);
      const stored: StoredReport = { id: crypto.randomUUID(), scheduleId: null, origin: `now-${kind}`, report };
      await archive.add(stored);
      return stored;
    },
  };
}
