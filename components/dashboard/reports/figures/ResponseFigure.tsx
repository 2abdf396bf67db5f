import type { ResponseTimeReport } from '@/lib/reports/response-times';
import { formatCount, t } from '../../../i18n';
import { FigureCard } from '../FigureCard';
import { duration } from '../report-format';

/** How fast reps answer contacts, per week or month of the period; `label` names a bucket by its start. */
export function ResponseFigure({ replies, label }: { replies: ResponseTimeReport; label: (start: number) => string }) {
  return (
    <FigureCard
      title={t('fig_response')}
      hint={t('fig_response_hint')}
      wide
      series={[{ name: t('fig_median'), class: 'series-a' }]}
      empty={replies.overall.count === 0 ? t('fig_response_none') : null}
      caption={t('fig_response_by_period')}
      columns={[t('fig_period'), t('fig_replies'), t('fig_median'), t('fig_p90')]}
      rows={replies.byPeriod.map((p) => ({
        key: p.key,
        head: label(p.start),
        cells: [formatCount(p.count), duration(p.medianMs), duration(p.p90Ms)],
        plot: { values: [p.medianMs ?? 0], text: duration(p.medianMs) },
      }))}
    />
  );
}
