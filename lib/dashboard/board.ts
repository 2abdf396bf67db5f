import type { Deal, Money, Pipeline } from '../model';
import { convertMoney } from '../model';
import { foldText } from '../search/tokens';

export interface BoardFilter {
  /** A rep id, "none" for deals without an owner, or null for everyone. */
  ownerId: string | null;
  text: string;
}

export interface BoardColumn {
  stageId: string;
  deals: Deal[];
}

/** Text a rep may type to find a card: the title and the company's name, folded like search keys. */
export function dealMatches(deal: Deal, filter: BoardFilter, companyName: string): boolean {
  if (filter.ownerId === 'none' ? deal.ownerId !== null : filter.ownerId !== null && deal.ownerId !== filter.ownerId) {
    return false;
  }
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(`${deal.title} ${companyName}`);
  return words.every((word) => haystack.includes(word));
}

/**
 * Open deals of a pipeline, one column per stage in the pipeline's order. A deal whose stage is gone from the
 * pipeline (edited elsewhere) goes to the first column rather than vanishing from the board.
 */
export function boardColumns(
  pipeline: Pipeline,
  deals: readonly Deal[],
  filter: BoardFilter,
  companyNames: Record<string, string>,
): BoardColumn[] {
  const columns = pipeline.stages.map((stage) => ({ stageId: stage.id, deals: [] as Deal[] }));
  const byStage = new Map(columns.map((c) => [c.stageId, c]));
  for (const deal of deals) {
    if (deal.pipelineId !== pipeline.id || deal.status !== 'open' || deal.deletedAt !== null) continue;
    if (!dealMatches(deal, filter, companyNames[deal.companyId ?? ''] ?? '')) continue;
    (byStage.get(deal.stageId) ?? columns[0])?.deals.push(deal);
  }
  // Oldest close date first: what needs attention sits at the top; deals without a date last.
  for (const column of columns) {
    column.deals.sort(
      (a, b) =>
        (a.expectedCloseAt ?? Number.MAX_SAFE_INTEGER) - (b.expectedCloseAt ?? Number.MAX_SAFE_INTEGER) ||
        a.title.localeCompare(b.title),
    );
  }
  return columns;
}

export type MoveKey = 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

/**
 * The stage a keyboard move lands on, or null when the deal is already at that edge. Left and right follow the
 * reading direction of the page, so in a right-to-left layout the arrows still point where the card goes.
 */
export function stageAfterKey(pipeline: Pipeline, stageId: string, key: MoveKey, rtl = false): string | null {
  const index = pipeline.stages.findIndex((s) => s.id === stageId);
  if (index < 0) return pipeline.stages[0]?.id ?? null;
  const last = pipeline.stages.length - 1;
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  let target: number;
  if (key === 'Home') target = 0;
  else if (key === 'End') target = last;
  else target = key === forward ? index + 1 : index - 1;
  if (target < 0 || target > last || target === index) return null;
  return pipeline.stages[target]?.id ?? null;
}

export interface ColumnTotal {
  /** One sum per currency, in the order currencies first appear. */
  byCurrency: Money[];
  /** Everything converted to the default currency, or null when a currency has no rate (never a wrong sum). */
  converted: Money | null;
  /** Currencies that had no rate, so the UI can say which one is missing. */
  missingRates: string[];
}

export function columnTotal(
  deals: readonly Deal[],
  defaultCurrency: string,
  rates: Record<string, number>,
): ColumnTotal {
  const sums = new Map<string, number>();
  for (const deal of deals) sums.set(deal.value.currency, (sums.get(deal.value.currency) ?? 0) + deal.value.amount);
  const byCurrency = [...sums].map(([currency, amount]) => ({ currency, amount }));
  let convertedAmount = 0;
  const missingRates: string[] = [];
  for (const sum of byCurrency) {
    const converted = convertMoney(sum, defaultCurrency, defaultCurrency, rates);
    if (converted) convertedAmount += converted.amount;
    else missingRates.push(sum.currency);
  }
  return {
    byCurrency,
    converted: missingRates.length > 0 ? null : { amount: convertedAmount, currency: defaultCurrency },
    missingRates,
  };
}

/** Pipelines a rep sees in the picker: shared ones and their own, their own first. */
export function pipelinesFor(pipelines: readonly Pipeline[], repId: string | null): Pipeline[] {
  const own = pipelines.filter((p) => p.ownerId !== null && p.ownerId === repId);
  return [
    ...own,
    ...pipelines.filter((p) => p.ownerId === null),
    ...pipelines.filter((p) => p.ownerId !== null && p.ownerId !== repId),
  ];
}
