import { describe, expect, it } from 'vitest';
import { BUILT_IN_KIND_IDS, newRecordBase, type PlanTarget, seedPlanTargets } from '@/lib/model';
import { evaluateTarget, evaluateTargets, isMet, type MonthValues } from '@/lib/plan/measures';
import type { ServiceFigures } from '@/lib/service/figures';

const complaint = BUILT_IN_KIND_IDS.complaint;
const [withinComplaints, satisfaction] = seedPlanTargets() as [PlanTarget, PlanTarget];

const row = {
  received: 10,
  answered: 10,
  medianMs: 3_600_000,
  p90Ms: 7_200_000,
  overTarget: 0,
  count: 0,
  goodShare: null,
};

/** A month whose complaints were answered within target `within` of the time, scored `average` on average. */
function month(key: string, within: number | null, average: number | null, winRate: number | null = null): MonthValues {
  const service = {
    overall: { ...row, withinTarget: within },
    byKind: within === null ? [] : [{ ...row, kindId: complaint, withinTarget: within, average, count: 3 }],
    byRep: [],
    byPeriod: [],
    satisfaction: { count: average === null ? 0 : 5, average, goodShare: null },
    overTarget: [],
    holders: [],
  } as ServiceFigures;
  return { key, start: Date.parse(`${key}-01T00:00:00Z`), service, winRate };
}

function target(fields: Pick<PlanTarget, 'measure' | 'comparison' | 'value' | 'order'>): PlanTarget {
  return { ...newRecordBase(1), kindId: null, ...fields };
}

describe('a target against the live value', () => {
  it('meets "complaints within target ≥ 90 %" at exactly 90 %, computed as 9 of 10', () => {
    const result = evaluateTarget(withinComplaints, [month('2026-11', 0.8, 4), month('2026-12', 9 / 10, 4.5)]);
    expect(result.value).toBeCloseTo(0.9);
    expect(result.met).toBe(true);
    expect(result.change).toBe('better');
    expect(result.trend.map((point) => point.key)).toEqual(['2026-11', '2026-12']);
  });

  it('misses satisfaction ≥ 4.2 at 4.1, and says it got worse than the last month that had scores', () => {
    const result = evaluateTarget(satisfaction, [
      month('2026-10', 0.9, 4.6),
      month('2026-11', 0.9, null),
      month('2026-12', 0.9, 4.1),
    ]);
    expect(result).toMatchObject({ value: 4.1, met: false, change: 'worse' });
  });

  it('has no value, no verdict and no trend direction in a month with no complaint', () => {
    const result = evaluateTarget(withinComplaints, [month('2026-11', 0.95, 4), month('2026-12', null, null)]);
    expect(result).toMatchObject({ value: null, met: null, change: null });
  });

  it('reads "at most" the other way: a lower median is better', () => {
    const median = target({ measure: 'medianMinutes', comparison: 'atMost', value: 90, order: 0 });
    const faster = month('2026-12', 1, 5);
    faster.service.overall.medianMs = 30 * 60_000;
    const result = evaluateTarget(median, [month('2026-11', 1, 5), faster]);
    expect(result).toMatchObject({ value: 30, met: true, change: 'better' });
    expect(isMet(median, 90.0000000001)).toBe(true);
    expect(isMet(median, 91)).toBe(false);
  });

  it('measures the win rate from the month, and leaves removed targets out, in their order', () => {
    const winRate = target({ measure: 'winRate', comparison: 'atLeast', value: 0.5, order: -1 });
    const removed = { ...satisfaction, deletedAt: 5 };
    const results = evaluateTargets([withinComplaints, removed, winRate], [month('2026-12', 0.5, 4, 0.25)]);
    expect(results.map((r) => [r.target.measure, r.value, r.met])).toEqual([
      ['winRate', 0.25, false],
      ['withinTarget', 0.5, false],
    ]);
  });
});
