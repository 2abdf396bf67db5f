import { describe, expect, it } from 'vitest';
import type { Deal } from '@/lib/model';
import { weightedForecast } from '@/lib/reports/deal-figures';
import type { FiguresInput } from '@/lib/reports/figures';
import { forecastByRepAndMonth } from '@/lib/reports/forecast-by-rep';
import { teamSummary } from '@/lib/reports/team-figures';
import {
  activities,
  contacts,
  deals,
  MARCH,
  NOW,
  PIPELINE,
  pipelines,
  pp,
  REP,
  STAGE,
  settings,
  tasks,
  uuid,
} from './dataset';

const input = (some: readonly Deal[] = deals): FiguresInput => ({
  deals: some,
  pipelines,
  activities,
  tasks,
  contacts,
  settings,
  now: NOW,
  filter: { from: MARCH.start, to: MARCH.end },
});

const openDeal = (
  n: number,
  ownerId: string | null,
  amount: number,
  currency: string,
  closeAt: number | null,
): Deal => ({
  id: uuid(9, n),
  createdAt: NOW,
  updatedAt: NOW,
  deletedAt: null,
  title: `Deal ${n}`,
  value: { amount, currency },
  pipelineId: PIPELINE.sales,
  stageId: STAGE.demo, // 60 %
  status: 'open',
  lostReason: '',
  expectedCloseAt: closeAt,
  closedAt: null,
  probabilityOverride: null,
  contactIds: [],
  companyId: null,
  ownerId,
  threadId: null,
  stageChangedAt: NOW,
  custom: {},
});

describe('the forecast per rep and month', () => {
  it('weighs each open deal into its owner row and close month, in the default currency and per currency', () => {
    const mine: Deal[] = [
      openDeal(1, REP.sokha, 100_00, 'USD', pp(2026, 4, 10)),
      openDeal(2, REP.sokha, 4_000_000, 'KHR', pp(2026, 5, 1, 0, 30)),
      openDeal(3, REP.dara, 50_00, 'USD', pp(2026, 4, 30, 23, 0)),
      openDeal(4, null, 10_00, 'USD', null),
      { ...openDeal(5, REP.dara, 999_00, 'USD', pp(2026, 4, 2)), status: 'won' },
    ];
    const table = forecastByRepAndMonth(input(mine), [REP.sokha, REP.dara, null]);
    expect(table.months).toEqual(['2026-04', '2026-05', null]);
    const [sokha, dara, nobody] = table.rows;
    expect(sokha?.count).toBe(2);
    expect(sokha?.cells.map((cell) => cell.converted.amount)).toEqual([60_00, 600_00, 0]);
    expect(sokha?.total.byCurrency).toEqual([
      { amount: 2_400_000, currency: 'KHR' },
      { amount: 60_00, currency: 'USD' },
    ]);
    expect(sokha?.total.converted).toEqual({ amount: 660_00, currency: 'USD' });
    expect(dara?.cells.map((cell) => cell.converted.amount)).toEqual([30_00, 0, 0]);
    expect(nobody?.cells.map((cell) => cell.converted.amount)).toEqual([0, 0, 6_00]);
    expect(table.columnTotals.map((cell) => cell.converted.amount)).toEqual([90_00, 600_00, 6_00]);
    expect(table.total.converted.amount).toBe(696_00);
  });

  it("agrees with the weighted forecast: each row is the rep's forecast, each column the month's", () => {
    const table = forecastByRepAndMonth(input(), [REP.sokha, REP.dara, null]);
    const all = weightedForecast(input());
    expect(table.months).toEqual(all.buckets.map((bucket) => bucket.month));
    expect(table.columnTotals).toEqual(all.buckets.map((bucket) => bucket.weighted));
    expect(table.total).toEqual(all.weighted);
    for (const row of table.rows.filter((r) => r.repId !== null)) {
      const own = weightedForecast({ ...input(), filter: { ...input().filter, repId: row.repId } });
      expect(row.total).toEqual(own.weighted);
    }
  });

  it("leaves out the deals of reps not asked for, so a rep's table totals only their own", () => {
    const table = forecastByRepAndMonth(input(), [REP.dara]);
    expect(table.rows.map((row) => row.repId)).toEqual([REP.dara]);
    expect(table.total).toEqual(table.rows[0]?.total);
  });
});

describe("the manager's line per rep", () => {
  it('counts open deals, pipeline and weighted value and overdue tasks of each rep', () => {
    const mine = [openDeal(1, REP.sokha, 100_00, 'USD', null), openDeal(2, REP.dara, 4_000_000, 'KHR', null)];
    const [sokha, dara] = teamSummary(input(mine), [REP.sokha, REP.dara]);
    expect(sokha).toMatchObject({ openDeals: 1, pipeline: { converted: { amount: 100_00 } } });
    expect(sokha?.weighted.converted.amount).toBe(60_00);
    expect(dara?.pipeline.byCurrency).toEqual([{ amount: 4_000_000, currency: 'KHR' }]);
    expect(dara?.weighted.converted.amount).toBe(600_00);
    const overdue = tasks.filter((task) => task.status === 'open' && task.dueAt < NOW && task.deletedAt === null);
    expect([...(sokha?.overdue ?? []), ...(dara?.overdue ?? [])].map((o) => o.task.id).sort()).toEqual(
      overdue
        .filter((task) => task.ownerId !== null)
        .map((task) => task.id)
        .sort(),
    );
  });
});
