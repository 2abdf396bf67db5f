import { describe, expect, it } from 'vitest';
import { activitySchema } from '../../../lib/model/activity';
import { contactSchema } from '../../../lib/model/contact';
import { dealSchema } from '../../../lib/model/deal';
import { pipelineSchema } from '../../../lib/model/pipeline';
import { settingsSchema } from '../../../lib/model/settings';
import { taskSchema } from '../../../lib/model/task';
import { activitiesPerRepAndType, newLeadsBySource, overdueTasks } from '../../../lib/reports/activity-figures';
import {
  averageSalesCycleDays,
  closedDeals,
  dealsClosedPerPeriod,
  dealsMovedStage,
  pipelineValueByStage,
  weightedForecast,
  winRate,
} from '../../../lib/reports/deal-figures';
import type { FigureFilter, FiguresInput } from '../../../lib/reports/figures';
import { percentile } from '../../../lib/stats/percentile';
import {
  CONTACT,
  DEAL,
  FEBRUARY,
  HOUR,
  MARCH,
  NOW,
  PIPELINE,
  pp,
  REP,
  records,
  SOURCE,
  STAGE,
  settings,
  TASK,
} from './dataset';

const march: FigureFilter = { from: MARCH.start, to: MARCH.end };
const input = (filter: Partial<FigureFilter> = {}, overrides: Partial<FiguresInput> = {}): FiguresInput => ({
  ...records,
  ...overrides,
  filter: { ...march, ...filter },
});

describe('the dataset', () => {
  it('is made of records the model accepts', () => {
    for (const deal of records.deals) dealSchema.parse(deal);
    for (const pipeline of records.pipelines) pipelineSchema.parse(pipeline);
    for (const activity of records.activities) activitySchema.parse(activity);
    for (const task of records.tasks) taskSchema.parse(task);
    for (const contact of records.contacts) contactSchema.parse(contact);
    settingsSchema.parse(records.settings);
  });
});

describe('pipelineValueByStage', () => {
  it('sums open deals per stage, per currency and converted, with THB (no rate) kept apart', () => {
    const value = pipelineValueByStage(input());
    const row = (stageId: string) => value.stages.find((stage) => stage.stageId === stageId)!;
    // Connect: d1 USD 1,000.00 (the tombstoned d6, USD 9,999.00, is not there).
    expect(row(STAGE.connect)).toMatchObject({ stageName: 'Connect', count: 1 });
    expect(row(STAGE.connect).value.converted).toEqual({ amount: 100_000, currency: 'USD' });
    // Qualify: d4 THB 100,000.00 with no rate: converted 0, reported as missing.
    expect(row(STAGE.qualify).value).toEqual({
      byCurrency: [{ amount: 10_000_000, currency: 'THB' }],
      converted: { amount: 0, currency: 'USD' },
      missingRate: [{ amount: 10_000_000, currency: 'THB' }],
      missingRateCount: 1,
    });
    // Demo: d2 KHR 4,000,000 / 4,000 = USD 1,000.00.
    expect(row(STAGE.demo).value.byCurrency).toEqual([{ amount: 4_000_000, currency: 'KHR' }]);
    expect(row(STAGE.demo).value.converted).toEqual({ amount: 100_000, currency: 'USD' });
    // Close: d3 USD 2,500.00. Wholesale Lead: d5 USD 500.00; Offer: empty but listed.
    expect(row(STAGE.close).value.converted.amount).toBe(250_000);
    expect(row(STAGE.wholesaleLead).value.converted.amount).toBe(50_000);
    expect(row(STAGE.wholesaleOffer)).toMatchObject({ count: 0, stageName: 'Offer' });
    expect(value.stages.map((stage) => stage.stageId)).toEqual([
      STAGE.connect,
      STAGE.qualify,
      STAGE.demo,
      STAGE.close,
      STAGE.wholesaleLead,
      STAGE.wholesaleOffer,
    ]);
    // Total: 5 open deals; 1,000 + 1,000 + 2,500 + 500 = USD 5,000.00 converted, plus THB 100,000.00 unconverted.
    expect(value.count).toBe(5);
    expect(value.total.converted).toEqual({ amount: 500_000, currency: 'USD' });
    expect(value.total.missingRate).toEqual([{ amount: 10_000_000, currency: 'THB' }]);
    expect(value.total.byCurrency).toEqual([
      { amount: 4_000_000, currency: 'KHR' },
      { amount: 10_000_000, currency: 'THB' },
      { amount: 400_000, currency: 'USD' }, // 1,000 + 2,500 + 500
    ]);
  });

  it('reports KHR as missing, not as zero, when its rate is gone', () => {
    const noRates = { ...settings, exchangeRates: {} };
    const value = pipelineValueByStage(input({}, { settings: noRates }));
    // USD only: 1,000 + 2,500 + 500 = 5,000.00; KHR 4,000,000 (d2) and THB (d4) are listed apart.
    expect(value.total.converted).toEqual({ amount: 400_000, currency: 'USD' });
    expect(value.total.missingRate).toEqual([
      { amount: 4_000_000, currency: 'KHR' },
      { amount: 10_000_000, currency: 'THB' },
    ]);
    expect(value.total.missingRateCount).toBe(2);
  });

  it('converts into riel when riel is the default currency', () => {
    const inRiel = { ...settings, defaultCurrency: 'KHR', exchangeRates: { USD: 4000 } };
    const value = pipelineValueByStage(input({ repId: REP.sokha }, { settings: inRiel }));
    // Sokha's open deals: d1 1,000 + d3 2,500 + d5 500 = USD 4,000.00 × 4,000 = KHR 16,000,000.
    expect(value.total.converted).toEqual({ amount: 16_000_000, currency: 'KHR' });
    expect(value.total.missingRate).toEqual([]);
  });

  it('narrows to a rep and to a pipeline', () => {
    // Dara's open deals: d2 (KHR → USD 1,000.00) and d4 (THB, no rate).
    const dara = pipelineValueByStage(input({ repId: REP.dara }));
    expect(dara.count).toBe(2);
    expect(dara.total.converted.amount).toBe(100_000);
    // Wholesale pipeline only: its two stages, d5 USD 500.00.
    const wholesale = pipelineValueByStage(input({ pipelineId: PIPELINE.wholesale }));
    expect(wholesale.stages.map((stage) => stage.stageId)).toEqual([STAGE.wholesaleLead, STAGE.wholesaleOffer]);
    expect(wholesale.total.converted.amount).toBe(50_000);
  });

  it('treats the stages of a deleted pipeline as unknown, and still counts their deals', () => {
    const deleted = records.pipelines.map((pipeline) =>
      pipeline.id === PIPELINE.wholesale ? { ...pipeline, deletedAt: pp(2026, 3, 1) } : pipeline,
    );
    const value = pipelineValueByStage(input({}, { pipelines: deleted }));
    // Sales' four stages, then d5's stage with no name; the total still holds d5's USD 500.00.
    expect(value.stages.map((stage) => [stage.stageId, stage.stageName, stage.count])).toEqual([
      [STAGE.connect, 'Connect', 1],
      [STAGE.qualify, 'Qualify', 1],
      [STAGE.demo, 'Demo', 1],
      [STAGE.close, 'Close', 1],
      [STAGE.wholesaleLead, null, 1],
    ]);
    expect(value.total.converted.amount).toBe(500_000);
    // With no stage probability d5 weighs 0, but stays counted in the no-date bucket.
    const noDate = weightedForecast(input({}, { pipelines: deleted })).buckets.at(-1)!;
    expect([noDate.month, noDate.count, noDate.weighted.converted.amount]).toEqual([null, 1, 0]);
  });

  it('keeps deals whose stage was removed, under an unnamed stage', () => {
    const orphan = { ...records.deals.find((deal) => deal.id === DEAL.d1)!, stageId: CONTACT.c1 };
    const value = pipelineValueByStage(input({}, { deals: [orphan] }));
    expect(value.stages.at(-1)).toMatchObject({ stageId: CONTACT.c1, stageName: null, count: 1 });
    expect(value.total.converted.amount).toBe(100_000);
  });
});

describe('weightedForecast', () => {
  it('weights open deals by stage probability or override, by expected-close month in Phnom Penh', () => {
    const forecast = weightedForecast(input());
    expect(forecast.buckets.map((bucket) => bucket.month)).toEqual(['2026-04', '2026-05', null]);
    const [april, may, noDate] = forecast.buckets;
    // April: d1 100,000 × 0.1 = 10,000 + d3 250,000 × 0.5 (override beats Close's 0.9) = 125,000 → 135,000 cents;
    // d4 THB 10,000,000 × 0.3 = 3,000,000 satang, no rate.
    expect(april).toMatchObject({ count: 3 });
    expect(april!.weighted).toEqual({
      byCurrency: [
        { amount: 3_000_000, currency: 'THB' },
        { amount: 135_000, currency: 'USD' },
      ],
      converted: { amount: 135_000, currency: 'USD' },
      missingRate: [{ amount: 3_000_000, currency: 'THB' }],
      missingRateCount: 1,
    });
    // Unweighted April: 100,000 + 250,000 = 350,000 cents.
    expect(april!.unweighted.converted.amount).toBe(350_000);
    // May: d2 expected 1 May 00:30 local (30 Apr in UTC): KHR 4,000,000 × 0.6 = 2,400,000 / 4,000 = USD 600.00.
    expect(may).toMatchObject({ count: 1 });
    expect(may!.weighted.converted).toEqual({ amount: 60_000, currency: 'USD' });
    // No date: d5 50,000 × 0.2 = 10,000.
    expect(noDate).toMatchObject({ count: 1 });
    expect(noDate!.weighted.converted.amount).toBe(10_000);
    // Total: 135,000 + 60,000 + 10,000 = 205,000 cents, plus THB 30,000.00 unconverted.
    expect(forecast.weighted.converted.amount).toBe(205_000);
    expect(forecast.weighted.missingRate).toEqual([{ amount: 3_000_000, currency: 'THB' }]);
  });

  it('applies rep and pipeline filters', () => {
    // Sokha: d1 10,000 + d3 125,000 (April), d5 10,000 (no date).
    const sokha = weightedForecast(input({ repId: REP.sokha }));
    expect(sokha.buckets.map((bucket) => [bucket.month, bucket.weighted.converted.amount])).toEqual([
      ['2026-04', 135_000],
      [null, 10_000],
    ]);
    // Sales pipeline: no d5, so no no-date bucket.
    const sales = weightedForecast(input({ pipelineId: PIPELINE.sales }));
    expect(sales.buckets.map((bucket) => bucket.month)).toEqual(['2026-04', '2026-05']);
  });
});

describe('winRate', () => {
  it('counts deals closed in the local month: d7 in, d11 out, the tombstone d13 ignored', () => {
    // March: won d7 (1 Mar 06:00 local), d8, d9, d14; lost d10. 4 / (4 + 1) = 0.8.
    expect(winRate(input())).toEqual({ won: 4, lost: 1, rate: 0.8 });
    // February: won d15, lost d12 → 1 / 2.
    expect(winRate(input({ from: FEBRUARY.start, to: FEBRUARY.end }))).toEqual({ won: 1, lost: 1, rate: 0.5 });
  });

  it('moves with the zone: the same deals counted by UTC months give a different answer', () => {
    // UTC March [1 Mar 00:00Z, 1 Apr 00:00Z): d7 (28 Feb 23:00Z) drops out, d11 (31 Mar 17:30Z) comes in.
    const utcMarch = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };
    const won = closedDeals(input(utcMarch), 'won');
    expect(won.count).toBe(4); // d8, d9, d14, d11
    // USD: d9 120,000 + d11 70,000; KHR d8 8,000,000 → 200,000: 390,000 converted (local March says 620,000).
    expect(won.value.converted.amount).toBe(390_000);
  });

  it('is null when nothing closed, and follows the filters', () => {
    expect(winRate(input({ from: pp(2026, 6, 1), to: pp(2026, 7, 1) }))).toEqual({ won: 0, lost: 0, rate: null });
    // Sokha in March: won d7, d9; lost none.
    expect(winRate(input({ repId: REP.sokha }))).toEqual({ won: 2, lost: 0, rate: 1 });
    // Sales pipeline in March: won d7, d8; lost d10 → 2/3.
    expect(winRate(input({ pipelineId: PIPELINE.sales })).rate).toBeCloseTo(2 / 3, 12);
    // Dara in the wholesale pipeline: won d14 only.
    expect(winRate(input({ repId: REP.dara, pipelineId: PIPELINE.wholesale }))).toEqual({ won: 1, lost: 0, rate: 1 });
  });

  it('values won and lost deals in the default currency', () => {
    // Won in March: USD 300,000 (d7) + 120,000 (d9) = 420,000; KHR 8,000,000 / 4,000 = 200,000 cents (d8);
    // converted 620,000 = USD 6,200.00. THB 5,000.00 (d14) has no rate.
    const won = closedDeals(input(), 'won');
    expect(won.value).toEqual({
      byCurrency: [
        { amount: 8_000_000, currency: 'KHR' },
        { amount: 500_000, currency: 'THB' },
        { amount: 420_000, currency: 'USD' },
      ],
      converted: { amount: 620_000, currency: 'USD' },
      missingRate: [{ amount: 500_000, currency: 'THB' }],
      missingRateCount: 1,
    });
    expect(closedDeals(input(), 'lost').value.converted).toEqual({ amount: 80_000, currency: 'USD' });
  });
});

describe('averageSalesCycleDays', () => {
  it('averages creation → win for deals won in the period (mean and median)', () => {
    // d7 29, d8 10, d9 4.5, d14 33 days. Mean (29 + 10 + 4.5 + 33) / 4 = 76.5 / 4 = 19.125.
    // Median of 4.5, 10, 29, 33 = (10 + 29) / 2 = 19.5.
    expect(averageSalesCycleDays(input())).toEqual({ count: 4, meanDays: 19.125, medianDays: 19.5 });
  });

  it('follows the rep filter and is null without wins', () => {
    // Sokha: d7 29, d9 4.5 → mean = median = 33.5 / 2 = 16.75.
    expect(averageSalesCycleDays(input({ repId: REP.sokha }))).toEqual({
      count: 2,
      meanDays: 16.75,
      medianDays: 16.75,
    });
    // Dara, sales pipeline: d8 10 days only.
    expect(averageSalesCycleDays(input({ repId: REP.dara, pipelineId: PIPELINE.sales }))).toEqual({
      count: 1,
      meanDays: 10,
      medianDays: 10,
    });
    expect(averageSalesCycleDays(input({ from: pp(2026, 6, 1), to: pp(2026, 7, 1) }))).toEqual({
      count: 0,
      meanDays: null,
      medianDays: null,
    });
  });
});

describe('percentile (linear interpolation between closest ranks)', () => {
  it('matches hand-computed values for odd and even counts', () => {
    // n = 5: h = 4 × 0.5 = 2 → x[2] = 3; p90: h = 3.6 → 4 + 0.6 × (10 − 4) = 7.6.
    expect(percentile([1, 2, 3, 4, 10], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 10], 90)).toBeCloseTo(7.6, 12);
    // n = 4: h = 1.5 → 2 + 0.5 × (3 − 2) = 2.5 (the usual median); p90: h = 2.7 → 3 + 0.7 × 1 = 3.7.
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 90)).toBeCloseTo(3.7, 12);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3], 100)).toBe(3);
  });
});

describe('dealsClosedPerPeriod', () => {
  it('counts per local month, empty months included', () => {
    // 1 Feb .. 1 May local. Feb: won d15, lost d12. Mar: won d7 d8 d9 d14, lost d10. Apr: won d11 (00:30 on the 1st).
    const months = dealsClosedPerPeriod(input({ from: FEBRUARY.start, to: pp(2026, 5, 1) }), 'month');
    expect(months.map(({ key, won, lost }) => ({ key, won, lost }))).toEqual([
      { key: '2026-02', won: 1, lost: 1 },
      { key: '2026-03', won: 4, lost: 1 },
      { key: '2026-04', won: 1, lost: 0 },
    ]);
    expect(months[1]).toMatchObject({ start: MARCH.start, end: MARCH.end });
  });

  it('counts per Monday week, clipped to the filter', () => {
    // 1 Mar 2026 is a Sunday, so March touches six Monday weeks. d7 (Sun 1 Mar) is in the week of 23 Feb;
    // d9 (6 Mar) 2 Mar; d8 (11 Mar) 9 Mar; d10 lost (20 Mar) 16 Mar; d14 (25 Mar) 23 Mar; d11 is April, outside.
    const weeks = dealsClosedPerPeriod(input(), 'week');
    expect(weeks.map(({ key, won, lost }) => [key, won, lost])).toEqual([
      ['2026-02-23', 1, 0],
      ['2026-03-02', 1, 0],
      ['2026-03-09', 1, 0],
      ['2026-03-16', 0, 1],
      ['2026-03-23', 1, 0],
      ['2026-03-30', 0, 0],
    ]);
  });
});

describe('activitiesPerRepAndType', () => {
  it('counts March activities per rep and type, tombstones and other months left out', () => {
    // Sokha: emails a1–a8 (8), a19, a20, a23 (3) = 11; call b101; meeting b103; note b104 (31 Mar 23:30) → 14.
    // Dara: emails a10, a11, a12–a14, a18 (1 Mar 07:00), a21, a22 = 8 (a9 is a tombstone, a17 is 28 Feb);
    //       call b102 → 9 (note b105 is 1 Apr 00:30 local).
    // No rep: voicemail b107 → 1. The deleted call b108 and February's b106 do not count.
    expect(activitiesPerRepAndType(input())).toEqual([
      {
        repId: REP.sokha,
        total: 14,
        byType: { email: 11, call: 1, meeting: 1, note: 1, voicemail: 0, satisfaction: 0 },
      },
      { repId: REP.dara, total: 9, byType: { email: 8, call: 1, meeting: 0, note: 0, voicemail: 0, satisfaction: 0 } },
      { repId: null, total: 1, byType: { email: 0, call: 0, meeting: 0, note: 0, voicemail: 1, satisfaction: 0 } },
    ]);
    expect(activitiesPerRepAndType(input({ repId: REP.dara })).map((rep) => rep.total)).toEqual([9]);
  });
});

describe('overdueTasks', () => {
  it('lists open tasks due before now, oldest first', () => {
    // k2 due 15 Mar 09:00 → 16 days 23 h before NOW (1 Apr 08:00) = 407 h; k1 due 30 Mar 09:00 → 47 h.
    // Not: k3 done, k4 due tomorrow, k5 tombstone, k6 due exactly now, k7 cancelled.
    const overdue = overdueTasks(input());
    expect(overdue.map((item) => [item.task.id, item.overdueMs])).toEqual([
      [TASK.k2, 407 * HOUR],
      [TASK.k1, 47 * HOUR],
    ]);
    expect(overdueTasks(input({ repId: REP.sokha })).map((item) => item.task.id)).toEqual([TASK.k1]);
    // One millisecond later, k6 is overdue too.
    expect(overdueTasks(input({}, { now: NOW + 1 }))).toHaveLength(3);
  });
});

describe('newLeadsBySource', () => {
  it('counts contacts created in the local month by source, and how many are still leads', () => {
    // March: c2 (web, lead; 1 Mar 00:00 local), c3 (referral, customer), c4 (no source, lead; 31 Mar 23:30).
    // Not: c1 (January), c5 (1 Apr 00:30 local), c8 (1 Apr 00:00 local), c6 (merged, tombstoned), c7 (February).
    expect(newLeadsBySource(input())).toEqual([
      { sourceId: SOURCE.referral, contacts: 1, leads: 0 },
      { sourceId: SOURCE.web, contacts: 1, leads: 1 },
      { sourceId: null, contacts: 1, leads: 1 },
    ]);
    expect(newLeadsBySource(input({ from: FEBRUARY.start, to: FEBRUARY.end }))).toEqual([
      { sourceId: SOURCE.referral, contacts: 1, leads: 1 },
    ]);
    expect(newLeadsBySource(input({ repId: REP.dara }))).toEqual([
      { sourceId: SOURCE.referral, contacts: 1, leads: 0 },
      { sourceId: null, contacts: 1, leads: 1 },
    ]);
  });
});

describe('dealsMovedStage', () => {
  it('counts deals whose stage changed in the period, not deals merely created in it', () => {
    // d9 → Offer (4 Mar), d2 → Demo (10 Mar), d3 → Close (20 Mar). Not: d4 and d8 (created in March, never moved),
    // d6 (tombstone), d5 and d7 (moved in February).
    const moved = dealsMovedStage(input());
    expect(moved.count).toBe(3);
    expect(moved.byStage.map((move) => [move.stageName, move.count])).toEqual([
      ['Demo', 1],
      ['Close', 1],
      ['Offer', 1],
    ]);
    expect(dealsMovedStage(input({ pipelineId: PIPELINE.wholesale })).count).toBe(1);
    expect(dealsMovedStage(input({ from: FEBRUARY.start, to: FEBRUARY.end })).count).toBe(2);
  });
});
