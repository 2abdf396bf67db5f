import { useState } from 'preact/hooks';
import { openTasksPage } from '@/lib/db/views';
import { t } from '../../i18n';
import { Pager } from '../Pager';
import { RecordTasks } from '../records/RecordTasks';
import { recordActions } from '../records/record-actions';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';

/** Every open task, soonest first, a page at a time. */
export function TasksView({ app }: ViewProps) {
  const [starts, setStarts] = useState<number[]>([0]);
  const page = useRead(app, (db) => openTasksPage(db, starts.at(-1) ?? 0, 50), [starts.at(-1)]);
  const actions = recordActions(app, {});
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('dash_nav_tasks')}</h2>
      {page ? (
        <RecordTasks tasks={page.rows} timeZone={app.timeZone.value} {...actions.tasks} />
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <Pager
        page={starts.length}
        pages={null}
        total={null}
        approximate={false}
        hasPrev={starts.length > 1}
        hasNext={page?.nextOffset != null}
        onFirst={() => setStarts([0])}
        onPrev={() => setStarts(starts.slice(0, -1))}
        onNext={() => page?.nextOffset != null && setStarts([...starts, page.nextOffset])}
        onJump={null}
      />
    </section>
  );
}
