import type { WinLossAnalysis } from '@/lib/winloss/analysis';
import { formatCount, t } from '../../i18n';
import { FigureCard } from '../reports/FigureCard';
import { days } from '../reports/report-format';

/** How long won deals took to close against lost ones, from creation to close. */
export function DaysToCloseFigure({ analysis }: { analysis: WinLossAnalysis }) {
  const rows = (['won', 'lost'] as const).map((outcome) => {
    const mean = analysis.daysToClose[outcome];
    return {
      key: outcome,
      head: t(outcome === 'won' ? 'fig_won' : 'fig_lost'),
      cells: [days(mean), formatCount(analysis[outcome].count)],
      plot: { values: [mean ?? 0], text: days(mean) },
    };
  });
  return (
    <FigureCard
      title={t('winloss_days_to_close')}
      empty={analysis.won.count + analysis.lost.count === 0 ? t('fig_none_closed') : null}
      columns={[t('winloss_outcome'), t('winloss_mean_days'), t('winloss_deals')]}
      rows={rows}
    />
  );
}
