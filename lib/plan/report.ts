import type { CrmDb } from '../db/schema';
import type { Activity, PlanSummary, Settings, ThreadKind } from '../model';
import type { LoggedAnswer } from '../service/figures';
import { loadPlanFigureRecords, planTargetResults, trendMonths } from './figures';
import type { TargetResult } from './measures';

/** Each target with its value, kinds named as they were when the report was made. */
export function planSummary(results: readonly TargetResult[], kinds: readonly ThreadKind[]): PlanSummary {
  return results.map(({ target, value, met, change }) => {
    const kind = kinds.find((k) => k.id === target.kindId);
    return {
      measure: target.measure,
      kindId: target.kindId,
      builtIn: kind?.builtIn ?? null,
      kindName: kind?.name ?? '',
      comparison: target.comparison,
      target: target.value,
      value,
      met,
      change,
    };
  });
}

/**
 * The plan's targets as of a report's period: the month holding its last moment, against the months before. The
 * caller passes how first answers are read from logged mail (lib/reports), which this floor cannot import.
 */
export async function reportPlanSummary(
  db: CrmDb,
  settings: Settings,
  now: number,
  periodEnd: number,
  answersOf: (mail: Activity[]) => LoggedAnswer[],
): Promise<PlanSummary> {
  const months = trendMonths(Math.min(now, periodEnd - 1), settings.timeZone);
  const records = await loadPlanFigureRecords(db, months);
  const input = {
    service: records.service,
    answers: answersOf(records.service.threadMail),
    deals: records.deals,
    settings,
    now,
  };
  return planSummary(planTargetResults(records.targets, input, months).results, records.service.kinds);
}

/** CSV rows (section, metric, value) of a report's plan: each target's value, its target and whether it was met. */
export function planCsvRows(plan: PlanSummary | null): string[][] {
  return (plan ?? []).flatMap((row) => {
    const kind = row.kindId === null ? 'all' : (row.builtIn ?? (row.kindName || row.kindId));
    const name = `${row.measure}:${kind}`;
    return [
      ['plan', `${name}:value`, row.value === null ? '' : String(Math.round(row.value * 100) / 100)],
      ['plan', `${name}:${row.comparison === 'atLeast' ? 'at_least' : 'at_most'}`, String(row.target)],
      ['plan', `${name}:met`, row.met === null ? '' : String(row.met)],
    ];
  });
}

/** The plan's line of a report's text (lib/reports/report.ts reportToText): how many targets were met. */
export function planReportLine(
  plan: PlanSummary,
  t: (key: 'reportPlan', values: Record<string, string | number>) => string,
): string {
  return t('reportPlan', {
    met: plan.filter((row) => row.met === true).length,
    missed: plan.filter((row) => row.met === false).length,
    count: plan.length,
  });
}
