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
import { createImportHandlers } from '../import/handlers';
import { createMergeHandlers } from '../merges/handlers';
import type { Settings, Task, WebmailSnapshot } from '../model';
import { normalizeEmail } from '../model';
import { complete, reopen, snooze } from '../reminders/due';
import { replyCancels, watchFromThread } from '../reminders/no-reply';
import { presetTime } from '../reminders/presets';
import { createReportHandlers } from '../reports/handlers';
import type { WorkerServices } from '../rpc/services';
import { senderSignature } from '../webmail/signature';
import { emailActivitiesFor, repAddressesOf } from './email-log';
import { createDashboardHandlers } from './handlers-records';
import type { Handlers } from './router';

async function repAddresses(s: WorkerServices, snapshot: WebmailSnapshot | null): Promise<Set<string>> {
  const reps = await config.listReps(s.db);
  return repAddressesOf(
    snapshot,
    reps.flatMap((r) => [r.email, ...r.accountEmails]),
  );
}

/** Logs the open thread's messages on its known contacts, unless the rep said not to for this thread. */
async function logThread(s: WorkerServices, snapshot: WebmailSnapshot, settings: Settings): Promise<number> {
  const thread = snapshot.thread;
  if (!thread) return 0;
  if ((await config.getThreadPrefs(s.db, thread.id)).doNotLog) return 0;
  const emails = new Set<string>();
  for (const m of thread.messages) {
    for (const p of [m.from, ...m.to, ...m.cc]) if (p) emails.add(normalizeEmail(p.email));
  }
  const ids = await contactIdsForEmails(s.db, [...emails]);
  if (!Object.values(ids).some(Boolean)) return 0;
  const drafts = emailActivitiesFor(snapshot, ids, await repAddresses(s, snapshot), settings.neverLogDomains, s.now());
  const added = await activities.logEmails(s.db, drafts, s.now());
  if (added.length > 0) s.changed(['activities', 'contacts']);
  return added.length;
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

  return {
    ping: async () => ({ version: s.version, now: s.now() }),

    'snapshot.publish': async (snapshot, { tabId }) => {
      if (tabId === null) throw new StoreError('invalid', 'A snapshot must come from a tab.');
      await s.snapshots.set(tabId, snapshot);
      // The sidebar hears of the new people first; the session copy (for a restarted worker) is written after.
      s.snapshotChanged(tabId, snapshot);
      await s.snapshots.flush();
      // Logging and reply-watching must never make the publish fail: the sidebar still shows the people.
      try {
        await logThread(s, snapshot, await config.getSettings(db));
        await cancelAnsweredTasks(s, snapshot);
      } catch (error) {
        console.warn('Sidecar: could not log this thread', error);
      }
      return true;
    },
    'snapshot.current': async (_input, { tabId }) => ({ tabId, snapshot: await senderSnapshot(s, tabId) }),

    'sidebar.lookup': async ({ emails }) => ({ contactIds: await contactIdsForEmails(db, emails) }),
    'contact.card': async ({ id }) => contactCard(db, id),

    'contact.capture': async ({ name, email, tabSnapshot }, { tabId }) => {
      const snapshot = tabSnapshot ? await senderSnapshot(s, tabId) : null;
      const own = await repAddresses(s, snapshot);
      if (own.has(normalizeEmail(email))) throw new StoreError('invalid', 'This is your own address.', 'email');
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
      if (snapshot) await logThread(s, snapshot, await config.getSettings(db));
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

    'deal.create': async (input) => write(['deals'], deals.createDeal(db, input, s.now())),
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
    'propertyDefs.list': async () => config.listPropertyDefs(db),
    'propertyDef.save': async (def) => write(['propertyDefs'], config.savePropertyDef(db, def, s.now())),

    'thread.prefs': async ({ threadId }) => config.getThreadPrefs(db, threadId),
    'thread.setDoNotLog': async ({ threadId, doNotLog }) =>
      write(['threadPrefs'], config.setThreadDoNotLog(db, threadId, doNotLog)),
    ...createDashboardHandlers(s),
    ...createImportHandlers(s),
    ...createBackupHandlers(s),
    ...createReportHandlers(s),
    ...createMergeHandlers(s),
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
