import { describe, expect, it } from 'vitest';
import { newDeal } from '@/lib/db/deals';
import type { CloseReason, Competitor, Deal } from '@/lib/model';
import { defaultCloseReasons, defaultPipeline, defaultSettings } from '@/lib/model';
import { analyseWinLoss, type WinLossInput } from '@/lib/winloss/analysis';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const pipeline = defaultPipeline(T0);
const [connect, qualify, demo] = pipeline.stages;
const settings = { ...defaultSettings(pipeline.id, 'Asia/Phnom_Penh'), exchangeRates: { KHR: 1 / 4000 } };
const reasons = defaultCloseReasons(T0);
const price = reasons.find((r) => r.name === 'Good price')!;
const tooDear = reasons.find((r) => r.name === 'Price too high')!;
const SOKHA = '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a2001';
const DARA = '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a2002';
const rival = (n: number, name: string): Competitor => ({
  id: `0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a300${n}`,
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
  name,
  website: '',
  notes: '',
});
const angkor = rival(1, 'Angkor Office Supply');
const mekong = rival(2, 'Mekong Tech');

let n = 0;
function deal(over: Partial<Deal>): Deal {
  n++;
  const draft = { title: `Deal ${n}`, pipelineId: pipeline.id, stageId: demo!.id, ownerId: SOKHA };
  const made = newDeal(draft, T0, `0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a${String(4000 + n)}`);
  return { ...made, updatedAt: T0 + 20 * DAY, value: { amount: 100_000, currency: 'USD' }, ...over };
}

// November 2026: three won, four lost; one more of each outside the period or tombstoned.
const deals: Deal[] = [
  deal({ status: 'won', closedAt: T0 + 10 * DAY, closeReasonId: price.id, competitorIds: [angkor.id] }),
  deal({
    status: 'won',
    closedAt: T0 + 20 * DAY,
    closeReasonId: price.id,
    value: { amount: 4_000_000, currency: 'KHR' },
  }),
  deal({ status: 'won', closedAt: T0 + 4 * DAY, closeReasonOther: 'Knew the owner', ownerId: DARA }),
  deal({
    status: 'lost',
    closedAt: T0 + 6 * DAY,
    closeReasonId: tooDear.id,
    lostToCompetitorId: angkor.id,
    competitorIds: [angkor.id],
    stageId: qualify!.id,
  }),
  deal({
    status: 'lost',
    closedAt: T0 + 8 * DAY,
    closeReasonId: tooDear.id,
    lostToCompetitorId: mekong.id,
    competitorIds: [angkor.id, mekong.id],
    stageId: demo!.id,
    value: { amount: 300_000, currency: 'USD' },
  }),
  deal({ status: 'lost', closedAt: T0 + 12 * DAY, closeReasonOther: 'Moved abroad', stageId: connect!.id }),
  deal({ status: 'lost', closedAt: T0 + 2 * DAY, lostReason: '', stageId: qualify!.id, ownerId: DARA }),
  deal({ status: 'won', closedAt: T0 - DAY, closeReasonId: price.id }),
  deal({ status: 'lost', closedAt: T0 + 3 * DAY, deletedAt: T0 + 5 * DAY }),
  deal({ status: 'open', competitorIds: [angkor.id] }),
];

const input = (filter: Partial<WinLossInput['filter']> = {}): WinLossInput => ({
  deals,
  reasons: reasons as CloseReason[],
  competitors: [angkor, mekong],
  pipelines: [pipeline],
  settings,
  filter: { from: T0, to: Date.UTC(2026, 11, 1), ...filter },
});

describe('the win/loss analysis', () => {
  it('counts and values won and lost deals of the period, converting once per currency', () => {
    const analysis = analyseWinLoss(input());
    expect(analysis.won.count).toBe(3);
    // $1,000 + $1,000 + ៛4,000,000 at 4,000 a dollar = $3,000.
    expect(analysis.won.value.converted).toEqual({ amount: 300_000, currency: 'USD' });
    expect(analysis.lost.count).toBe(4);
    expect(analysis.lost.value.converted).toEqual({ amount: 600_000, currency: 'USD' });
    expect(analysis.winRate).toBeCloseTo(3 / 7);
  });

  it('averages days to close for won against lost, from creation', () => {
    const { daysToClose } = analyseWinLoss(input());
    expect(daysToClose.won).toBeCloseTo((10 + 20 + 4) / 3);
    expect(daysToClose.lost).toBeCloseTo((6 + 8 + 12 + 2) / 4);
  });

  it('groups by reason: listed ones by the list, "other" with the rep’s words, then none given', () => {
    const rows = analyseWinLoss(input()).byReason;
    expect(rows.map((row) => [row.outcome, row.reason.kind, row.record?.name ?? null, row.count])).toEqual([
      ['won', 'reason', 'Good price', 2],
      ['won', 'other', null, 1],
      ['lost', 'reason', 'Price too high', 2],
      ['lost', 'other', null, 1],
      ['lost', 'none', null, 1],
    ]);
    expect(rows[1]!.words).toEqual(['Knew the owner']);
    expect(rows[2]!.value.converted.amount).toBe(400_000);
  });

  it('gives the win rate against each competitor and what they took', () => {
    const rows = analyseWinLoss(input()).byCompetitor;
    const angkorRow = rows.find((row) => row.competitor.id === angkor.id)!;
    // Met on three closed deals: won one, lost two (one to them, one to Mekong); the open deal does not count.
    expect(angkorRow.faced).toBe(3);
    expect([angkorRow.won.count, angkorRow.lost.count, angkorRow.lostToThem.count]).toEqual([1, 2, 1]);
    expect(angkorRow.winRate).toBeCloseTo(1 / 3);
    expect(angkorRow.lostToThem.value.converted.amount).toBe(100_000);
    const mekongRow = rows.find((row) => row.competitor.id === mekong.id)!;
    expect([mekongRow.faced, mekongRow.lostToThem.count, mekongRow.winRate]).toEqual([1, 1, 0]);
    expect(rows[0]!.competitor.id).toBe(angkor.id);
  });

  it('says where lost deals stopped, every stage of the pipeline in order', () => {
    const rows = analyseWinLoss(input()).lostAtStage;
    expect(rows.map((row) => [row.stageName, row.count])).toEqual([
      ['Connect', 1],
      ['Qualify', 2],
      ['Demo', 1],
      ['Close', 0],
    ]);
  });

  it('narrows to one rep and one pipeline', () => {
    const dara = analyseWinLoss(input({ repId: DARA }));
    expect([dara.won.count, dara.lost.count]).toEqual([1, 1]);
    const elsewhere = analyseWinLoss(input({ pipelineId: '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a9999' }));
    expect([elsewhere.won.count, elsewhere.lost.count, elsewhere.winRate]).toEqual([0, 0, null]);
    expect(elsewhere.daysToClose).toEqual({ won: null, lost: null });
  });
});
