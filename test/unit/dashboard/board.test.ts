import { describe, expect, it } from 'vitest';
import { boardColumns, columnTotal, pipelinesFor, stageAfterKey } from '@/lib/dashboard/board';
import { newDeal } from '@/lib/db/deals';
import { type Deal, defaultPipeline, type Pipeline } from '@/lib/model';

const NOW = Date.UTC(2026, 10, 23);
const pipeline = defaultPipeline(NOW);
const [connect, qualify, demo, close] = pipeline.stages.map((s) => s.id) as [string, string, string, string];

function deal(overrides: Partial<Deal>): Deal {
  return { ...newDeal({ title: 'Deal', pipelineId: pipeline.id, stageId: connect }, NOW), ...overrides };
}

describe('keyboard moves on the board', () => {
  it('moves one stage right or left, and to either end with Home and End', () => {
    expect(stageAfterKey(pipeline, qualify, 'ArrowRight')).toBe(demo);
    expect(stageAfterKey(pipeline, qualify, 'ArrowLeft')).toBe(connect);
    expect(stageAfterKey(pipeline, qualify, 'Home')).toBe(connect);
    expect(stageAfterKey(pipeline, qualify, 'End')).toBe(close);
  });

  it('says nothing moved at an edge, so the board can announce that instead', () => {
    expect(stageAfterKey(pipeline, connect, 'ArrowLeft')).toBeNull();
    expect(stageAfterKey(pipeline, close, 'ArrowRight')).toBeNull();
    expect(stageAfterKey(pipeline, connect, 'Home')).toBeNull();
  });

  it('follows the reading direction in a right-to-left layout', () => {
    expect(stageAfterKey(pipeline, qualify, 'ArrowLeft', true)).toBe(demo);
    expect(stageAfterKey(pipeline, qualify, 'ArrowRight', true)).toBe(connect);
  });
});

describe('board columns', () => {
  it('puts open deals in their stage, leaves won, lost and deleted ones off, and filters by rep and text', () => {
    const rep = crypto.randomUUID();
    const company = crypto.randomUUID();
    const deals = [
      deal({ title: 'Rice mill', stageId: demo, ownerId: rep, companyId: company }),
      deal({ title: 'Solar roof', stageId: demo }),
      deal({ title: 'Won one', status: 'won' }),
      deal({ title: 'Gone', deletedAt: NOW }),
      deal({ title: 'Orphan', stageId: crypto.randomUUID() }),
    ];
    const names = { [company]: 'អង្គរ Trading' };
    const all = boardColumns(pipeline, deals, { ownerId: null, text: '' }, names);
    expect(all.map((c) => c.deals.map((d) => d.title))).toEqual([['Orphan'], [], ['Rice mill', 'Solar roof'], []]);
    const mine = boardColumns(pipeline, deals, { ownerId: rep, text: '' }, names);
    expect(mine.flatMap((c) => c.deals.map((d) => d.title))).toEqual(['Rice mill']);
    const unowned = boardColumns(pipeline, deals, { ownerId: 'none', text: '' }, names);
    expect(unowned.flatMap((c) => c.deals.map((d) => d.title))).toEqual(['Orphan', 'Solar roof']);
    const byCompany = boardColumns(pipeline, deals, { ownerId: null, text: 'អង្គរ' }, names);
    expect(byCompany.flatMap((c) => c.deals.map((d) => d.title))).toEqual(['Rice mill']);
  });

  it('offers a rep their own pipeline first, then the shared ones', () => {
    const rep = crypto.randomUUID();
    const own: Pipeline = { ...defaultPipeline(NOW), name: 'Mine', ownerId: rep };
    const other: Pipeline = { ...defaultPipeline(NOW), name: 'Theirs', ownerId: crypto.randomUUID() };
    expect(pipelinesFor([pipeline, other, own], rep).map((p) => p.name)).toEqual(['Mine', 'Sales', 'Theirs']);
  });
});

describe('column totals', () => {
  const rates = { KHR: 1 / 4000 };

  it('sums per currency and converts riel to dollars with the settings rate', () => {
    const total = columnTotal(
      [
        deal({ value: { amount: 150_000, currency: 'USD' } }),
        deal({ value: { amount: 4_000_000, currency: 'KHR' } }),
        deal({ value: { amount: 2_000_000, currency: 'KHR' } }),
      ],
      'USD',
      rates,
    );
    expect(total.byCurrency).toEqual([
      { currency: 'USD', amount: 150_000 },
      { currency: 'KHR', amount: 6_000_000 },
    ]);
    // $1,500.00 + ៛6,000,000 / 4,000 = $1,500 + $1,500
    expect(total.converted).toEqual({ amount: 300_000, currency: 'USD' });
    expect(total.missingRates).toEqual([]);
  });

  it('converts dollars into whole riel when riel is the default', () => {
    const total = columnTotal([deal({ value: { amount: 1_050, currency: 'USD' } })], 'KHR', { USD: 4100 });
    expect(total.converted).toEqual({ amount: 43_050, currency: 'KHR' });
  });

  it('gives no sum, and names the currency, when a rate is missing', () => {
    const total = columnTotal(
      [deal({ value: { amount: 100, currency: 'USD' } }), deal({ value: { amount: 5_000, currency: 'THB' } })],
      'USD',
      rates,
    );
    expect(total.converted).toBeNull();
    expect(total.missingRates).toEqual(['THB']);
  });

  it('is empty for an empty column', () => {
    expect(columnTotal([], 'USD', rates)).toEqual({
      byCurrency: [],
      converted: { amount: 0, currency: 'USD' },
      missingRates: [],
    });
  });
});
