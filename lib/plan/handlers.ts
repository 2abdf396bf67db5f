import { getSettings } from '../db/config';
import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import type { planContract } from './contract';
import { saveBudgetLine, savePlanNotes, saveTarget, setOwner, updateBudgetLine } from './store';

export function createPlanHandlers(s: WorkerServices): HandlersOf<typeof planContract> {
  return {
    'plan.notes.save': async (notes) => {
      const saved = await savePlanNotes(s.db, notes, s.now());
      s.changed(['plans']);
      return saved;
    },
    'plan.budget.save': async (line) => {
      const saved = await saveBudgetLine(s.db, line, s.now());
      s.changed(['planBudgetLines']);
      return saved;
    },
    'plan.budget.update': async ({ id, patch }) => {
      const saved = await updateBudgetLine(s.db, id, patch, s.now());
      s.changed(['planBudgetLines']);
      return saved;
    },
    'plan.target.save': async (target) => {
      const saved = await saveTarget(s.db, target, s.now());
      s.changed(['planTargets']);
      return saved;
    },
    'plan.owner.set': async (change) => {
      const { currentRepId } = await getSettings(s.db);
      const saved = await setOwner(s.db, { ...change, changedBy: currentRepId }, s.now());
      s.changed(['planOwners']);
      return saved;
    },
  };
}
