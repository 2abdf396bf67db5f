import { useModel } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { normaliseEmail, type WebmailSnapshot as Snapshot, type Task } from '@/lib/model';
import { partitionForPopup } from '@/lib/reminders/due';
import { call } from '@/lib/worker/client';
import { dashboardUrl } from '../browser';
import { FirstSyncProgress } from '../FirstSyncProgress';
import { t } from '../i18n';
import { Icon } from '../icons';
import { TaskGroup } from '../TaskList';
import { createToaster } from '../toaster';
import { UndoToast } from '../UndoToast';
import { AccountQuestion } from './AccountQuestion';
import { FormMailOffer } from './FormMailOffer';
import { SidebarModel } from './model';
import { loadMorePreference } from './more-preference';
import { NameOnlyItem } from './NameOnlyItem';
import { ParticipantItem } from './ParticipantItem';
import { ReadNotice } from './ReadNotice';
import { ServiceSection } from './ServiceSection';
import { TemplatePicker } from './TemplatePicker';

function HomeView({ timeZone }: { timeZone: string }) {
  const [tasks, setTasks] = useState<Task[] | null>(null);
  useEffect(() => {
    const load = () => void call('tasks.open', {}).then(setTasks, () => setTasks([]));
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!tasks) return <p class="muted">{t('loading')}</p>;
  const groups = partitionForPopup(tasks, Date.now(), timeZone);
  return (
    <div class="home">
      <h2>{t('home_title')}</h2>
      <TaskGroup title={t('tasks_overdue')} tasks={groups.overdue} timeZone={timeZone} level={3} />
      <TaskGroup title={t('tasks_today')} tasks={groups.today} timeZone={timeZone} level={3} />
      {groups.overdue.length + groups.today.length === 0 ? <p class="muted">{t('home_nothing_due')}</p> : null}
      <p class="muted">{t('home_hint')}</p>
    </div>
  );
}

/** Whom a score is recorded on: the contact who wrote last, else the first contact in the thread. */
function customerOf(thread: NonNullable<Snapshot['thread']>, ids: Record<string, string | null>): string | null {
  const last = thread.messages.findLast((m) => m.from && ids[normaliseEmail(m.from.email)]);
  const found = last?.from ? ids[normaliseEmail(last.from.email)] : null;
  return found ?? Object.values(ids).find((id): id is string => !!id) ?? null;
}

export function SidebarApp() {
  const model = useModel(SidebarModel);
  const [toaster] = useState(createToaster);
  useEffect(loadMorePreference, []);
  const snapshot = model.snapshot.value;
  const settings = model.settings.value;

  if (model.status.value === 'loading' || !settings) return <p class="muted pad">{t('loading')}</p>;
  if (model.status.value === 'unavailable') {
    return (
      <p class="error pad" role="alert">
        {t('sidebar_unavailable')}
      </p>
    );
  }

  const view = snapshot?.view ?? 'other';
  const thread = snapshot?.thread ?? null;
  const body = () => {
    if (view === 'unrecognised')
      return <ReadNotice problem={snapshot?.problem ?? null} provider={snapshot?.provider} />;
    if (view === 'list' || view === 'other' || model.people.value.length === 0) {
      return <HomeView timeZone={settings.timeZone} />;
    }
    return (
      <>
        {snapshot?.account ? null : <ReadNotice problem="no-account" provider={snapshot?.provider} />}
        {thread ? (
          <div class="thread-head">
            <p class="subject" dir="auto">
              {thread.subject}
            </p>
            <label class="check">
              <input
                type="checkbox"
                checked={model.doNotLog.value}
                onChange={(e) =>
                  void call('thread.setDoNotLog', { threadId: thread.id, doNotLog: e.currentTarget.checked }).then(() =>
                    model.reload(),
                  )
                }
              />
              {t('thread_do_not_log')}
            </label>
            <ServiceSection
              threadId={thread.id}
              version={thread.messages.map((m) => m.id).join(' ')}
              reps={model.reps.value}
              contactId={customerOf(thread, model.contactIds.value)}
            />
            <FormMailOffer
              messages={thread.messages}
              senders={settings.formSenders ?? []}
              sources={model.sources.value}
            />
          </div>
        ) : (
          <p class="subject">{t('sidebar_compose')}</p>
        )}
        <TemplatePicker recipients={model.knownPeople.value} />
        <h2 id="people-title">{t('sidebar_people', { count: model.people.value.length })}</h2>
        <ul class="participants" aria-labelledby="people-title">
          {model.people.value.map((person) => {
            if (!person.email) {
              return (
                <NameOnlyItem
                  key={`name:${person.name}`}
                  person={person}
                  onComplete={(email) => model.completeAddress(person.name, email)}
                />
              );
            }
            // undefined: not looked up yet (a thread just opened), so no "Add" button flickers for a known person.
            const id = model.contactIds.value[normaliseEmail(person.email)];
            return (
              <ParticipantItem
                key={normaliseEmail(person.email)}
                person={person}
                known={id !== null}
                card={id ? model.cards.value[id] : undefined}
                settings={settings}
                pipelines={model.pipelines.value}
                sources={model.sources.value}
                reps={model.reps.value}
                propertyDefs={model.propertyDefs.value}
                thread={thread}
                toaster={toaster}
              />
            );
          })}
        </ul>
      </>
    );
  };

  return (
    <main class="sidebar" lang={settings.language}>
      <header class="top">
        <h1>{t('appName')}</h1>
        <button type="button" class="link small" onClick={() => window.open(dashboardUrl(), '_blank')}>
          {t('open_dashboard')}
          <Icon name="external" />
        </button>
      </header>
      <FirstSyncProgress />
      {model.unclaimedAccount.value ? (
        <AccountQuestion reps={model.reps.value} outlook={snapshot?.provider === 'outlook'} />
      ) : null}
      {body()}
      <UndoToast
        toast={toaster.toast.value}
        hideAfterMs={6000}
        onClose={() => {
          toaster.toast.value = null;
        }}
      />
    </main>
  );
}
