import type { Forecast } from '@/lib/reports/deal-figures';
import { money } from '../../../format';
import { formatCount, t } from '../../../i18n';
import { FigureCard } from '../FigureCard';
import { moneyTotal, monthFromKey, perCurrency } from '../report-format';

/** Weighted value of the open deals by the month they are expected to close. */
export function ForecastFigure({ forecast }: { forecast: Forecast }) {
  return (
    <FigureCard
      title={t('fig_forecast')}
      hint={t('fig_forecast_hint')}
      series={[{ name: t('fig_weighted'), class: 'series-a' }]}
      empty={forecast.buckets.length === 0 ? t('dash_total_none') : null}
      columns={[t('fig_month'), t('fig_deals'), t('fig_weighted'), t('fig_by_currency'), t('fig_unweighted')]}
      rows={forecast.buckets.map((b) => ({
        key: b.month ?? 'none',
        head: monthFromKey(b.month),
        cells: [formatCount(b.count), moneyTotal(b.weighted), perCurrency(b.weighted), moneyTotal(b.unweighted)],
        plot: { values: [b.weighted.converted.amount], text: money(b.weighted.converted) },
      }))}
      total={['', moneyTotal(forecast.weighted), perCurrency(forecast.weighted), '']}
    />
  );
}
