import { useState } from 'preact/hooks';
import { newRecordBase, PLAN_MEASURES, type PlanMeasure, type PlanTarget } from '@/lib/model';
import type { TargetResult } from '@/lib/plan/measures';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import { monthFromKey } from '../reports/report-format';
import { PlanTable } from './PlanTable';
import type { StepProps } from './plan-data';
import { changeText, measureName, measureValueText, targetText, verdictText } from './plan-format';

/** Shares are typed in per cent and stored as 0–1; scores and minutes as typed. */
const isShare = (measure: PlanMeasure) => measure === 'withinTarget' || measure === 'winRate';

/** The trend as text a printout keeps: each month's value, oldest first. */
export function trendText(result: TargetResult): string {
  return result.trend
    .map((point) => `${monthFromKey(point.key)}: ${measureValueText(result.target.measure, point.value)}`)
    .join(' · ');
}

/** Step 6: the targets the business sets, each against its live value and trend; targets added and removed here. */
export function MeasuresStep({ app, data }: StepProps) {
  const [measure, setMeasure] = useState<PlanMeasure>('withinTarget');
  const [kindId, setKindId] = useState<string | null>(null);
  const [comparison, setComparison] = useState<PlanTarget['comparison']>('atLeast');
  const [value, setValue] = useState('');

  const add = (e: Event) => {
    e.preventDefault();
    const typed = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(typed) || typed < 0) {
      app.notify(t('plan_target_invalid'));
      return;
    }
    const order = Math.max(0, ...data.targets.map((target) => target.order + 1));
    void app.attempt(async () => {
      await call('plan.target.save', {
        ...newRecordBase(Date.now()),
        measure,
        kindId: measure === 'winRate' ? null : kindId,
        comparison,
        value: isShare(measure) ? typed / 100 : typed,
        order,
      });
      setValue('');
    });
  };

  return (
    <>
      <PlanTable
        caption={t('plan_measures_caption')}
        columns={[t('plan_measure'), t('plan_target'), t('plan_live'), t('plan_verdict'), t('plan_trend'), '']}
        rows={data.measures.map((result) => ({
          key: result.target.id,
          cells: [
            measureName(result.target, data.kinds),
            targetText(result.target),
            <span key="live" data-live>
              {measureValueText(result.target.measure, result.value)}
            </span>,
            <span key="verdict" class={result.met === false ? 'down' : result.met ? 'up' : undefined}>
              {verdictText(result)} {changeText(result)}
            </span>,
            <span key="trend" class="plan-cell-text small">
              {trendText(result)}
            </span>,
            <button
              key="remove"
              type="button"
              class="link no-print"
              onClick={() =>
                void app.attempt(() => call('plan.target.save', { ...result.target, deletedAt: Date.now() }))
              }
            >
              {t('plan_remove')}
            </button>,
          ],
        }))}
      />
      <form class="row plan-add-target no-print" onSubmit={add} aria-label={t('plan_add_target')}>
        <label>
          {t('plan_measure')}
          <select value={measure} onChange={(e) => setMeasure(e.currentTarget.value as PlanMeasure)}>
            {PLAN_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`plan_measure_${m}`)}
              </option>
            ))}
          </select>
        </label>
        {measure === 'winRate' ? null : (
          <label>
            {t('service_kind_filter')}
            <select value={kindId ?? ''} onChange={(e) => setKindId(e.currentTarget.value || null)}>
              <option value="">{t('service_all_kinds')}</option>
              {data.kinds.map((kind) => (
                <option key={kind.id} value={kind.id}>
                  {kindLabel(kind)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('plan_comparison')}
          <select value={comparison} onChange={(e) => setComparison(e.currentTarget.value as PlanTarget['comparison'])}>
            <option value="atLeast">≥</option>
            <option value="atMost">≤</option>
          </select>
        </label>
        <label>
          {t(
            isShare(measure)
              ? 'plan_value_percent'
              : measure === 'medianMinutes'
                ? 'plan_value_minutes'
                : 'plan_value_score',
          )}
          <input inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('plan_add_target')}</button>
      </form>
    </>
  );
}
