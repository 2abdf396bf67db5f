import type { RepSummary } from '@/lib/reports/team-figures';
import { money } from '../../format';
import { formatCount, t } from '../../i18n';
import { FigureCard } from '../reports/FigureCard';
import { moneyTotal, perCurrency } from '../reports/report-format';

/** Each rep's open pipeline and weighted forecast, drawn by the forecast, with their overdue follow-ups counted. */
export function RepPipelineFigure({
  summary,
  repName,
}: {
  summary: RepSummary[];
  repName(repId: string | null): string;
}) {
  return (
    <FigureCard
      wide
      title={t('team_view_pipeline')}
      hint={t('fig_pipeline_value_hint')}
      empty={summary.every((line) => line.openDeals === 0) ? t('dash_total_none') : null}
      columns={[
        t('fig_rep'),
        t('fig_deals'),
        t('fig_unweighted'),
        t('fig_weighted'),
        t('fig_by_currency'),
        t('team_view_overdue_count'),
      ]}
      rows={summary.map((line) => ({
        key: line.repId ?? 'none',
        head: repName(line.repId),
        cells: [
          formatCount(line.openDeals),
          moneyTotal(line.pipeline),
          moneyTotal(line.weighted),
          perCurrency(line.weighted),
          formatCount(line.overdue.length),
        ],
        plot: { values: [line.weighted.converted.amount], text: money(line.weighted.converted) },
      }))}
    />
  );
}
