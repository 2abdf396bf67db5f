import { hashFor } from '@/lib/dashboard/links';
import type { PlanSummary } from '@/lib/model';
import { t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import { FigureTable } from '../reports/FigureCard';
import { measureValueText } from './plan-format';

/** A scheduled report's plan targets: each as the report's period left it, met or missed. */
export function PlanReportTable({ plan }: { plan: PlanSummary }) {
  return (
    <section aria-labelledby="report-plan-title">
      <h3 id="report-plan-title">{t('plan_home_title')}</h3>
      <FigureTable
        columns={[t('plan_measure'), t('plan_target'), t('plan_live'), t('plan_verdict')]}
        rows={plan.map((row, i) => ({
          key: `${row.measure}-${row.kindId}-${i}`,
          head:
            row.kindId === null
              ? t(`plan_measure_${row.measure}`)
              : `${t(`plan_measure_${row.measure}`)} · ${kindLabel({ builtIn: row.builtIn, name: row.kindName })}`,
          cells: [
            `${row.comparison === 'atLeast' ? '≥' : '≤'} ${measureValueText(row.measure, row.target)}`,
            measureValueText(row.measure, row.value),
            row.met === null ? t('plan_not_measured') : row.met ? t('plan_met') : t('plan_missed'),
          ],
        }))}
      />
      <p class="small no-print">
        <a href={hashFor('plan')}>{t('plan_home_link')}</a>
      </p>
    </section>
  );
}
