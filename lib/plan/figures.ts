import { stripRow } from '../db/rows';
import type { CrmDb } from '../db/schema';
import type { Deal, PlanTarget, Settings } from '../model';
import { type LoggedAnswer, serviceFigures } from '../service/figures';
import { loadServiceRecords, type ServiceRecords } from '../service/store';
import { monthKey, type Period, periodBounds, previousPeriod } from '../time/periods';
import { evaluateTargets, type MonthValues, type TargetResult } from './measures';

/** Months a target's trend shows, the current one included. */
export const TREND_MONTHS = 6;

/** The last `count` calendar months in the business's zone, oldest first, the one holding `now` last. */
export function trendMonths(now: number, timeZone: string, count = TREND_MONTHS): Period[] {
  const months = [periodBounds('month', now, timeZone)];
  while (months.length < count) months.unshift(previousPeriod('month', months[0]!, timeZone));
  return months;
}

export interface PlanFigureInput {
  service: ServiceRecords;
  /** First answers found in logged mail (lib/reports' responseSamples), for threads whose record has none. */
  answers?: readonly LoggedAnswer[];
  /** Closed deals; open ones are ignored. */
  deals: readonly Deal[];
  settings: Pick<Settings, 'timeZone' | 'workingHours'>;
  now: number;
}

/** Each month's service figures and win rate: what the targets are measured by. Pure. */
export function monthValues(input: PlanFigureInput, months: readonly Period[]): MonthValues[] {
  return months.map((month) => {
    const service = serviceFigures(
      { ...input.service, answers: input.answers, settings: input.settings, now: input.now },
      { from: month.start, to: month.end },
      'month',
    );
    const closed = input.deals.filter(
      (deal) =>
        deal.deletedAt === null &&
        deal.status !== 'open' &&
        deal.closedAt !== null &&
        deal.closedAt >= month.start &&
        deal.closedAt < month.end,
    );
    const won = closed.filter((deal) => deal.status === 'won').length;
    return {
      key: monthKey(month.start, input.settings.timeZone),
      start: month.start,
      service,
      winRate: closed.length === 0 ? null : won / closed.length,
    };
  });
}

/** What the plan's measures read from the store for the trend months: service records, closed deals, targets. */
export async function loadPlanFigureRecords(db: CrmDb, months: readonly Period[]) {
  const from = months[0]?.start ?? 0;
  const to = months.at(-1)?.end ?? 0;
  const [service, dealRows, targets] = await Promise.all([
    loadServiceRecords(db, { from, to }),
    // A deal closed in the range was last updated when it closed or later.
    db.getAllFromIndex('deals', 'byUpdated', IDBKeyRange.lowerBound(from)),
    db.getAll('planTargets'),
  ]);
  const deals = dealRows.filter((row) => row.status !== 'open').map((row) => stripRow(row) as Deal);
  return { service, deals, targets };
}

/** The targets evaluated against the months' figures. */
export function planTargetResults(
  targets: readonly PlanTarget[],
  input: PlanFigureInput,
  months: readonly Period[],
): { months: MonthValues[]; results: TargetResult[] } {
  const values = monthValues(input, months);
  return { months: values, results: evaluateTargets(targets, values) };
}
