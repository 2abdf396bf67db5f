import type { PlanBudgetLine, PlanMeasure, PlanPart, PlanStep, PlanTarget, ThreadKind } from '@/lib/model';
import type { TargetResult } from '@/lib/plan/measures';
import type { ServiceFigures } from '@/lib/service/figures';
import { money } from '../../format';
import { formatCount, t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import { duration, monthFromKey, rate } from '../reports/report-format';

/** The plan's words and numbers in the rep's language, shared by the page, the home's card and the document. */

export const stepTitle = (step: PlanStep): string => t(`plan_step_${step}`);
export const partName = (part: PlanPart): string => t(`plan_part_${part}`);

export function measureName(target: Pick<PlanTarget, 'measure' | 'kindId'>, kinds: readonly ThreadKind[]): string {
  const kind = target.kindId === null ? null : kindLabel(kinds.find((k) => k.id === target.kindId));
  const name = t(`plan_measure_${target.measure}`);
  return kind === null ? name : `${name} · ${kind}`;
}

/** A measure's value as people read it: a share in per cent, a score to one decimal, a time in hours and minutes. */
export function measureValueText(measure: PlanMeasure, value: number | null): string {
  if (value === null) return '—';
  if (measure === 'satisfaction') return formatCount(value, { maximumFractionDigits: 1 });
  if (measure === 'medianMinutes') return duration(value * 60_000);
  return rate(value);
}

export const targetText = (target: PlanTarget): string =>
  `${target.comparison === 'atLeast' ? '≥' : '≤'} ${measureValueText(target.measure, target.value)}`;

export function verdictText(result: TargetResult): string {
  if (result.met === null) return t('plan_not_measured');
  return result.met ? t('plan_met') : t('plan_missed');
}

export function changeText(result: TargetResult): string {
  return result.change === null ? '' : t(`plan_change_${result.change}`);
}

export const reviewColumns = (): string[] => [
  t('service_kind_filter'),
  t('service_received'),
  t('fig_median'),
  t('fig_p90'),
  t('service_within'),
  t('service_average'),
];

/** Step 1's row for one kind: received, first-answer median and p90, share within target, mean score (how many). */
export function reviewCells(row: ServiceFigures['byKind'][number], kinds: readonly ThreadKind[]): string[] {
  const average = row.average === null ? '—' : formatCount(row.average, { maximumFractionDigits: 1 });
  return [
    kindLabel(kinds.find((kind) => kind.id === row.kindId)),
    formatCount(row.received),
    duration(row.medianMs),
    duration(row.p90Ms),
    rate(row.withinTarget),
    row.count === 0 ? '—' : `${average} (${formatCount(row.count)})`,
  ];
}

export const hoursText = (value: number): string =>
  t('plan_hours', { hours: formatCount(value, { maximumFractionDigits: 1 }) });

export const budgetLineColumns = (): string[] => [
  t('plan_line_label'),
  t('plan_month'),
  t('plan_planned'),
  t('plan_spent'),
  t('plan_planned_hours'),
  t('plan_spent_hours'),
];

/** A budget line as text: its part and label, month, money planned and spent, hours planned and spent. */
export function budgetLineCells(line: PlanBudgetLine): string[] {
  return [
    `${partName(line.part)}${line.label ? ` · ${line.label}` : ''}`,
    monthFromKey(line.month),
    money({ amount: line.planned, currency: line.currency }),
    money({ amount: line.spent, currency: line.currency }),
    hoursText(line.plannedHours),
    hoursText(line.spentHours),
  ];
}
