import { dueTasks, overviewCounts } from '@/lib/db/views';
import { formatDateTime, t } from '../i18n';
import type { ViewProps } from './routes';
import { useRead } from './use-read';

/** A plain overview: counts and what is due. Meant to be replaced by the reports engineer's charts. */
export function HomeView({ app }: ViewProps) {
  const counts = useRead(app, overviewCounts, []);
  // "Due" means due by the end of today in the rep's zone; a day ahead is a generous and zone-free bound.
  const due = useRead(app, (db) => dueTasks(db, Date.now() + 86_400_000, 20), []);
  const timeZone = app.timeZone.value;
  return (
    <section aria-labelledby="home-title">
      <h2 id="home-title">{t('dash_home_title')}</h2>
      {counts ? (
        <dl class="stats">
          <div>
            <dt>{t('dash_nav_contacts')}</dt>
            <dd>{counts.contacts.toLocaleString()}</dd>
          </div>
          <div>
            <dt>{t('dash_nav_companies')}</dt>
            <dd>{counts.companies.toLocaleString()}</dd>
          </div>
          <div>
            <dt>{t('dash_open_deals')}</dt>
            <dd>{counts.openDeals.toLocaleString()}</dd>
          </div>
          <div>
            <dt>{t('dash_open_tasks')}</dt>
            <dd>{counts.openTasks.toLocaleString()}</dd>
          </div>
        </dl>
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <h3>{t('dash_due_soon')}</h3>
      {due && due.length === 0 ? <p class="muted">{t('home_nothing_due')}</p> : null}
      <ul class="plain">
        {(due ?? []).map((task) => (
          <li key={task.id}>
            <strong>{task.title}</strong>{' '}
            <time class="muted" dateTime={new Date(task.dueAt).toISOString()}>
              {formatDateTime(task.dueAt, timeZone)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
