import { hashFor } from '@/lib/dashboard/links';
import { t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import { duration } from '../reports/report-format';
import { PlanTable } from './PlanTable';
import type { StepProps } from './plan-data';

/** Step 3: the answer target of each kind of thread and the reply templates in use for it, linked to where each is set. */
export function PolicyStep({ data }: StepProps) {
  const templatesOf = (kindId: string | null) =>
    (data.templates.get(kindId) ?? []).map((template) => template.name).join(' · ') || '—';
  return (
    <>
      <PlanTable
        caption={t('plan_policy_caption')}
        columns={[t('service_kind_filter'), t('plan_answer_target'), t('plan_templates_in_use')]}
        rows={[
          ...data.kinds.map((kind) => ({
            key: kind.id,
            cells: [
              kindLabel(kind),
              kind.targetMinutes === null ? t('plan_no_target') : duration(kind.targetMinutes * 60_000),
              <span key="templates" class="plan-cell-text">
                {templatesOf(kind.id)}
              </span>,
            ],
          })),
          {
            key: 'any',
            cells: [
              t('plan_any_kind'),
              '',
              <span key="templates" class="plan-cell-text">
                {templatesOf(null)}
              </span>,
            ],
          },
        ]}
      />
      <p class="small row no-print">
        <a href={hashFor('service-kinds')}>{t('plan_targets_link')}</a>
        <a href={hashFor('templates')}>{t('plan_templates_link')}</a>
      </p>
    </>
  );
}
