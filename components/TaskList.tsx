import { useState } from 'preact/hooks';
import type { Task } from '@/lib/model';
import { customTime } from '@/lib/reminders/presets';
import { toWallClock } from '@/lib/time/zoned';
import { call } from '@/lib/worker/client';
import { ErrorText } from './ErrorText';
import { errorText } from './format';
import { formatDateTime, t } from './i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** The task's due time as the date and time inputs show it, in the rep's zone. */
function wallInputs(epoch: number, timeZone: string): { date: string; time: string } {
  const w = toWallClock(epoch, timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

function TaskItem({ task, timeZone }: { task: Task; timeZone: string }) {
  const [error, setError] = useState<string | null>(null);
  const [rescheduling, setRescheduling] = useState(false);
  const [when, setWhen] = useState(() => wallInputs(task.dueAt, timeZone));
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
        <button type="button" aria-expanded={rescheduling} onClick={() => setRescheduling(!rescheduling)}>
          {t('task_reschedule')}
        </button>
      </div>
      {rescheduling ? (
        <form
          class="row"
          aria-label={t('task_reschedule_named', { title: task.title })}
          onSubmit={(e) => {
            e.preventDefault();
            let dueAt: number;
            try {
              dueAt = customTime(when.date, when.time, timeZone);
            } catch {
              return setError(t('followup_pick_date'));
            }
            void act(() => call('task.reschedule', { id: task.id, dueAt })).then(() => setRescheduling(false));
          }}
        >
          <label>
            {t('followup_date')}
            <input type="date" value={when.date} onInput={(e) => setWhen({ ...when, date: e.currentTarget.value })} />
          </label>
          <label>
            {t('followup_time')}
            <input type="time" value={when.time} onInput={(e) => setWhen({ ...when, time: e.currentTarget.value })} />
          </label>
          <button type="submit" class="primary">
            {t('save')}
          </button>
        </form>
      ) : null}
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
