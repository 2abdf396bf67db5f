import { type OverdueTask, overdueTasks } from './activity-figures';
import { type FiguresInput, filteredDeals, type MoneyBreakdown, MoneyTally, stageIndex } from './figures';

/** One rep's line of the manager's team view: their pipeline now, what it should bring, and what they let slip. */
export interface RepSummary {
  /** Null for the records no one owns. */
  repId: string | null;
  openDeals: number;
  pipeline: MoneyBreakdown;
  weighted: MoneyBreakdown;
  /** Their open tasks past due, oldest first. */
  overdue: OverdueTask[];
}

/**
 * A line per rep of `repIds`, in that order (null: records without an owner). Like the pipeline and forecast
 * figures these are snapshots of now, so the period filter does not apply; the pipeline filter does.
 */
export function teamSummary(input: FiguresInput, repIds: readonly (string | null)[]): RepSummary[] {
  const stages = stageIndex(input.pipelines);
  const open = filteredDeals(input).filter((deal) => deal.status === 'open');
  const overdue = overdueTasks({ ...input, filter: { ...input.filter, repId: null } });
  return repIds.map((repId) => {
    const pipeline = new MoneyTally();
    const weighted = new MoneyTally();
    let openDeals = 0;
    for (const deal of open) {
      if (deal.ownerId !== repId) continue;
      const probability = deal.probabilityOverride ?? stages.get(deal.stageId)?.probability ?? 0;
      openDeals += 1;
      pipeline.add(deal.value.amount, deal.value.currency);
      weighted.add(deal.value.amount * probability, deal.value.currency);
    }
    return {
      repId,
      openDeals,
      pipeline: pipeline.breakdown(input.settings),
      weighted: weighted.breakdown(input.settings),
      overdue: overdue.filter(({ task }) => task.ownerId === repId),
    };
  });
}
