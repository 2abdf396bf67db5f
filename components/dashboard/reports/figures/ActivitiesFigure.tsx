import { ACTIVITY_TYPES } from '@/lib/model';
import type { RepActivities } from '@/lib/reports/activity-figures';
import { formatCount, t } from '../../../i18n';
import { FigureCard } from '../FigureCard';

/** Activities of the period per rep, busiest first, and per type in the table. */
export function ActivitiesFigure({
  activities,
  repName,
}: {
  activities: RepActivities[];
  repName: (id: string | null) => string;
}) {
  return (
    <FigureCard
      title={t('fig_activities')}
      wide
      empty={activities.length === 0 ? t('fig_nothing') : null}
      columns={[t('fig_rep'), ...ACTIVITY_TYPES.map((type) => t(`activity_${type}`)), t('fig_total')]}
      rows={activities.map((rep) => ({
        key: rep.repId ?? 'none',
        head: repName(rep.repId),
        cells: [...ACTIVITY_TYPES.map((type) => formatCount(rep.byType[type])), formatCount(rep.total)],
        plot: { values: [rep.total], text: formatCount(rep.total) },
      }))}
    />
  );
}
