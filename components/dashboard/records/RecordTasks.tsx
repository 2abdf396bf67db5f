import { useState } from 'preact/hooks';
import type { Task } from '@/lib/model';
import { fromWallClock, toWallClock } from '@/lib/time/zoned';
import { ErrorText } from '../../ErrorText';
import { errorText } from '../../format';
import { formatDateTime, t } from '../../i18n';
import { useRequestId } from '../../request-id';

/** "2026-11-23T09:00" in the rep's zone → epoch ms; null when incomplete. */
export function localInputToEpoch(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return fromWallClock({ year: y, month: mo, day: d, hour: h, minute: mi }, timeZone);
}

export function epochToLocalInput(epoch: number, timeZone: string): string {
  const w = toWallClock(epoch, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}

function TaskRow({
  task,
  timeZone,
  onComplete,
  onReopen,
  onReschedule,
}: {
  task: Task;
  timeZone: string;
  onComplete(): Promise<unknown>;
  onReopen(): Promise<unknown>;
  onReschedule(dueAt: number): Promise<unknown>;
}) {
  const [when, setWhen] = useState(() => epochToLocalInput(task.dueAt, timeZone));
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setEditing(false);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <li class={`task${task.status !== 'open' ? ' done' : ''}`}>
      <div>
        <strong>{task.title}</strong>{' '}
        <time class="muted" dateTime={new Date(task.dueAt).toISOString()}>
          {formatDateTime(task.dueAt, timeZone)}
        </time>
        {task.status !== 'open' ? (
          <span class="badge"> {t(`dash_task_${task.status === 'done' ? 'done' : 'cancelled'}`)}</span>
        ) : null}
        {task.note ? <div class="muted subject">{task.note}</div> : null}
      </div>
      <div class="row">
        {task.status === 'open' ? (
          <>
            <button
              type="button"
              aria-label={t('task_done_named', { title: task.title })}
              onClick={() => void act(onComplete)}
            >
              {t('task_done')}
            </button>
            <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {t('dash_reschedule')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void act(onReopen)}>
            {t('dash_reopen')}
          </button>
        )}
      </div>
      {editing ? (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const at = localInputToEpoch(when, timeZone);
            if (at === null) return setError(t('followup_pick_date'));
            void act(() => onReschedule(at));
          }}
        >
          <label>
            {t('followup_when')}
            <input type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('save')}</button>
        </form>
      ) : null}
      <ErrorText message={error} />
    </li>
  );
}

/** The tasks of a record, and a form to add one at a date and time in the rep's zone. */
export function RecordTasks({
  tasks,
  timeZone,
  onCreate,
  onComplete,
  onReopen,
  onReschedule,
}: {
  tasks: Task[];
  timeZone: string;
  onCreate(title: string, dueAt: number, requestId: string): Promise<unknown>;
  onComplete(task: Task): Promise<unknown>;
  onReopen(task: Task): Promise<unknown>;
  onReschedule(task: Task, dueAt: number): Promise<unknown>;
}) {
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState(() => epochToLocalInput(Date.now() + 86_400_000, timeZone));
  const [error, setError] = useState<string | null>(null);
  const { requestId, renew } = useRequestId();
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const at = localInputToEpoch(when, timeZone);
    if (at === null) return setError(t('followup_pick_date'));
    try {
      await onCreate(title, at, requestId);
      renew();
      setTitle('');
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div>
      {tasks.length === 0 ? <p class="muted">{t('task_none')}</p> : null}
      <ul class="tasks">
        {tasks.map((task) => (
          <TaskRow
            key={`${task.id}-${task.updatedAt}`}
            task={task}
            timeZone={timeZone}
            onComplete={() => onComplete(task)}
            onReopen={() => onReopen(task)}
            onReschedule={(at) => onReschedule(task, at)}
          />
        ))}
      </ul>
      <form class="row card-form" onSubmit={submit} aria-label={t('dash_add_task')}>
        <label class="grow">
          {t('dash_task_title')}
          <input required value={title} maxLength={300} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          {t('followup_when')}
          <input type="datetime-local" required value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('dash_add_task')}</button>
        <ErrorText message={error} />
      </form>
    </div>
  );
}
