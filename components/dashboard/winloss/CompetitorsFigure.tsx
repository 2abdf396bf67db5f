import type { CompetitorRow } from '@/lib/winloss/analysis';
import { formatCount, t } from '../../i18n';
import { FigureCard } from '../reports/FigureCard';
import { moneyTotal, rate } from '../reports/report-format';

/** Each competitor met on deals closed in the period: how often we won and lost against them. */
export function CompetitorsFigure({ rows }: { rows: CompetitorRow[] }) {
  const met = rows.filter((row) => row.faced > 0);
  return (
    <FigureCard
      title={t('winloss_by_competitor')}
      wide
      empty={met.length === 0 ? t('winloss_no_competitor_met') : null}
      series={[
        { name: t('fig_won'), class: 'series-won' },
        { name: t('fig_lost'), class: 'series-lost' },
      ]}
      columns={[
        t('winloss_competitor'),
        t('fig_won'),
        t('fig_lost'),
        t('winloss_lost_to_them'),
        t('winloss_value_lost_to_them'),
        t('fig_win_rate'),
      ]}
      rows={met.map((row) => ({
        key: row.competitor.id,
        head: row.competitor.name,
        cells: [
          formatCount(row.won.count),
          formatCount(row.lost.count),
          formatCount(row.lostToThem.count),
          moneyTotal(row.lostToThem.value),
          rate(row.winRate),
        ],
        plot: {
          values: [row.won.count, row.lost.count],
          text: `${formatCount(row.won.count)} / ${formatCount(row.lost.count)}`,
        },
      }))}
    />
  );
}
