import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import type { winLossContract } from './contract';
import { listCloseReasons, listCompetitors, saveCloseReason, saveCompetitor } from './store';

export function createWinLossHandlers(s: WorkerServices): HandlersOf<typeof winLossContract> {
  return {
    'closeReasons.list': async () => listCloseReasons(s.db),
    'closeReason.save': async (reason) => {
      const saved = await saveCloseReason(s.db, reason, s.now());
      s.changed(['closeReasons']);
      return saved;
    },
    'competitors.list': async () => listCompetitors(s.db),
    'competitor.save': async (competitor) => {
      const saved = await saveCompetitor(s.db, competitor, s.now());
      s.changed(['competitors']);
      return saved;
    },
  };
}
