import { describe, expect, it } from 'vitest';
import { rebaseRates } from '@/lib/dashboard/currency';
import {
  addStage,
  keyFromLabel,
  parsePercent,
  parseRate,
  removeStage,
  shiftStage,
} from '@/lib/dashboard/pipeline-edit';
import { convertMoney, defaultPipeline } from '@/lib/model';

describe('pipeline stage edits', () => {
  const pipeline = defaultPipeline(0);
  it('adds, reorders and removes stages without touching the others', () => {
    const added = addStage(pipeline, 'Contract');
    expect(added.stages.map((s) => s.name)).toEqual(['Connect', 'Qualify', 'Demo', 'Close', 'Contract']);
    const up = shiftStage(added, added.stages[4]!.id, -1);
    expect(up.stages.map((s) => s.name)).toEqual(['Connect', 'Qualify', 'Demo', 'Contract', 'Close']);
    expect(shiftStage(up, up.stages[0]!.id, -1)).toBe(up);
    expect(removeStage(up, up.stages[1]!.id).stages.map((s) => s.name)).toEqual([
      'Connect',
      'Demo',
      'Contract',
      'Close',
    ]);
  });

  it('reads a percentage, Khmer digits included', () => {
    expect(parsePercent('60')).toBe(0.6);
    expect(parsePercent('៧៥%')).toBe(0.75);
    expect(parsePercent('120')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
  });

  it('makes a stable key from a label', () => {
    expect(keyFromLabel('Budget (USD)', new Set())).toBe('budget_usd');
    expect(keyFromLabel('Budget (USD)', new Set(['budget_usd']))).toBe('budget_usd_2');
    expect(keyFromLabel('ខេត្ត', new Set())).toBe('field');
  });
});

describe('exchange rates', () => {
  it('reads a rate as the rep types it', () => {
    expect(parseRate('4,100')).toBe(4100);
    expect(parseRate('0')).toBeNull();
  });

  it('re-bases rates when the default currency changes, keeping their meaning', () => {
    const rates = { KHR: 1 / 4000, THB: 1 / 35 };
    const rebased = rebaseRates(rates, 'USD', 'KHR')!;
    expect(rebased.USD).toBeCloseTo(4000);
    expect(rebased.THB).toBeCloseTo(4000 / 35);
    const before = convertMoney({ amount: 3500, currency: 'THB' }, 'USD', 'USD', rates);
    const after = convertMoney({ amount: 3500, currency: 'THB' }, 'USD', 'KHR', rebased);
    expect(after).toEqual(before);
    expect(rebaseRates(rates, 'USD', 'EUR')).toBeNull();
  });
});
