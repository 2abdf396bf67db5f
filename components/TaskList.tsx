import { useState } from 'preact/hooks';
import type { Task } from '@/lib/model';
import { customTime } from '@/lib/reminders/presets';
import { toWallClock } from '@/lib/time/zoned';
import { call } from '@/lib/worker/client';
import { ErrorText } from './ErrorText';
import { useFormFocus } from './form-focus';
import { errorText } from './format';
import { formatCount, formatDateTime, t } from './i18n';

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
  const rescheduleFocus = useFormFocus(rescheduling);
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
        <button
          ref={rescheduleFocus.opener}
          type="button"
          aria-label={t('task_reschedule_named', { title: task.title })}
          aria-expanded={rescheduling}
          onClick={() => setRescheduling(!rescheduling)}
        >
          {t('task_reschedule')}
        </button>
      </div>
      <div ref={rescheduleFocus.panel}>
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
              <input
                type="time"
                step={60}
                value={when.time}
                onInput={(e) => setWhen({ ...when, time: e.currentTarget.value })}
              />
            </label>
            <button type="submit" class="primary">
              {t('save')}
            </button>
          </form>
        ) : null}
      </div>
      <ErrorText message={error} />
    </li>
  );
}

/** One group of tasks under its heading: level 2 in the popup, 3 under the sidebar home's own heading. */
export function TaskGroup({
  title,
  tasks,
  timeZone,
  level = 2,
}: {
  title: string;
  tasks: Task[];
  timeZone: string;
  level?: 2 | 3;
}) {
  if (tasks.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-label={title}>
      <Heading class="group-title">
        {title} ({formatCount(tasks.length)})
      </Heading>
      <ul class="tasks">
        {tasks.map((task) => (
          <TaskItem key={task.id} task={task} timeZone={timeZone} />
        ))}
      </ul>
    </section>
  );
}
