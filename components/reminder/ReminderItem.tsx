import { useState } from 'preact/hooks';
import type { Task } from '@/lib/model';
import { type NotificationButton, snoozeDue, targetOf } from '@/lib/reminders/notification';
import { call } from '@/lib/worker/client';
import { dashboardUrl } from '../browser';
import { ErrorText } from '../ErrorText';
import { errorText } from '../format';
import { formatDateTime, t } from '../i18n';

/** What the notification's buttons do where the browser shows them (lib/reminders/alarms.ts), asked of the worker. */
function answer(task: Task, button: Exclude<NotificationButton, 'open'>) {
  if (button === 'done') return call('task.complete', { id: task.id });
  return call('task.snooze', { id: task.id, due: snoozeDue(button, Date.now()) });
}

/** The thread or record a click on the notification would open where it has buttons; null for a task tied to none. */
function targetUrl(task: Task): string | null {
  const target = targetOf(task);
  if (target.kind === 'thread') return target.url;
  return target.kind === 'record' ? dashboardUrl(target.entity, target.id) : null;
}

/** One due task of the reminder page, with the choices its notification's buttons offer where there are buttons. */
export function ReminderItem({ task, timeZone, onAnswered }: { task: Task; timeZone: string; onAnswered(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const press = async (button: Exclude<NotificationButton, 'open'>) => {
    setBusy(true);
    setError(null);
    try {
      await answer(task, button);
      onAnswered();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const url = targetUrl(task);
  const titleId = `reminder-${task.id}`;
  return (
    <section class="task stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{task.title}</h2>
      <p class="muted">
        <time dateTime={new Date(task.dueAt).toISOString()}>{formatDateTime(task.dueAt, timeZone)}</time>
        {task.kind === 'no-reply' ? ` · ${t('notification_no_reply')}` : ''}
      </p>
      {task.note ? <p>{task.note}</p> : null}
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => void press('done')}>
          {t('notification_done')}
        </button>
        <fieldset class="presets">
          <legend>{t('reminder_snooze')}</legend>
          <button type="button" disabled={busy} onClick={() => void press('snooze-hour')}>
            {t('notification_snooze_hour')}
          </button>
          <button type="button" disabled={busy} onClick={() => void press('snooze-tomorrow')}>
            {t('notification_snooze_tomorrow')}
          </button>
        </fieldset>
        {url ? (
          <a href={url} target="_blank" rel="noreferrer">
            {t('notification_open')}
          </a>
        ) : null}
      </div>
      <ErrorText message={error} />
    </section>
  );
}
