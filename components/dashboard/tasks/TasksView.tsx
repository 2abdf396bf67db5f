import { openTasksPage } from '@/lib/db/views';
import { t } from '../../i18n';
import { Pager, usePageStarts } from '../Pager';
import { RecordTasks } from '../records/RecordTasks';
import { recordActions } from '../records/record-actions';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';

/** Every open task, soonest first, a page at a time. */
export function TasksView({ app }: ViewProps) {
  const starts = usePageStarts();
  const page = useRead(app, (db) => openTasksPage(db, starts.offset, 50), [starts.offset]);
  const actions = recordActions(app, {});
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('dash_nav_tasks')}</h2>
      {page ? (
        <RecordTasks tasks={page.rows} timeZone={app.timeZone.value} {...actions.tasks} />
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <Pager {...starts.moves(page?.nextOffset)} pages={null} total={null} approximate={false} onJump={null} />
    </section>
  );
}
