import { useState } from 'preact/hooks';
import type { Task } from '@/lib/model';
import { call } from '@/lib/rpc/client';
import { ErrorText } from './ErrorText';
import { errorText } from './format';
import { formatDateTime, t } from './i18n';

function TaskItem({ task, timeZone }: { task: Task; timeZone: string }) {
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <li class="task">
      <div>
        <strong>{task.title}</strong>
        {task.kind === 'no-reply' ? <span class="badge"> {t('task_no_reply_badge')}</span> : null}
        <div class="muted">
          <time dateTime={new Date(task.dueAt).toISOString()}>{formatDateTime(task.dueAt, timeZone)}</time>
          {task.note ? ` · ${task.note}` : ''}
        </div>
      </div>
      <div class="row">
        <button
          type="button"
          aria-label={t('task_done_named', { title: task.title })}
          onClick={() => void act(() => call('task.complete', { id: task.id }))}
        >
          {t('task_done')}
        </button>
        <button
          type="button"
          aria-label={t('task_snooze_named', { title: task.title })}
          onClick={() => void act(() => call('task.snooze', { id: task.id, due: { preset: 'tomorrow-morning' } }))}
        >
          {t('task_snooze_tomorrow')}
        </button>
      </div>
      <ErrorText message={error} />
    </li>
  );
}

export function TaskGroup({ title, tasks, timeZone }: { title: string; tasks: Task[]; timeZone: string }) {
  if (tasks.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>
        {title} ({tasks.length})
      </h3>
      <ul class="tasks">
        {tasks.map((task) => (
          <TaskItem key={task.id} task={task} timeZone={timeZone} />
        ))}
      </ul>
    </section>
  );
}
