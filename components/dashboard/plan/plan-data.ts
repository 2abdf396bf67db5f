import type { CrmDb } from '@/lib/db/schema';
import type { Settings, Template } from '@/lib/model';
import { loadPlanFigureRecords, planTargetResults, trendMonths } from '@/lib/plan/figures';
import { readPlan } from '@/lib/plan/store';
import { responseSamples } from '@/lib/reports/response-times';
import { serviceFigures } from '@/lib/service/figures';
import { listTemplates } from '@/lib/templates/store';
import { analyseWinLoss } from '@/lib/winloss/analysis';
import { loadWinLoss } from '@/lib/winloss/data';
import type { Dashboard } from '../app-model';

/**
 * Everything the Plan page and its exported document show: the plan's records, and the live figures each step
 * stands on, over the months the targets' trend covers (the review and competitors count the same window).
 */
export async function readPlanPage(db: CrmDb, settings: Settings, now: number) {
  const months = trendMonths(now, settings.timeZone);
  const window = { from: months[0]!.start, to: months.at(-1)!.end };
  const [records, figureRecords, winLossInput, templates] = await Promise.all([
    readPlan(db),
    loadPlanFigureRecords(db, months),
    loadWinLoss(db, window),
    listTemplates(db),
  ]);
  const answers = responseSamples(figureRecords.service.threadMail);
  const input = { service: figureRecords.service, answers, deals: figureRecords.deals, settings, now };
  const review = serviceFigures({ ...input.service, answers, settings, now }, window, 'month');
  const measures = planTargetResults(records.targets, input, months);
  return {
    ...records,
    now,
    window,
    kinds: figureRecords.service.kinds.filter((kind) => kind.deletedAt === null).sort((a, b) => a.order - b.order),
    review,
    winLoss: analyseWinLoss(winLossInput),
    templates: templatesByKind(templates),
    measures: measures.results,
  };
}

/** The targets alone, evaluated: the home's card reads only these. */
export async function readPlanTargets(db: CrmDb, settings: Settings, now: number) {
  const months = trendMonths(now, settings.timeZone);
  const records = await loadPlanFigureRecords(db, months);
  const answers = responseSamples(records.service.threadMail);
  const input = { service: records.service, answers, deals: records.deals, settings, now };
  return { kinds: records.service.kinds, results: planTargetResults(records.targets, input, months).results };
}

export type PlanPageData = Awaited<ReturnType<typeof readPlanPage>>;

/** The templates in use per kind of thread (null: for any kind), most used first. */
function templatesByKind(templates: readonly Template[]): Map<string | null, Template[]> {
  const byKind = new Map<string | null, Template[]>();
  for (const template of templates) byKind.set(template.kindId, [...(byKind.get(template.kindId) ?? []), template]);
  return byKind;
}

/** What each step's figures are given. */
export interface StepProps {
  app: Dashboard;
  data: PlanPageData;
}
