import { useEffect, useState } from 'preact/hooks';
import type { Settings, Task } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { closeThisPage } from '../browser';
import { ErrorText } from '../ErrorText';
import { errorText } from '../format';
import { followSettings, t } from '../i18n';
import { ReminderItem } from './ReminderItem';

/**
 * The reminder page: the tasks of a notification the browser could not give buttons (Firefox), each with the choices
 * those buttons offer. It closes itself once every task has its answer.
 */
export function ReminderApp({ taskIds }: { taskIds: string[] }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [answered, setAnswered] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        followSettings(s);
        setSettings(s);
      },
      (e) => setError(errorText(e)),
    );
    // Only the tasks still open: one done or deleted since the notification showed has nothing left to answer.
    call('tasks.open', {}).then(
      (open) => setTasks(taskIds.flatMap((id) => open.filter((task) => task.id === id))),
      (e) => setError(errorText(e)),
    );
  }, [taskIds]);

  const waiting = tasks?.filter((task) => !answered.includes(task.id)) ?? null;
  useEffect(() => {
    if (answered.length > 0 && waiting?.length === 0) void closeThisPage();
  }, [answered, waiting?.length]);
  useEffect(() => {
    document.title = t('reminder_page_title');
  }, [settings]);

  return (
    <main class="popup" lang={settings?.language ?? 'en'}>
      <h1>{t('reminder_page_title')}</h1>
      <ErrorText message={error} />
      {waiting === null || settings === null ? (
        <p class="muted">{t('loading')}</p>
      ) : waiting.length === 0 ? (
        <p class="muted">{t('reminder_none')}</p>
      ) : (
        waiting.map((task) => (
          <ReminderItem
            key={task.id}
            task={task}
            timeZone={settings.timeZone}
            onAnswered={() => setAnswered((ids) => [...ids, task.id])}
          />
        ))
      )}
    </main>
  );
}
