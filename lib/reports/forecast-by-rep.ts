import type { Deal } from '../model/deal';
import { monthKey } from '../time/periods';
import { type FiguresInput, filteredDeals, type MoneyBreakdown, MoneyTally, stageIndex } from './figures';

/**
 * The weighted forecast of #27.6: open deals' amount × probability, by owner and expected-close month, with the
 * totals of each row, each column and the whole, every cell in the default currency and per currency (MoneyBreakdown).
 * Like weightedForecast, the period filter does not apply and past months stay: a slipped close date is news.
 */
export interface RepForecastRow {
  /** Null for deals with no owner. */
  repId: string | null;
  count: number;
  /** One per month of `months`, in its order. */
  cells: MoneyBreakdown[];
  total: MoneyBreakdown;
}

export interface RepForecast {
  /** 'YYYY-MM' of the expected close in the rep's zone, in order; null (no date) last when some deal has none. */
  months: (string | null)[];
  rows: RepForecastRow[];
  columnTotals: MoneyBreakdown[];
  total: MoneyBreakdown;
}

/**
 * One row per rep of `repIds`, in that order, and a row for deals with no owner when `repIds` holds null. Deals of
 * anyone else are not counted at all, so a rep who sees only their own row sees totals of their own deals.
 */
export function forecastByRepAndMonth(input: FiguresInput, repIds: readonly (string | null)[]): RepForecast {
  const stages = stageIndex(input.pipelines);
  const wanted = new Set(repIds);
  const deals = filteredDeals(input).filter((deal) => deal.status === 'open' && wanted.has(deal.ownerId));
  const month = (deal: Deal) =>
    deal.expectedCloseAt === null ? null : monthKey(deal.expectedCloseAt, input.settings.timeZone);
  const months = [...new Set(deals.map(month))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  const column = new Map(months.map((key, i) => [key, i]));
  const tallies = () => months.map(() => new MoneyTally());
  const rows = new Map(repIds.map((repId) => [repId, { count: 0, cells: tallies(), total: new MoneyTally() }]));
  const columnTotals = tallies();
  const total = new MoneyTally();
  for (const deal of deals) {
    const probability = deal.probabilityOverride ?? stages.get(deal.stageId)?.probability ?? 0;
    const weighted = deal.value.amount * probability;
    const row = rows.get(deal.ownerId)!;
    const at = column.get(month(deal))!;
    row.count += 1;
    for (const tally of [row.cells[at]!, row.total, columnTotals[at]!, total]) tally.add(weighted, deal.value.currency);
  }
  const settled = (tally: MoneyTally) => tally.breakdown(input.settings);
  return {
    months,
    rows: repIds.map((repId) => {
      const row = rows.get(repId)!;
      return { repId, count: row.count, cells: row.cells.map(settled), total: settled(row.total) };
    }),
    columnTotals: columnTotals.map(settled),
    total: settled(total),
  };
}
