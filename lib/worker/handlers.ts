import { createBackupHandlers } from '../backup/handlers';
import * as activities from '../db/activities';
import { contactCard, contactIdsForEmails } from '../db/card';
import * as companies from '../db/companies';
import * as config from '../db/config';
import * as contacts from '../db/contacts';
import * as deals from '../db/deals';
import { StoreError } from '../db/errors';
import { searchCompanies, searchContacts, searchDeals } from '../db/search';
import * as tasks from '../db/tasks';
import { createFormHandlers } from '../forms/handlers';
import { createImportHandlers } from '../import/handlers';
import { createMergeHandlers } from '../merges/handlers';
import type { Task, WebmailSnapshot } from '../model';
import { normaliseEmail } from '../model';
import { createPlanHandlers } from '../plan/handlers';
import { complete, reopen, snooze } from '../reminders/due';
import { replyCancels, watchFromThread } from '../reminders/no-reply';
import { presetTime } from '../reminders/presets';
import { createReportHandlers } from '../reports/handlers';
import { createReportMailHandlers } from '../reports/mail-handlers';
import type { WorkerServices } from '../rpc/services';
import { createServiceHandlers } from '../service/handlers';
import { createTeamHandlers } from '../team/handlers';
import { createTemplateHandlers } from '../templates/handlers';
import { senderSignature } from '../webmail/signature';
import { createWinLossHandlers } from '../winloss/handlers';
import { claimAccount } from './account-rep';
import { repAddressesOf } from './email-log';
import { createDashboardHandlers } from './handlers-records';
import { takeInboxSeen } from './inbox-facts';
import type { Handlers } from './router';
import { logWhenDue, releaseThread, unlogThread, withMessageTimes } from './thread-log';

async function repAddresses(s: WorkerServices, snapshot: WebmailSnapshot | null): Promise<Set<string>> {
  return repAddressesOf(snapshot, await config.listReps(s.db));
}

/** A reply in a watched thread cancels its "remind me if no reply" tasks. */
async function cancelAnsweredTasks(s: WorkerServices, snapshot: WebmailSnapshot): Promise<void> {
  const thread = snapshot.thread;
  if (!thread) return;
  const watching = (await tasks.tasksForThread(s.db, thread.id)).filter((t) => t.status === 'open' && t.watch);
  const cancelled = watching.map((t) => replyCancels(t, thread, s.now())).filter((t): t is Task => t !== null);
  if (cancelled.length === 0) return;
  await tasks.saveTasks(s.db, cancelled, s.now());
  s.changed(['tasks']);
  await s.tasksChanged();
}

async function dueFrom(s: WorkerServices, due: { preset: Parameters<typeof presetTime>[0] } | { at: number }) {
  if ('at' in due) return due.at;
  return presetTime(due.preset, s.now(), await config.getSettings(s.db));
}

async function senderSnapshot(s: WorkerServices, tabId: number | null): Promise<WebmailSnapshot | null> {
  return tabId === null ? null : s.snapshots.get(tabId);
}

export function createHandlers(s: WorkerServices): Handlers {
  const db = s.db;
  const write = async <T>(stores: string[], work: Promise<T>): Promise<T> => {
    const value = await work;
    s.changed(stores);
    return value;
  };
  // The rep acted on the thread in the sidebar: it is logged now. The act itself is done and stays done.
  const actedOn = (tabId: number | null, threadId: string) =>
    releaseThread(s, tabId, threadId).catch((error: unknown) => {
      console.warn('Sidecar: could not log this thread', error);
      return 0;
    });

  return {
    ping: async () => ({ version: s.version, now: s.now() }),

    'snapshot.publish': async (snapshot, { tabId }) => {
      if (tabId === null) throw new StoreError('invalid', 'A snapshot must come from a tab.');
      const settings = await config.getSettings(db);
      // The page gives times read from Gmail's ids; the date text of the others is read here, in the rep's zone.
      const timed = withMessageTimes(snapshot, settings.timeZone, s.now());
      await s.snapshots.set(tabId, timed, s.now());
      // The sidebar hears of the new people first; the session copy (for a restarted worker) is written after.
      s.snapshotChanged(tabId, timed);
      await s.snapshots.flush();
      // Logging and reply-watching must never make the publish fail: the sidebar still shows the people.
      try {
        await logWhenDue(s, tabId, timed, settings);
        await cancelAnsweredTasks(s, timed);
      } catch (error) {
        console.warn('Sidecar: could not log this thread', error);
      }
      return true;
    },
    'inbox.seen': async (seen, { tabId }) => {
      if (tabId === null) throw new StoreError('invalid', 'What the lists show must come from a tab.');
      await takeInboxSeen(s, tabId, seen);
      return true;
    },
    'snapshot.current': async (_input, { tabId }) => ({ tabId, snapshot: await senderSnapshot(s, tabId) }),

    'sidebar.lookup': async ({ emails }) => ({ contactIds: await contactIdsForEmails(db, emails) }),
    'contact.card': async ({ id }) => contactCard(db, id),

    'contact.capture': async ({ name, email, tabSnapshot }, { tabId }) => {
      const snapshot = tabSnapshot ? await senderSnapshot(s, tabId) : null;
      const own = await repAddresses(s, snapshot);
      if (own.has(normaliseEmail(email))) throw new StoreError('invalid', 'This is your own address.', 'email');
      const signature = senderSignature(snapshot?.thread?.messages ?? [], [email]);
      const emailSource = (await config.listSources(db)).find((source) => source.key === 'email');
      const result = await contacts.captureContact(
        db,
        {
          name,
          email,
          jobTitle: signature?.jobTitle ?? '',
          phone: signature?.phone ?? null,
          company: signature?.company ?? null,
          sourceId: emailSource?.id ?? null,
        },
        s.now(),
      );
      s.changed(['contacts', 'companies']);
      // Capturing someone from the thread is acting on it: it is logged now, on them too.
      if (snapshot?.thread) await actedOn(tabId, snapshot.thread.id);
      return { contact: result.contact, created: result.created };
    },
    'contact.fillFromSignature': async ({ id, ...fill }) =>
      write(['contacts', 'companies'], contacts.fillFromSignature(db, id, fill, s.now())),
    'contact.create': async (input) => write(['contacts'], contacts.createContact(db, input, s.now())),
    'contact.update': async ({ id, patch }) => write(['contacts'], contacts.updateContact(db, id, patch, s.now())),
    'contact.addEmail': async ({ id, email }) =>
      write(['contacts'], contacts.addEmailToContact(db, id, email, s.now())),
    'contact.setDeleted': async ({ id, deleted }) =>
      write(['contacts'], contacts.setContactDeleted(db, id, deleted, s.now())),
    'contact.get': async ({ id }) => contacts.getContact(db, id),

    'company.get': async ({ id }) => companies.getCompany(db, id),
    'company.update': async ({ id, patch }) =>
      write(['companies', 'contacts', 'deals'], companies.updateCompany(db, id, patch, s.now())),

    'deal.create': async (input, { tabId }) => {
      const deal = await write(['deals'], deals.createDeal(db, input, s.now()));
      // A deal made from the thread on screen is the rep acting on it: it is logged now.
      if (input.threadId) await actedOn(tabId, input.threadId);
      return deal;
    },
    'deal.update': async ({ id, patch }) => write(['deals'], deals.updateDeal(db, id, patch, s.now())),
    'deal.setDeleted': async ({ id, deleted }) => write(['deals'], deals.setDealDeleted(db, id, deleted, s.now())),
    'deals.forPipeline': async ({ pipelineId }) => {
      const pipeline = (await config.listPipelines(db)).find((p) => p.id === pipelineId);
      if (!pipeline) throw new StoreError('not-found', 'This pipeline no longer exists.');
      return deals.dealsInPipeline(db, pipeline);
    },

    'activity.add': async ({ requestId, ...draft }) =>
      write(['activities'], activities.addActivity(db, draft, s.now(), requestId)),
    'activities.forContact': async ({ contactId, limit }) => activities.activitiesForContact(db, contactId, limit),

    'task.followUp': async (input, { tabId }) => {
      const snapshot = input.fromOpenThread ? await senderSnapshot(s, tabId) : null;
      const thread = snapshot?.thread ?? null;
      if (input.noReply && !thread) throw new StoreError('invalid', 'Open the email thread to watch it for a reply.');
      const task = await tasks.createTask(
        db,
        {
          title: input.title,
          note: input.note ?? '',
          dueAt: await dueFrom(s, input.due),
          kind: input.noReply ? 'no-reply' : 'follow-up',
          contactId: input.contactId ?? null,
          dealId: input.dealId ?? null,
          threadId: thread?.id ?? null,
          accountIndex: snapshot?.accountIndex ?? null,
          watch: input.noReply && thread ? watchFromThread(thread, [...(await repAddresses(s, snapshot))]) : null,
        },
        s.now(),
        input.requestId,
      );
      s.changed(['tasks']);
      await s.tasksChanged();
      if (thread) await actedOn(tabId, thread.id);
      return task;
    },
    'task.complete': async ({ id }) => updateTask(s, id, (task) => complete(task, s.now())),
    'task.reopen': async ({ id }) => updateTask(s, id, (task) => reopen(task, s.now())),
    'task.snooze': async ({ id, due }) => {
      const until = await dueFrom(s, due);
      return updateTask(s, id, (task) => snooze(task, until, s.now()));
    },
    'tasks.open': async () => tasks.openTasks(db),
    'tasks.forThread': async ({ threadId }) => tasks.tasksForThread(db, threadId),

    'search.all': async ({ query, limit = 8 }) => {
      const [c, co, d] = await Promise.all([
        searchContacts(db, query, limit),
        searchCompanies(db, query, limit),
        searchDeals(db, query, limit),
      ]);
      return { contacts: c, companies: co, deals: d };
    },

    'settings.get': async () => config.getSettings(db),
    'settings.update': async (patch) => {
      const settings = await write(['settings'], config.updateSettings(db, patch));
      // Working hours, their quiet and the time zone decide when reminders may be shown: held ones now allowed
      // appear at once.
      await s.wakeReminders();
      return settings;
    },
    'pipelines.list': async () => config.listPipelines(db),
    'pipeline.save': async (pipeline) => write(['pipelines'], config.savePipeline(db, pipeline, s.now())),
    'sources.list': async () => config.listSources(db),
    'reps.list': async () => config.listReps(db),
    'rep.save': async (rep) => write(['reps'], config.saveRep(db, rep, s.now())),
    'rep.claimAccount': async ({ repId, name }, { tabId }) => {
      const account = (await senderSnapshot(s, tabId))?.account;
      if (!account) throw new StoreError('invalid', 'Sidecar cannot see which account is signed in to this Gmail.');
      return claimAccount(s, account, repId, name);
    },
    'propertyDefs.list': async () => config.listPropertyDefs(db),
    'propertyDef.save': async (def) => write(['propertyDefs'], config.savePropertyDef(db, def, s.now())),

    'thread.prefs': async ({ threadId }) => config.getThreadPrefs(db, threadId),
    'thread.setDoNotLog': async ({ threadId, doNotLog }, { tabId }) => {
      const prefs = await write(['threadPrefs'], config.setThreadDoNotLog(db, threadId, doNotLog));
      // Ticked after the thread was logged, what was logged of it goes; unticked, the rep chose to have it logged.
      if (doNotLog) await unlogThread(s, threadId);
      else await actedOn(tabId, threadId);
      return prefs;
    },
    'thread.log': async ({ threadId }, { tabId }) => ({ logged: await releaseThread(s, tabId, threadId) }),
    ...createDashboardHandlers(s),
    ...createImportHandlers(s),
    ...createBackupHandlers(s),
    ...createReportHandlers(s),
    ...createReportMailHandlers(s),
    ...createMergeHandlers(s),
    ...createTeamHandlers(s),
    ...createFormHandlers(s),
    ...createServiceHandlers(s),
    ...createTemplateHandlers(s),
    ...createWinLossHandlers(s),
    ...createPlanHandlers(s),
  };
}

async function updateTask(s: WorkerServices, id: string, change: (task: Task) => Task): Promise<Task> {
  const task = await tasks.getTask(s.db, id);
  if (!task || task.deletedAt !== null) throw new StoreError('not-found', 'This task no longer exists.');
  const saved = await tasks.saveTask(s.db, change(task), s.now());
  s.changed(['tasks']);
  await s.tasksChanged();
  return saved;
}
