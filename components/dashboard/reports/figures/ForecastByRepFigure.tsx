import { useState } from 'preact/hooks';
import type { MoneyBreakdown } from '@/lib/reports/figures';
import type { RepForecast } from '@/lib/reports/forecast-by-rep';
import { money } from '../../../format';
import { t } from '../../../i18n';
import { FigureCard } from '../FigureCard';
import { moneyTotal, monthFromKey } from '../report-format';

/** "default": every currency converted into the default one; else one currency's own amounts, unconverted. */
type Shown = 'default' | string;

function cellText(breakdown: MoneyBreakdown, shown: Shown): string {
  if (breakdown.byCurrency.length === 0) return '—';
  if (shown === 'default') return moneyTotal(breakdown);
  const own = breakdown.byCurrency.find((m) => m.currency === shown);
  return own ? money(own) : '—';
}

/**
 * The weighted forecast as reps × expected-close months with row and column totals: in the default currency, or in
 * one currency at a time (riel and dollars each as they were quoted, with no rate in between).
 */
export function ForecastByRepFigure({
  forecast,
  currencies,
  defaultCurrency,
  repName,
}: {
  forecast: RepForecast;
  currencies: string[];
  defaultCurrency: string;
  repName(repId: string | null): string;
}) {
  const [shown, setShown] = useState<Shown>('default');
  const amount = (breakdown: MoneyBreakdown) =>
    shown === 'default'
      ? breakdown.converted.amount
      : (breakdown.byCurrency.find((m) => m.currency === shown)?.amount ?? 0);
  const plotted = (breakdown: MoneyBreakdown) =>
    shown === 'default' ? money(breakdown.converted) : money({ amount: amount(breakdown), currency: shown });
  return (
    <div class="stack">
      <label class="row">
        {t('fig_amounts_in')}
        <select value={shown} onChange={(e) => setShown(e.currentTarget.value)}>
          <option value="default">{t('fig_all_in', { currency: defaultCurrency })}</option>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {t('fig_only_in', { currency })}
            </option>
          ))}
        </select>
      </label>
      <FigureCard
        wide
        title={t('fig_forecast_by_rep')}
        hint={t('fig_forecast_hint')}
        empty={forecast.months.length === 0 ? t('dash_total_none') : null}
        columns={[t('fig_rep'), ...forecast.months.map(monthFromKey), t('fig_total')]}
        rows={forecast.rows.map((row) => ({
          key: row.repId ?? 'none',
          head: repName(row.repId),
          cells: [...row.cells.map((cell) => cellText(cell, shown)), cellText(row.total, shown)],
          plot: { values: [amount(row.total)], text: plotted(row.total) },
        }))}
        total={[...forecast.columnTotals.map((cell) => cellText(cell, shown)), cellText(forecast.total, shown)]}
      />
    </div>
  );
}
