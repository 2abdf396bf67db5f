/**
 * Why deals were won and lost, as pure functions of the records (lib/reports/figures.ts conventions: tombstones never
 * count, the period is [from, to) on closedAt, `repId` narrows to the deal's owner, `pipelineId` to its pipeline,
 * money summed per currency and converted once).
 */
import type { CloseReason, Competitor, Deal, Pipeline, Settings } from '../model';
import {
  type FigureFilter,
  inRange,
  live,
  type MoneyBreakdown,
  MoneyTally,
  pipelineMatches,
  repMatches,
} from '../reports/figures';

export interface WinLossInput {
  deals: readonly Deal[];
  /** Tombstones included: a removed reason or competitor still names the deals closed with it. */
  reasons: readonly CloseReason[];
  competitors: readonly Competitor[];
  pipelines: readonly Pipeline[];
  settings: Settings;
  filter: FigureFilter;
}

const DAY = 86_400_000;

/** A reason row: a listed reason, "other" (the rep's words), or none given (deals closed before reasons existed). */
export type ReasonKey = { kind: 'reason'; id: string } | { kind: 'other' } | { kind: 'none' };

export interface Tally {
  count: number;
  value: MoneyBreakdown;
}

export interface ReasonRow {
  key: string;
  outcome: 'won' | 'lost';
  reason: ReasonKey;
  /** The reason record (possibly removed since), for its name; null for "other" and none. */
  record: CloseReason | null;
  count: number;
  value: MoneyBreakdown;
  /** The rep's words for "other", most frequent first (at most five). */
  words: string[];
}

export interface CompetitorRow {
  competitor: Competitor;
  /** Closed deals of the period this competitor was on. */
  faced: number;
  won: Tally;
  lost: Tally;
  /** Of the lost ones, those that went to this competitor. */
  lostToThem: Tally;
  /** won / (won + lost); null when none closed. */
  winRate: number | null;
}

export interface StageRow {
  pipelineId: string;
  stageId: string;
  /** Null when the stage is no longer in any live pipeline. */
  stageName: string | null;
  count: number;
  value: MoneyBreakdown;
}

export interface WinLossAnalysis {
  won: Tally;
  lost: Tally;
  winRate: number | null;
  /** Mean days from a deal's creation to its close; null when none closed so. */
  daysToClose: { won: number | null; lost: number | null };
  byReason: ReasonRow[];
  byCompetitor: CompetitorRow[];
  /** Where lost deals stopped: the stage they stood in when lost, in pipeline order. */
  lostAtStage: StageRow[];
}

/** Closed deals of the period, rep and pipeline. */
function closedDealsOf(input: WinLossInput): Deal[] {
  return input.deals.filter(
    (deal) =>
      live(deal) &&
      deal.status !== 'open' &&
      inRange(deal.closedAt, input.filter) &&
      repMatches(deal.ownerId, input.filter) &&
      pipelineMatches(deal.pipelineId, input.filter),
  );
}

function reasonOf(deal: Deal): ReasonKey {
  const id = deal.closeReasonId ?? null;
  if (id !== null) return { kind: 'reason', id };
  return (deal.closeReasonOther ?? '') !== '' ? { kind: 'other' } : { kind: 'none' };
}

const reasonKey = (outcome: string, reason: ReasonKey) =>
  `${outcome}:${reason.kind === 'reason' ? reason.id : reason.kind}`;

/** The competitors a closed deal met: those on it, and the one it was lost to. */
function competitorsOf(deal: Deal): Set<string> {
  const ids = new Set(deal.competitorIds ?? []);
  if (deal.lostToCompetitorId) ids.add(deal.lostToCompetitorId);
  return ids;
}

function tally(deals: readonly Deal[], settings: Settings): Tally {
  const money = new MoneyTally();
  for (const deal of deals) money.add(deal.value.amount, deal.value.currency);
  return { count: deals.length, value: money.breakdown(settings) };
}

const rate = (won: number, lost: number) => (won + lost === 0 ? null : won / (won + lost));

function meanDays(deals: readonly Deal[]): number | null {
  const spans = deals.filter((deal) => deal.closedAt !== null).map((deal) => (deal.closedAt! - deal.createdAt) / DAY);
  return spans.length === 0 ? null : spans.reduce((sum, days) => sum + days, 0) / spans.length;
}

function byReason(closed: readonly Deal[], input: WinLossInput): ReasonRow[] {
  const groups = new Map<string, { outcome: 'won' | 'lost'; reason: ReasonKey; deals: Deal[] }>();
  for (const deal of closed) {
    const outcome = deal.status as 'won' | 'lost';
    const reason = reasonOf(deal);
    const key = reasonKey(outcome, reason);
    const group = groups.get(key) ?? { outcome, reason, deals: [] };
    group.deals.push(deal);
    groups.set(key, group);
  }
  const records = new Map(input.reasons.map((reason) => [reason.id, reason]));
  const rows: ReasonRow[] = [];
  for (const [key, group] of groups) {
    const counted = tally(group.deals, input.settings);
    const words = new Map<string, number>();
    if (group.reason.kind === 'other') {
      for (const deal of group.deals) {
        const text = deal.closeReasonOther ?? '';
        words.set(text, (words.get(text) ?? 0) + 1);
      }
    }
    rows.push({
      key,
      outcome: group.outcome,
      reason: group.reason,
      record: group.reason.kind === 'reason' ? (records.get(group.reason.id) ?? null) : null,
      ...counted,
      words: [...words.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([text]) => text),
    });
  }
  // Won first, then lost; within each, the list's order, then "other", then none.
  const rank = (row: ReasonRow) =>
    (row.outcome === 'won' ? 0 : 1_000_000) +
    (row.reason.kind === 'reason' ? (row.record?.order ?? 999_000) : row.reason.kind === 'other' ? 999_500 : 999_900);
  return rows.sort((a, b) => rank(a) - rank(b) || b.count - a.count);
}

function byCompetitor(closed: readonly Deal[], input: WinLossInput): CompetitorRow[] {
  const rows: CompetitorRow[] = [];
  for (const competitor of input.competitors) {
    const met = closed.filter((deal) => competitorsOf(deal).has(competitor.id));
    if (met.length === 0 && !live(competitor)) continue;
    const won = met.filter((deal) => deal.status === 'won');
    const lost = met.filter((deal) => deal.status === 'lost');
    rows.push({
      competitor,
      faced: met.length,
      won: tally(won, input.settings),
      lost: tally(lost, input.settings),
      lostToThem: tally(
        lost.filter((deal) => deal.lostToCompetitorId === competitor.id),
        input.settings,
      ),
      winRate: rate(won.length, lost.length),
    });
  }
  return rows.sort((a, b) => b.faced - a.faced || a.competitor.name.localeCompare(b.competitor.name));
}

function lostAtStage(lost: readonly Deal[], input: WinLossInput): StageRow[] {
  const groups = new Map<string, { pipelineId: string; deals: Deal[] }>();
  for (const deal of lost) {
    const group = groups.get(deal.stageId) ?? { pipelineId: deal.pipelineId, deals: [] };
    group.deals.push(deal);
    groups.set(deal.stageId, group);
  }
  const rows: StageRow[] = [];
  const pipelines = input.pipelines
    .filter((pipeline) => live(pipeline) && pipelineMatches(pipeline.id, input.filter))
    .sort((a, b) => a.order - b.order);
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) {
      const group = groups.get(stage.id);
      groups.delete(stage.id);
      rows.push({
        pipelineId: pipeline.id,
        stageId: stage.id,
        stageName: stage.name,
        ...tally(group?.deals ?? [], input.settings),
      });
    }
  }
  for (const [stageId, group] of groups) {
    rows.push({ pipelineId: group.pipelineId, stageId, stageName: null, ...tally(group.deals, input.settings) });
  }
  return rows;
}

export function analyseWinLoss(input: WinLossInput): WinLossAnalysis {
  const closed = closedDealsOf(input);
  const won = closed.filter((deal) => deal.status === 'won');
  const lost = closed.filter((deal) => deal.status === 'lost');
  return {
    won: tally(won, input.settings),
    lost: tally(lost, input.settings),
    winRate: rate(won.length, lost.length),
    daysToClose: { won: meanDays(won), lost: meanDays(lost) },
    byReason: byReason(closed, input),
    byCompetitor: byCompetitor(closed, input),
    lostAtStage: lostAtStage(lost, input),
  };
}
