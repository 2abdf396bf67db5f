import type { StageRow } from '@/lib/winloss/analysis';
import { stageName } from '../../format';
import { formatCount, t } from '../../i18n';
import { FigureCard } from '../reports/FigureCard';
import { moneyTotal } from '../reports/report-format';

/** Where lost deals stopped: the stage each stood in when it was lost. */
export function LostAtStageFigure({ rows }: { rows: StageRow[] }) {
  const lost = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <FigureCard
      title={t('winloss_lost_at_stage')}
      empty={lost === 0 ? t('winloss_none_lost') : null}
      columns={[t('fig_stage'), t('winloss_deals'), t('winloss_value')]}
      rows={rows.map((row) => ({
        key: row.stageId,
        head: row.stageName === null ? t('fig_stage_gone') : stageName({ name: row.stageName }),
        cells: [formatCount(row.count), moneyTotal(row.value)],
        plot: { values: [row.count], text: formatCount(row.count) },
      }))}
    />
  );
}
