import { useEffect, useState } from 'preact/hooks';
import type { Settings, Task } from '@/lib/model';
import { partitionForPopup } from '@/lib/reminders/due';
import { call } from '@/lib/worker/client';
import type { Output } from '@/lib/worker/contract';
import { dashboardUrl, openTab } from '../browser';
import { ErrorText } from '../ErrorText';
import { onSidecarEvent } from '../events';
import { errorText, money } from '../format';
import { followSettings, t } from '../i18n';
import { TaskGroup } from '../TaskList';
import { UrgentThreads } from './UrgentThreads';

function QuickSearch() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Output<'search.all'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (query.trim().length === 0) return setResults(null);
    let current = true;
    const timer = setTimeout(() => {
      call('search.all', { query, limit: 5 }).then(
        (found) => current && setResults(found),
        (e) => current && setError(errorText(e)),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const open = (page: 'contact' | 'company' | 'deal', id: string) => openTab(dashboardUrl(page, id));
  const empty = results && results.contacts.length + results.companies.length + results.deals.length === 0;
  return (
    <section class="stack">
      <label>
        {t('popup_search')}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {empty ? <p class="muted">{t('search_none')}</p> : null}
      {results ? (
        <ul class="plain results" aria-label={t('popup_results')}>
          {results.contacts.map((c) => (
            <li key={c.id}>
              <button type="button" class="link" onClick={() => open('contact', c.id)}>
                {c.name}
              </button>{' '}
              <span class="muted">{c.emails[0]?.address ?? ''}</span>
            </li>
          ))}
          {results.companies.map((c) => (
            <li key={c.id}>
              <button type="button" class="link" onClick={() => open('company', c.id)}>
                {c.name}
              </button>
            </li>
          ))}
          {results.deals.map((d) => (
            <li key={d.id}>
              <button type="button" class="link" onClick={() => open('deal', d.id)}>
                {d.title}
              </button>{' '}
              <span class="muted">{money(d.value)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorText message={error} />
    </section>
  );
}

export function PopupApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => {
      call('settings.get', {}).then(
        (s) => {
          followSettings(s);
          setSettings(s);
        },
        (e) => setError(errorText(e)),
      );
      call('tasks.open', {}).then(setTasks, (e) => setError(errorText(e)));
    };
    load();
    const controller = new AbortController();
    onSidecarEvent((event) => {
      if (event.type === 'changed' && event.stores.some((s) => s === 'tasks' || s === 'settings')) load();
    }, controller.signal);
    return () => controller.abort();
  }, []);

  const timeZone = settings?.timeZone ?? 'UTC';
  const groups = tasks ? partitionForPopup(tasks, Date.now(), timeZone) : null;
  return (
    <main class="popup" lang={settings?.language ?? 'en'}>
      <header class="top">
        <h1>{t('appName')}</h1>
        <button type="button" class="primary" onClick={() => openTab(dashboardUrl())}>
          {t('open_dashboard')}
        </button>
      </header>
      <QuickSearch />
      <ErrorText message={error} />
      <UrgentThreads />
      {groups ? (
        <>
          <TaskGroup title={t('tasks_overdue')} tasks={groups.overdue} timeZone={timeZone} />
          <TaskGroup title={t('tasks_today')} tasks={groups.today} timeZone={timeZone} />
          <TaskGroup title={t('tasks_upcoming')} tasks={groups.upcoming} timeZone={timeZone} />
          {groups.overdue.length + groups.today.length + groups.upcoming.length === 0 ? (
            <p class="muted">{t('popup_no_tasks')}</p>
          ) : null}
        </>
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
    </main>
  );
}
