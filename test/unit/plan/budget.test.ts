import { describe, expect, it } from 'vitest';
import { budgetLines, budgetTotals } from '@/lib/plan/budget';
import { budgetLine as line } from './fixtures';

describe('the budget summed per month and currency', () => {
  const lines = [
    line({ part: 'training', label: 'Phone course', planned: 20_000, spent: 15_000, plannedHours: 8, spentHours: 6 }),
    line({ part: 'tools', label: 'Headsets', planned: 5_000, spent: 7_500 }),
    line({ part: 'channels', label: 'Facebook ads', currency: 'KHR', planned: 400_000, spent: 100_000 }),
    line({ part: 'training', label: 'Course', month: '2026-11', planned: 10_000, spent: 10_000, spentHours: 4 }),
    line({ part: 'tools', label: 'Removed', planned: 99_999, deletedAt: 3 }),
  ];

  it('never adds riel to dollars, and sums each part within its month', () => {
    const totals = budgetTotals(lines);
    expect(totals.map((t) => [t.month, t.currency, t.planned, t.spent, t.plannedHours, t.spentHours])).toEqual([
      ['2026-12', 'KHR', 400_000, 100_000, 0, 0],
      ['2026-12', 'USD', 25_000, 22_500, 8, 6],
      ['2026-11', 'USD', 10_000, 10_000, 0, 4],
    ]);
    const december = totals[1]!;
    expect(december.byPart.tools).toEqual({ planned: 5_000, spent: 7_500, plannedHours: 0, spentHours: 0 });
    expect(december.byPart.channels.planned).toBe(0);
  });

  it('lists live lines newest month first, then by part', () => {
    expect(budgetLines(lines).map((l) => l.label)).toEqual(['Phone course', 'Headsets', 'Facebook ads', 'Course']);
  });
});
