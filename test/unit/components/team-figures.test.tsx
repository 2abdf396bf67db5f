import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangedBy } from '@/components/ChangedBy';
import { ForecastByRepFigure } from '@/components/dashboard/reports/figures/ForecastByRepFigure';
import type { MoneyBreakdown } from '@/lib/reports/figures';
import type { RepForecast } from '@/lib/reports/forecast-by-rep';

afterEach(() => {
  document.body.replaceChildren();
});

const sum = (usdCents: number, riel = 0): MoneyBreakdown => ({
  byCurrency: [
    ...(riel ? [{ amount: riel, currency: 'KHR' }] : []),
    ...(usdCents - riel / 40 ? [{ amount: usdCents - riel / 40, currency: 'USD' }] : []),
  ],
  converted: { amount: usdCents, currency: 'USD' },
  missingRate: [],
  missingRateCount: 0,
});
const none: MoneyBreakdown = {
  byCurrency: [],
  converted: { amount: 0, currency: 'USD' },
  missingRate: [],
  missingRateCount: 0,
};

// Dara: $600 in January; Sophea: ៛2,400,000 ($600 at 4,000 riel to the dollar) in February.
const forecast: RepForecast = {
  months: ['2027-01', '2027-02'],
  rows: [
    { repId: 'dara', count: 1, cells: [sum(600_00), none], total: sum(600_00) },
    { repId: 'sophea', count: 1, cells: [none, sum(600_00, 2_400_000)], total: sum(600_00, 2_400_000) },
  ],
  columnTotals: [sum(600_00), sum(600_00, 2_400_000)],
  total: sum(1_200_00, 2_400_000),
};

function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(
      <ForecastByRepFigure
        forecast={forecast}
        currencies={['USD', 'KHR']}
        defaultCurrency="USD"
        repName={(id) => (id === 'dara' ? 'Dara' : 'Sophea')}
      />,
      root,
    ),
  );
  return root;
}

const rowTexts = (root: HTMLElement) =>
  [...root.querySelectorAll('table tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
  );

describe('the forecast per rep and month', () => {
  it('is a table of reps × months with row and column totals in the default currency', () => {
    const root = mount();
    expect(rowTexts(root)).toEqual([
      ['Rep', 'Jan 2027', 'Feb 2027', 'Total'],
      ['Dara', '$600.00', '—', '$600.00'],
      ['Sophea', '—', '$600.00', '$600.00'],
      ['Total', '$600.00', '$600.00', '$1,200.00'],
    ]);
  });

  it('shows one currency at a time as it was quoted, a dash where a rep has none of it', async () => {
    const root = mount();
    const select = root.querySelector('select')!;
    await act(() => {
      select.value = 'KHR';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const rows = rowTexts(root);
    expect(rows[1]).toEqual(['Dara', '—', '—', '—']);
    expect(rows[2]?.[2]).toMatch(/2,400,000/);
    expect(rows[2]?.[2]).not.toMatch(/\.00/);
    expect(rows[3]?.[3]).toMatch(/2,400,000/);
  });
});

describe('changed by', () => {
  it('names the rep of the last change, and says nothing alone or before anything synced', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const at = Date.UTC(2026, 11, 6, 3, 42);
    act(() =>
      render(<ChangedBy changes={{ last: { by: 'Sophea', at }, history: [] }} timeZone="Asia/Phnom_Penh" />, root),
    );
    expect(root.textContent).toMatch(/^Changed by Sophea · .*10:42/);
    act(() => render(<ChangedBy changes={null} timeZone="UTC" />, root));
    expect(root.textContent).toBe('');
    act(() => render(<ChangedBy changes={{ last: null, history: [] }} timeZone="UTC" />, root));
    expect(root.textContent).toBe('');
  });
});
