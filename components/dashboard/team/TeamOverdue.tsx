import { hashFor } from '@/lib/dashboard/links';
import type { RepSummary } from '@/lib/reports/team-figures';
import { formatCount, t } from '../../i18n';
import { duration } from '../reports/report-format';

/** Overdue follow-ups shown per rep; the rest are a link away, on the tasks page. */
const SHOWN = 5;

/** Each rep's follow-ups past due, oldest first, under the rep's name. */
export function TeamOverdue({ summary, repName }: { summary: RepSummary[]; repName(repId: string | null): string }) {
  const late = summary.filter((line) => line.overdue.length > 0);
  return (
    <section class="figure wide" aria-labelledby="team-overdue-title">
      <h3 id="team-overdue-title">{t('team_view_overdue')}</h3>
      {late.length === 0 ? <p class="muted">{t('fig_overdue_none')}</p> : null}
      {late.map((line) => (
        <section key={line.repId ?? 'none'} aria-label={repName(line.repId)}>
          <h4>
            {repName(line.repId)} ({formatCount(line.overdue.length)})
          </h4>
          <ul class="plain">
            {line.overdue.slice(0, SHOWN).map(({ task, overdueMs }) => (
              <li key={task.id}>
                <strong class="name">{task.title}</strong>{' '}
                <span class="muted small">{t('fig_late', { duration: duration(overdueMs) })}</span>
              </li>
            ))}
          </ul>
          {line.overdue.length > SHOWN ? (
            <p class="muted small">
              <a href={hashFor('tasks')}>{t('fig_more', { count: line.overdue.length - SHOWN })}</a>
            </p>
          ) : null}
        </section>
      ))}
    </section>
  );
}
