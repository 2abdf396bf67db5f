import type { ClosedBucket } from '@/lib/reports/deal-figures';
import { formatCount, t } from '../../../i18n';
import { FigureCard } from '../FigureCard';

/** Deals won and lost per week or month of the period; `label` names a bucket by its start. */
export function WonLostFigure({ buckets, label }: { buckets: ClosedBucket[]; label: (start: number) => string }) {
  return (
    <FigureCard
      title={t('fig_won_lost')}
      series={[
        { name: t('fig_won'), class: 'series-won' },
        { name: t('fig_lost'), class: 'series-lost' },
      ]}
      columns={[t('fig_period'), t('fig_won'), t('fig_lost')]}
      rows={buckets.map((b) => ({
        key: b.key,
        head: label(b.start),
        cells: [formatCount(b.won), formatCount(b.lost)],
        plot: { values: [b.won, b.lost], text: `${formatCount(b.won)} / ${formatCount(b.lost)}` },
      }))}
    />
  );
}
