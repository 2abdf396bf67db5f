/**
 * Figures for the dashboard and scheduled reports, as pure functions of the records, the settings and `now`: what
 * every figure shares (its input, filters, money sums). The figures themselves are in deal-figures.ts
 * and activity-figures.ts.
 *
 * Conventions every figure follows:
 * - Tombstoned records (deletedAt set) never count; a merged-away contact is a tombstone too.
 * - A period filter is [from, to): `to` is exclusive, like lib/time/periods.ts.
 * - `repId` narrows to one rep (deal/task/contact ownerId, activity repId); null or absent means every rep.
 *   `pipelineId` narrows deal figures only: activities, tasks and contacts do not belong to a pipeline.
 * - Money is summed per currency first and converted once per currency, so rounding happens once, not per deal.
 *   Amounts in a currency without an exchange rate are kept apart in `missingRate`, never dropped or guessed.
 */
import type { Activity } from '../model/activity';
import type { Contact } from '../model/contact';
import type { Deal } from '../model/deal';
import type { ThreadFact } from '../model/inbox-seen';
import type { Money } from '../model/money';
import { convertMoney } from '../model/money';
import type { Pipeline } from '../model/pipeline';
import type { Settings } from '../model/settings';
import type { Task } from '../model/task';

export interface ReportRecords {
  deals: readonly Deal[];
  pipelines: readonly Pipeline[];
  activities: readonly Activity[];
  tasks: readonly Task[];
  contacts: readonly Contact[];
  /** Threads seen in the lists and the unread feed, or with people who are not contacts: for response times. */
  threadFacts?: readonly ThreadFact[];
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
export class MoneyTally {
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

export const live = <T extends { deletedAt: number | null }>(record: T): boolean => record.deletedAt === null;
export const inRange = (at: number | null, filter: FigureFilter): at is number =>
  at !== null && at >= filter.from && at < filter.to;
export const repMatches = (ownerId: string | null, filter: FigureFilter): boolean =>
  filter.repId === undefined || filter.repId === null || ownerId === filter.repId;
export const pipelineMatches = (pipelineId: string, filter: FigureFilter): boolean =>
  filter.pipelineId === undefined || filter.pipelineId === null || pipelineId === filter.pipelineId;

/** Live deals of the filtered rep and pipeline, whatever their dates. */
export function filteredDeals(input: FiguresInput): Deal[] {
  return input.deals.filter(
    (deal) => live(deal) && repMatches(deal.ownerId, input.filter) && pipelineMatches(deal.pipelineId, input.filter),
  );
}

/** Deals with this status whose closedAt falls in the period. A won deal with no closedAt has no period. */
export function closedInPeriod(input: FiguresInput, status: 'won' | 'lost'): Deal[] {
  return filteredDeals(input).filter((deal) => deal.status === status && inRange(deal.closedAt, input.filter));
}

export function stageIndex(pipelines: readonly Pipeline[]): Map<string, { name: string; probability: number }> {
  const stages = new Map<string, { name: string; probability: number }>();
  for (const pipeline of pipelines) {
    if (!live(pipeline)) continue;
    for (const stage of pipeline.stages) stages.set(stage.id, { name: stage.name, probability: stage.probability });
  }
  return stages;
}
