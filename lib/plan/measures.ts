import type { PlanTarget } from '../model';
import type { ServiceFigures } from '../service/figures';

/**
 * The plan's targets against what the CRM measures: each target's value this month, whether it is met, and its
 * values month by month before, so a manager sees whether the plan is working and which way it moves. Pure.
 */

/** One calendar month of figures: the service policy's and the win rate of deals closed in it. */
export interface MonthValues {
  /** 'YYYY-MM' in the business's zone. */
  key: string;
  start: number;
  service: ServiceFigures;
  winRate: number | null;
}

export interface TrendPoint {
  key: string;
  start: number;
  value: number | null;
}

export interface TargetResult {
  target: PlanTarget;
  /** This month's value; null when nothing was measured. */
  value: number | null;
  met: boolean | null;
  /** Oldest first, the current month last. */
  trend: TrendPoint[];
  /** This month against the last month that had a value, in the target's direction. */
  change: 'better' | 'worse' | 'same' | null;
}

const MINUTE = 60_000;

/** The target's measure in one month; null when the month has nothing to measure it by. */
export function measureValue(target: PlanTarget, month: MonthValues): number | null {
  const { service } = month;
  const kind = target.kindId === null ? null : (service.byKind.find((row) => row.kindId === target.kindId) ?? null);
  if (target.kindId !== null && !kind && target.measure !== 'winRate') return null;
  switch (target.measure) {
    case 'withinTarget':
      return kind ? kind.withinTarget : service.overall.withinTarget;
    case 'satisfaction':
      return kind ? kind.average : service.satisfaction.average;
    case 'medianMinutes': {
      const ms = kind ? kind.medianMs : service.overall.medianMs;
      return ms === null ? null : ms / MINUTE;
    }
    case 'winRate':
      return month.winRate;
  }
}

export function isMet(target: Pick<PlanTarget, 'comparison' | 'value'>, value: number | null): boolean | null {
  if (value === null) return null;
  // Shares and averages arrive as floating point: 0.9 computed as 9/10 must meet "≥ 90 %".
  const epsilon = 1e-9;
  return target.comparison === 'atLeast' ? value >= target.value - epsilon : value <= target.value + epsilon;
}

export function evaluateTarget(target: PlanTarget, months: readonly MonthValues[]): TargetResult {
  const trend = months.map((month) => ({ key: month.key, start: month.start, value: measureValue(target, month) }));
  const value = trend.at(-1)?.value ?? null;
  const before = trend
    .slice(0, -1)
    .reverse()
    .find((point) => point.value !== null)?.value;
  let change: TargetResult['change'] = null;
  if (value !== null && before !== undefined && before !== null) {
    const delta = target.comparison === 'atLeast' ? value - before : before - value;
    change = Math.abs(delta) < 1e-9 ? 'same' : delta > 0 ? 'better' : 'worse';
  }
  return { target, value, met: isMet(target, value), trend, change };
}

/** Live targets in their order, each evaluated. */
export function evaluateTargets(targets: readonly PlanTarget[], months: readonly MonthValues[]): TargetResult[] {
  return targets
    .filter((target) => target.deletedAt === null)
    .sort((a, b) => a.order - b.order || a.createdAt - b.createdAt)
    .map((target) => evaluateTarget(target, months));
}
