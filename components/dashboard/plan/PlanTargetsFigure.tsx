import { hashFor } from '@/lib/dashboard/links';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { useRead } from '../use-read';
import { readPlanTargets } from './plan-data';
import { changeText, measureName, measureValueText, targetText, verdictText } from './plan-format';

/** The plan's targets on the dashboard home: each against this month's value, met or missed, and which way it moves. */
export function PlanTargetsFigure({ app }: { app: Dashboard }) {
  const settings = app.settings.value;
  const data = useRead(app, async (db) => (settings ? readPlanTargets(db, settings, Date.now()) : null), [settings]);
  return (
    <section class="figure" aria-labelledby="plan-targets-title" data-plan-targets>
      <h3 id="plan-targets-title">{t('plan_home_title')}</h3>
      {data ? null : <p class="muted">{t('loading')}</p>}
      {data && data.results.length === 0 ? <p class="muted">{t('plan_nothing_yet')}</p> : null}
      <ul class="plain">
        {data?.results.map((result) => (
          <li key={result.target.id}>
            <strong class="name">{measureName(result.target, data.kinds)}</strong>{' '}
            <span>
              {measureValueText(result.target.measure, result.value)} ({targetText(result.target)})
            </span>{' '}
            <span class={result.met === false ? 'down small' : 'muted small'}>
              {verdictText(result)} {changeText(result)}
            </span>
          </li>
        ))}
      </ul>
      <p class="small">
        <a href={hashFor('plan')}>{t('plan_home_link')}</a>
      </p>
    </section>
  );
}
