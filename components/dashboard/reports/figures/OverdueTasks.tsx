import { hashFor } from '@/lib/dashboard/links';
import type { OverdueTask } from '@/lib/reports/activity-figures';
import { formatCount, t } from '../../../i18n';
import { duration } from '../report-format';

/** Overdue tasks shown; the rest are a link away, on the tasks page. */
const OVERDUE_SHOWN = 20;

/** Open tasks past their time, oldest first. */
export function OverdueTasks({ overdue }: { overdue: OverdueTask[] }) {
  return (
    <section class="figure" aria-labelledby="overdue-title">
      <h3 id="overdue-title">
        {t('fig_overdue')} ({formatCount(overdue.length)})
      </h3>
      {overdue.length === 0 ? <p class="muted">{t('fig_overdue_none')}</p> : null}
      <ul class="plain">
        {overdue.slice(0, OVERDUE_SHOWN).map(({ task, overdueMs }) => (
          <li key={task.id}>
            <strong class="name">{task.title}</strong>{' '}
            <span class="muted small">{t('fig_late', { duration: duration(overdueMs) })}</span>
          </li>
        ))}
      </ul>
      {overdue.length > OVERDUE_SHOWN ? (
        <p class="muted small">
          <a href={hashFor('tasks')}>{t('fig_more', { count: overdue.length - OVERDUE_SHOWN })}</a>
        </p>
      ) : null}
    </section>
  );
}
