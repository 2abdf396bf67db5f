/**
 * Figures for the dashboard and scheduled reports, as pure functions of the records, the settings and `now`.
 *
 * Conventions every figure follows:
 * - Tombstoned records (deletedAt set) never count; a merged-away contact is a tombstone too.
 * - A period filter is [from, to): `to` is exclusive, like lib/time/periods.ts.
 * - `repId` narrows to one rep (deal/task/contact ownerId, activity repId); null or absent means every rep.
 *   `pipelineId` narrows deal figures only: activities, tasks and contacts do not belong to a pipeline.
 * - Money is summed per currency first and converted once per currency, so rounding happens once, not per deal.
 *   Amounts in a currency without an exchange rate are kept apart in `missingRate`, never dropped or guessed.
 */
import type { Activity, ActivityType } from '../model/activity';
import { ACTIVITY_TYPES } from '../model/activity';
import type { Contact } from '../model/contact';
import type { Deal } from '../model/deal';
import type { Money } from '../model/money';
import { convertMoney } from '../model/money';
import type { Pipeline } from '../model/pipeline';
import type { Settings } from '../model/settings';
import type { Task } from '../model/task';
import { monthKey, type PeriodKind, periodKey, periodsBetween } from '../time/periods';

export interface ReportRecords {
  deals: readonly Deal[];
  pipelines: readonly Pipeline[];
  activities: readonly Activity[];
  tasks: readonly Task[];
  contacts: readonly Contact[];
  settings: Settings;
  now: number;
}

export interface FigureFilter {
  from: number;
  /** Exclusive. */
  to: number;
  repId?: string | null;
  pipelineId?: string | null;
}

export interface FiguresInput extends ReportRecords {
  filter: FigureFilter;
}

// ---------------------------------------------------------------------------------------------------------------
// Money

export interface MoneyBreakdown {
  /** Sum per currency in its own minor units, sorted by currency code. */
  byCurrency: Money[];
  /** Everything that has a rate, in the default currency. */
  converted: Money;
  /** Sums in currencies with no exchange rate: not in `converted`, so the UI can say "plus THB 30,000 (no rate)". */
  missingRate: Money[];
  /** How many items (deals) those missing-rate sums hold. */
  missingRateCount: number;
}

/** Accumulates amounts per currency; fractional minor units (weighted amounts) are kept until `breakdown`. */
class MoneyTally {
  private readonly sums = new Map<string, { amount: number; count: number }>();

  add(amount: number, currency: string): void {
    const sum = this.sums.get(currency) ?? { amount: 0, count: 0 };
    sum.amount += amount;
    sum.count += 1;
    this.sums.set(currency, sum);
  }

  breakdown(settings: Settings): MoneyBreakdown {
    const to = settings.defaultCurrency;
    const byCurrency: Money[] = [];
    const missingRate: Money[] = [];
    let missingRateCount = 0;
    let converted = 0;
    for (const currency of [...this.sums.keys()].sort()) {
      const sum = this.sums.get(currency)!;
      // A weighted sum can hold fractions of a minor unit; round once, per currency, before converting.
      const money = { amount: Math.round(sum.amount), currency };
      byCurrency.push(money);
      const inDefault = convertMoney(money, to, to, settings.exchangeRates);
      if (inDefault) {
        converted += inDefault.amount;
      } else {
        missingRate.push(money);
        missingRateCount += sum.count;
      }
    }
    return { byCurrency, converted: { amount: converted, currency: to }, missingRate, missingRateCount };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Filters

const live = <T extends { deletedAt: number | null }>(record: T): boolean => record.deletedAt === null;
const inRange = (at: number | null, filter: FigureFilter): at is number =>
  at !== null && at >= filter.from && at < filter.to;
const repMatches = (ownerId: string | null, filter: FigureFilter): boolean =>
  filter.repId === undefined || filter.repId === null || ownerId === filter.repId;
const pipelineMatches = (pipelineId: string, filter: FigureFilter): boolean =>
  filter.pipelineId === undefined || filter.pipelineId === null || pipelineId === filter.pipelineId;

/** Live deals of the filtered rep and pipeline, whatever their dates. */
function filteredDeals(input: FiguresInput): Deal[] {
  return input.deals.filter(
    (deal) => live(deal) && repMatches(deal.ownerId, input.filter) && pipelineMatches(deal.pipelineId, input.filter),
  );
}

/** Deals with this status whose closedAt falls in the period. A won deal with no closedAt has no period. */
function closedInPeriod(input: FiguresInput, status: 'won' | 'lost'): Deal[] {
  return filteredDeals(input).filter((deal) => deal.status === status && inRange(deal.closedAt, input.filter));
}

function stageIndex(pipelines: readonly Pipeline[]): Map<string, { name: string; probability: number }> {
  const stages = new Map<string, { name: string; probability: number }>();
  for (const pipeline of pipelines) {
    if (!live(pipeline)) continue;
    for (const stage of pipeline.stages) stages.set(stage.id, { name: stage.name, probability: stage.probability });
  }
  return stages;
}

// ---------------------------------------------------------------------------------------------------------------
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

/**
 * The p-th percentile (0..100) of values sorted ascending, by linear interpolation between closest ranks (the
 * "inclusive" method: Excel PERCENTILE.INC, numpy's default): rank h = (n − 1) × p / 100, and the value is
 * x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]). Chosen over nearest-rank because its 50th percentile is the usual
 * median (the mean of the two middle values for an even count), so "median" and "p90" come from one definition.
 * Null for no values.
 */
export function percentile(sortedAscending: readonly number[], p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const h = ((n - 1) * p) / 100;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  const low = sortedAscending[lower]!;
  return low + (h - lower) * (sortedAscending[upper]! - low);
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

// ---------------------------------------------------------------------------------------------------------------
// Activities, tasks, contacts

export interface RepActivities {
  /** Null for activities logged with no rep. */
  repId: string | null;
  total: number;
  byType: Record<ActivityType, number>;
}

/** Activities that occurred in the period, per rep and type; busiest rep first. */
export function activitiesPerRepAndType(input: FiguresInput): RepActivities[] {
  const byRep = new Map<string | null, RepActivities>();
  for (const activity of input.activities) {
    if (!live(activity) || !inRange(activity.occurredAt, input.filter)) continue;
    if (!repMatches(activity.repId, input.filter)) continue;
    let entry = byRep.get(activity.repId);
    if (!entry) {
      const byType = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, 0])) as Record<ActivityType, number>;
      entry = { repId: activity.repId, total: 0, byType };
      byRep.set(activity.repId, entry);
    }
    entry.total += 1;
    entry.byType[activity.type] += 1;
  }
  return [...byRep.values()].sort((a, b) => b.total - a.total || (a.repId ?? '').localeCompare(b.repId ?? ''));
}

export interface OverdueTask {
  task: Task;
  overdueMs: number;
}

/** Open tasks due before `now`, oldest first. "Overdue" is about now, so the period filter does not apply. */
export function overdueTasks(input: FiguresInput): OverdueTask[] {
  return input.tasks
    .filter(
      (task) =>
        live(task) && task.status === 'open' && task.dueAt < input.now && repMatches(task.ownerId, input.filter),
    )
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))
    .map((task) => ({ task, overdueMs: input.now - task.dueAt }));
}

export interface SourceCount {
  /** Null for contacts with no source recorded. */
  sourceId: string | null;
  /** Contacts created in the period from this source. */
  contacts: number;
  /** Of those, the ones whose lifecycle is still 'lead'. */
  leads: number;
}

/**
 * Contacts created in the period, grouped by source. Every new contact counts, not only those whose lifecycle is
 * 'lead': the store keeps a contact's current lifecycle, not the one it had when created, so a lead from a trade
 * show that was qualified to opportunity a week later would vanish from a leads-only count, and the sources that
 * convert best would look worst. `leads` still says how many remain leads. Most contacts first.
 */
export function newLeadsBySource(input: FiguresInput): SourceCount[] {
  const bySource = new Map<string | null, SourceCount>();
  for (const contact of input.contacts) {
    if (!live(contact) || !inRange(contact.createdAt, input.filter)) continue;
    if (!repMatches(contact.ownerId, input.filter)) continue;
    const entry = bySource.get(contact.sourceId) ?? { sourceId: contact.sourceId, contacts: 0, leads: 0 };
    entry.contacts += 1;
    if (contact.lifecycle === 'lead') entry.leads += 1;
    bySource.set(contact.sourceId, entry);
  }
  return [...bySource.values()].sort(
    (a, b) => b.contacts - a.contacts || (a.sourceId ?? '\uffff').localeCompare(b.sourceId ?? '\uffff'),
  );
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
