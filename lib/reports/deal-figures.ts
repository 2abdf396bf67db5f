/** Figures of the deals: what is in the pipeline, what it will bring, what was won and lost, and how fast. */
import { percentile } from '../stats/percentile';
import { monthKey, type PeriodKind, periodKey, periodsBetween } from '../time/periods';
import {
  closedInPeriod,
  type FiguresInput,
  filteredDeals,
  inRange,
  live,
  type MoneyBreakdown,
  MoneyTally,
  pipelineMatches,
  stageIndex,
} from './figures';

// Pipeline value

export interface StageValue {
  pipelineId: string;
  stageId: string;
  /** Null for deals whose stage is no longer in any live pipeline (the pipeline was edited or deleted). */
  stageName: string | null;
  count: number;
  value: MoneyBreakdown;
}

export interface PipelineValue {
  /** Every stage of every pipeline in the filter, in pipeline and stage order (empty stages included, count 0),
   *  then deals whose stage is unknown, one entry per unknown stage id. */
  stages: StageValue[];
  count: number;
  total: MoneyBreakdown;
}

/**
 * What is open now, per stage. The period filter does not apply: an open deal has no date that puts it in a
 * period, and "value in the pipeline" is a snapshot.
 */
export function pipelineValueByStage(input: FiguresInput): PipelineValue {
  const open = filteredDeals(input).filter((deal) => deal.status === 'open');
  const byStage = new Map<string, { pipelineId: string; count: number; tally: MoneyTally }>();
  const total = new MoneyTally();
  for (const deal of open) {
    const entry = byStage.get(deal.stageId) ?? { pipelineId: deal.pipelineId, count: 0, tally: new MoneyTally() };
    entry.count += 1;
    entry.tally.add(deal.value.amount, deal.value.currency);
    byStage.set(deal.stageId, entry);
    total.add(deal.value.amount, deal.value.currency);
  }

  const stages: StageValue[] = [];
  const pipelines = input.pipelines
    .filter((pipeline) => live(pipeline) && pipelineMatches(pipeline.id, input.filter))
    .sort((a, b) => a.order - b.order);
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) {
      const entry = byStage.get(stage.id);
      byStage.delete(stage.id);
      stages.push({
        pipelineId: pipeline.id,
        stageId: stage.id,
        stageName: stage.name,
        count: entry?.count ?? 0,
        value: (entry?.tally ?? new MoneyTally()).breakdown(input.settings),
      });
    }
  }
  for (const [stageId, entry] of byStage) {
    stages.push({
      pipelineId: entry.pipelineId,
      stageId,
      stageName: null,
      count: entry.count,
      value: entry.tally.breakdown(input.settings),
    });
  }
  return { stages, count: open.length, total: total.breakdown(input.settings) };
}
// ---------------------------------------------------------------------------------------------------------------
// Forecast

export interface ForecastBucket {
  /** 'YYYY-MM' of the expected close in the rep's zone; null for deals with no expected close date. */
  month: string | null;
  count: number;
  /** Σ amount × probability (the deal's override, else its stage's). */
  weighted: MoneyBreakdown;
  /** Σ amount, for "of which weighted". */
  unweighted: MoneyBreakdown;
}

export interface Forecast {
  /** Months in order, then the no-date bucket last when there are such deals. */
  buckets: ForecastBucket[];
  weighted: MoneyBreakdown;
}

/**
 * Weighted value of open deals by expected-close month. The period filter does not apply (a forecast looks at every
 * open deal); months already past stay in the list, since a deal whose close date slipped is what a rep must see.
 * A deal whose stage is gone and has no override weighs 0 but is still counted.
 */
export function weightedForecast(input: FiguresInput): Forecast {
  const stages = stageIndex(input.pipelines);
  const buckets = new Map<string | null, { count: number; weighted: MoneyTally; unweighted: MoneyTally }>();
  const total = new MoneyTally();
  for (const deal of filteredDeals(input)) {
    if (deal.status !== 'open') continue;
    const probability = deal.probabilityOverride ?? stages.get(deal.stageId)?.probability ?? 0;
    const month = deal.expectedCloseAt === null ? null : monthKey(deal.expectedCloseAt, input.settings.timeZone);
    const bucket = buckets.get(month) ?? { count: 0, weighted: new MoneyTally(), unweighted: new MoneyTally() };
    bucket.count += 1;
    bucket.weighted.add(deal.value.amount * probability, deal.value.currency);
    bucket.unweighted.add(deal.value.amount, deal.value.currency);
    buckets.set(month, bucket);
    total.add(deal.value.amount * probability, deal.value.currency);
  }
  const months = [...buckets.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return {
    buckets: months.map((month) => {
      const bucket = buckets.get(month)!;
      return {
        month,
        count: bucket.count,
        weighted: bucket.weighted.breakdown(input.settings),
        unweighted: bucket.unweighted.breakdown(input.settings),
      };
    }),
    weighted: total.breakdown(input.settings),
  };
}
// ---------------------------------------------------------------------------------------------------------------
// Won and lost

export interface WinRate {
  won: number;
  lost: number;
  /** won / (won + lost), 0..1; null when nothing closed in the period. */
  rate: number | null;
}

export function winRate(input: FiguresInput): WinRate {
  const won = closedInPeriod(input, 'won').length;
  const lost = closedInPeriod(input, 'lost').length;
  return { won, lost, rate: won + lost === 0 ? null : won / (won + lost) };
}

export interface ClosedValue {
  count: number;
  value: MoneyBreakdown;
}

/** Deals won (or lost) in the period, with their value. */
export function closedDeals(input: FiguresInput, status: 'won' | 'lost'): ClosedValue {
  const deals = closedInPeriod(input, status);
  const tally = new MoneyTally();
  for (const deal of deals) tally.add(deal.value.amount, deal.value.currency);
  return { count: deals.length, value: tally.breakdown(input.settings) };
}

export interface SalesCycle {
  count: number;
  /** Days, fractional; null when no deal was won in the period. */
  meanDays: number | null;
  medianDays: number | null;
}

const DAY_MS = 86_400_000;

/** Elapsed time from creation to win, for deals won in the period. Plain 24-hour days: a duration, not dates. */
export function averageSalesCycleDays(input: FiguresInput): SalesCycle {
  const days = closedInPeriod(input, 'won')
    .map((deal) => ((deal.closedAt ?? deal.createdAt) - deal.createdAt) / DAY_MS)
    .sort((a, b) => a - b);
  if (days.length === 0) return { count: 0, meanDays: null, medianDays: null };
  const mean = days.reduce((sum, value) => sum + value, 0) / days.length;
  return { count: days.length, meanDays: mean, medianDays: percentile(days, 50) };
}

export interface ClosedBucket {
  /** periodKey: 'YYYY-MM' for months, the week's first day 'YYYY-MM-DD' for weeks. */
  key: string;
  start: number;
  end: number;
  won: number;
  lost: number;
}

/**
 * Won and lost counts per month or week of the filter range, in the rep's zone. Every bucket overlapping the range
 * is listed, empty ones as zero, so a chart has no holes; deals count only when closed inside [from, to).
 */
export function dealsClosedPerPeriod(
  input: FiguresInput,
  bucket: Extract<PeriodKind, 'week' | 'month'> = 'month',
  weekStartsOn = 1,
): ClosedBucket[] {
  const timeZone = input.settings.timeZone;
  const buckets = periodsBetween(bucket, input.filter.from, input.filter.to, timeZone, weekStartsOn).map(
    (period): ClosedBucket => ({
      key: periodKey(bucket, period.start, timeZone, weekStartsOn),
      ...period,
      won: 0,
      lost: 0,
    }),
  );
  for (const status of ['won', 'lost'] as const) {
    for (const deal of closedInPeriod(input, status)) {
      const at = deal.closedAt!;
      const target = buckets.find((candidate) => at >= candidate.start && at < candidate.end);
      if (target) target[status] += 1;
    }
  }
  return buckets;
}
export interface StageMove {
  pipelineId: string;
  stageId: string;
  stageName: string | null;
  count: number;
}

/**
 * Deals whose stage changed in the period, by the stage they are in now. The store keeps only the last change
 * (stageChangedAt), so a deal moved twice counts once; a deal created in the period and never moved carries
 * stageChangedAt = createdAt and does not count as moved.
 */
export function dealsMovedStage(input: FiguresInput): { count: number; byStage: StageMove[] } {
  const stages = stageIndex(input.pipelines);
  const byStage = new Map<string, StageMove>();
  let count = 0;
  for (const deal of filteredDeals(input)) {
    if (!inRange(deal.stageChangedAt, input.filter) || deal.stageChangedAt <= deal.createdAt) continue;
    count += 1;
    const entry = byStage.get(deal.stageId) ?? {
      pipelineId: deal.pipelineId,
      stageId: deal.stageId,
      stageName: stages.get(deal.stageId)?.name ?? null,
      count: 0,
    };
    entry.count += 1;
    byStage.set(deal.stageId, entry);
  }
  return { count, byStage: [...byStage.values()].sort((a, b) => b.count - a.count) };
}
