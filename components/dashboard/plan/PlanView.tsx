import type { ComponentChildren } from 'preact';
import { PLAN_STEPS, type PlanStep } from '@/lib/model';
import { formatDateTime, t } from '../../i18n';
import { downloadFile, fileStamp } from '../export/download';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { BudgetStep } from './BudgetStep';
import { CompetitorsStep } from './CompetitorsStep';
import { MeasuresStep } from './MeasuresStep';
import { OwnersStep } from './OwnersStep';
import { PolicyStep } from './PolicyStep';
import { readPlanPage, type StepProps } from './plan-data';
import { planDocument } from './plan-document';
import { stepTitle } from './plan-format';
import { ReviewStep } from './ReviewStep';
import { StepNotes } from './StepNotes';
import '../../styles/reports.css';
import '../../styles/plan.css';

const FIGURES: Record<PlanStep, (props: StepProps) => ComponentChildren> = {
  review: ReviewStep,
  competitors: CompetitorsStep,
  policy: PolicyStep,
  budget: BudgetStep,
  responsibility: OwnersStep,
  measures: MeasuresStep,
};

/**
 * #/plan: the customer-relationship plan as a living page. Each of the guide's six steps pairs what the business
 * writes with what the CRM measures; the page prints as a document and downloads as one a manager can share.
 */
export function PlanView({ app }: ViewProps) {
  const settings = app.settings.value;
  const data = useRead(app, async (db) => (settings ? readPlanPage(db, settings, Date.now()) : null), [settings]);
  const timeZone = app.timeZone.value;

  const exportPlan = () => {
    if (!data) return;
    const html = planDocument(data, app.reps.value, timeZone, t('appName'));
    downloadFile(`plan-${fileStamp(data.now)}.html`, [html], 'text/html;charset=utf-8');
  };

  return (
    <section aria-labelledby="plan-title" class="plan figures">
      <div class="row spread">
        <h2 id="plan-title">{t('plan_title')}</h2>
        <div class="row no-print">
          <button type="button" onClick={() => window.print()}>
            {t('plan_print')}
          </button>
          <button type="button" onClick={exportPlan} disabled={!data}>
            {t('plan_export')}
          </button>
        </div>
      </div>
      <p class="muted">{t('plan_intro')}</p>
      {data ? (
        <p class="muted small">
          {t('plan_window', {
            from: formatDateTime(data.window.from, timeZone, 'date'),
            to: formatDateTime(data.now, timeZone, 'date'),
          })}
        </p>
      ) : null}
      {data === undefined || data === null ? <p class="muted">{t('loading')}</p> : null}
      {data
        ? PLAN_STEPS.map((step, i) => {
            const Figures = FIGURES[step];
            return (
              <section key={step} class="plan-step" aria-labelledby={`plan-step-${step}`} data-step={step}>
                <h3 id={`plan-step-${step}`}>
                  {i + 1}. {stepTitle(step)}
                </h3>
                <p class="muted small">{t(`plan_step_${step}_hint`)}</p>
                <Figures app={app} data={data} />
                <StepNotes app={app} step={step} text={data.plan[step]} />
              </section>
            );
          })
        : null}
    </section>
  );
}
