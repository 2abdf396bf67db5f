import { StoreError } from '../db/errors';
import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import { ReportArchive } from './archive';
import type { reportMailContract } from './mail-contract';
import { reportMailUrl } from './report-mail-draft';

export function createReportMailHandlers(s: WorkerServices): HandlersOf<typeof reportMailContract> {
  const archive = new ReportArchive(s.storage);
  return {
    'report.mailDraft': async ({ id }) => {
      const stored = await archive.get(id);
      if (!stored) throw new StoreError('not-found', 'This report is no longer kept.');
      return { url: await reportMailUrl(s.db, stored) };
    },
  };
}
