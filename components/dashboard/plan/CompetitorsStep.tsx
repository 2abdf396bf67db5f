import { hashFor } from '@/lib/dashboard/links';
import { formatCount, t } from '../../i18n';
import { rate } from '../reports/report-format';
import { PlanTable } from './PlanTable';
import type { StepProps } from './plan-data';

/** Step 2: each competitor, the deals lost to it, the win rate against it, and what the team noted of how it answers. */
export function CompetitorsStep({ data }: StepProps) {
  const live = data.winLoss.byCompetitor.filter((row) => row.competitor.deletedAt === null);
  return (
    <>
      <PlanTable
        caption={t('plan_competitors_caption')}
        columns={[
          t('dash_nav_competitors'),
          t('plan_faced'),
          t('plan_lost_to'),
          t('fig_win_rate'),
          t('plan_their_notes'),
        ]}
        rows={live.map((row) => ({
          key: row.competitor.id,
          cells: [
            <a key="name" href={hashFor('competitor', row.competitor.id)}>
              {row.competitor.name}
            </a>,
            formatCount(row.faced),
            formatCount(row.lostToThem.count),
            rate(row.winRate),
            <span key="notes" class="plan-cell-text">
              {row.competitor.notes || '—'}
            </span>,
          ],
        }))}
      />
      <p class="small no-print">
        <a href={hashFor('competitors')}>{t('plan_competitors_link')}</a>
      </p>
    </>
  );
}
