import { addActivity } from '../db/activities';
import { getSettings, getThreadPrefs, listReps } from '../db/config';
import { StoreError } from '../db/errors';
import { createTask, getTask, saveTask } from '../db/tasks';
import { translate } from '../i18n/translate';
import { normaliseEmail, repForAccount, type ServiceThread, type WebmailSnapshot } from '../model';
import type { CallContext, HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import type { serviceContract } from './contract';
import { suggestKind } from './kinds';
import { deadlineOf } from './policy';
import { scoreFromReply } from './score';
import { listKinds, newThreadRecord, saveKind, saveThreadRecord, threadRecord, waitingRecords } from './store';
import { mergeWait, threadWait } from './wait';

type Thread = NonNullable<WebmailSnapshot['thread']>;

export function createServiceHandlers(s: WorkerServices): HandlersOf<typeof serviceContract> {
  const db = s.db;

  const openThread = async (context: CallContext, threadId?: string) => {
    const snapshot = context.tabId === null ? null : await s.snapshots.get(context.tabId);
    const thread = snapshot?.thread ?? null;
    if (!snapshot || !thread || (threadId !== undefined && thread.id !== threadId)) return null;
    return { snapshot, thread };
  };

  const waitOf = async (snapshot: WebmailSnapshot, thread: Thread) => {
    const [reps, settings] = await Promise.all([listReps(db), getSettings(db)]);
    const own = new Set(reps.flatMap((rep) => [rep.email, ...rep.accountEmails]).map(normaliseEmail));
    if (snapshot.account) own.add(normaliseEmail(snapshot.account));
    const rep = repForAccount(reps, snapshot.account) ?? reps.find((r) => r.id === settings.currentRepId) ?? null;
    return { wait: threadWait(thread, own, settings.timeZone, s.now()), own, repId: rep?.id ?? null, settings };
  };

  /**
   * A complaint's owner is told when it nears its target, by an ordinary reminder on the thread: quiet hours, the
   * badge, the click that opens the thread in its account all come with it. The reminder follows the record: moved
   * when the wait or the kind changes, cancelled once answered.
   */
  const followReminder = async (record: ServiceThread): Promise<ServiceThread> => {
    const [kinds, settings] = await Promise.all([listKinds(db), getSettings(db)]);
    const kind = kinds.find((k) => k.id === record.kindId) ?? null;
    const deadline = kind?.builtIn === 'complaint' ? deadlineOf(record, kind, settings, s.now()) : null;
    const existing = record.reminderTaskId ? await getTask(db, record.reminderTaskId) : null;
    const open = existing && existing.status === 'open' && existing.deletedAt === null ? existing : null;
    if (!deadline) {
      if (open) await saveTask(db, { ...open, status: 'cancelled', updatedAt: s.now() }, s.now());
    } else if (open) {
      if (open.dueAt !== deadline.nearingAt || open.ownerId !== record.ownerRepId) {
        await saveTask(db, { ...open, dueAt: deadline.nearingAt, firedAt: null, ownerId: record.ownerRepId }, s.now());
      }
    } else {
      const task = await createTask(
        db,
        {
          title: translate(settings.language, 'service_reminder_title', { subject: record.subject || '—' }).slice(
            0,
            300,
          ),
          dueAt: deadline.nearingAt,
          kind: 'todo',
          ownerId: record.ownerRepId,
          threadId: record.threadId,
          accountIndex: record.accountIndex,
        },
        s.now(),
      );
      record = await saveThreadRecord(db, { ...record, reminderTaskId: task.id }, s.now());
    }
    s.changed(['tasks', 'serviceThreads']);
    await s.tasksChanged();
    return record;
  };

  /** The record of the open thread, made for this rep when there is none; its wait as the page shows it now. */
  const recordFor = async (context: CallContext, threadId: string): Promise<ServiceThread> => {
    const open = await openThread(context, threadId);
    if (!open) throw new StoreError('invalid', 'Open the email thread first.');
    const { wait, repId } = await waitOf(open.snapshot, open.thread);
    const found = await threadRecord(db, threadId);
    return {
      ...(found ??
        newThreadRecord(
          {
            threadId,
            accountIndex: open.snapshot.accountIndex,
            subject: open.thread.subject.slice(0, 500),
            ownerRepId: repId,
          },
          s.now(),
        )),
      ...mergeWait(found, wait),
    };
  };

  return {
    'service.kinds': async () => listKinds(db),
    'service.kind.save': async (kind) => {
      const saved = await saveKind(db, kind, s.now());
      s.changed(['threadKinds']);
      return saved;
    },

    'service.thread': async (_input, context) => {
      const open = await openThread(context);
      const none = { record: null, suggestedKindId: null, waiting: false, deadline: null, offeredScore: null };
      if (!open) return { private: false, ...none };
      const { snapshot, thread } = open;
      if ((await getThreadPrefs(db, thread.id)).doNotLog) {
        // Marked private after it was kept: its record goes (a tombstone, so a team's copy goes too), and so does
        // the reminder, whose title is the subject.
        const kept = await threadRecord(db, thread.id);
        if (kept)
          await followReminder(await saveThreadRecord(db, { ...kept, kindId: null, deletedAt: s.now() }, s.now()));
        return { private: true, ...none };
      }
      const [{ wait, own, settings }, kinds, stored] = await Promise.all([
        waitOf(snapshot, thread),
        listKinds(db),
        threadRecord(db, thread.id),
      ]);
      let record = stored;
      const known = mergeWait(stored, wait);
      // What the page shows now is newer than the record: the rep has answered, or the customer wrote again.
      if (
        record &&
        (['waitingSince', 'firstInboundAt', 'firstAnsweredAt'] as const).some((k) => record?.[k] !== known[k])
      ) {
        record = await followReminder(await saveThreadRecord(db, { ...record, ...known }, s.now()));
      }
      const kind = kinds.find((k) => k.id === record?.kindId) ?? null;
      const last = thread.messages.at(-1);
      const fromCustomer = last?.from && !own.has(normaliseEmail(last.from.email));
      return {
        private: false,
        record,
        suggestedKindId: suggestKind(kinds, thread)?.id ?? null,
        waiting: known.waitingSince !== null,
        deadline: deadlineOf(record ?? { threadId: thread.id, ...known }, kind, settings, s.now()),
        offeredScore: fromCustomer && last ? scoreFromReply(last.tail) : null,
      };
    },

    'service.seen': async ({ threadId }, context) => {
      const open = await openThread(context, threadId);
      if (!open || (await getThreadPrefs(db, threadId)).doNotLog) return null;
      const existing = await threadRecord(db, threadId);
      if (existing) return existing;
      const record = await recordFor(context, threadId);
      if (record.waitingSince === null) return null;
      const suggested = suggestKind(await listKinds(db), open.thread);
      const saved = await saveThreadRecord(
        db,
        { ...record, kindId: suggested?.id ?? null, kindBy: suggested ? 'rule' : null },
        s.now(),
      );
      return followReminder(saved);
    },
    'service.setKind': async ({ threadId, kindId }, context) => {
      const record = await recordFor(context, threadId);
      const saved = await saveThreadRecord(db, { ...record, kindId, kindBy: kindId ? 'rep' : null }, s.now());
      return followReminder(saved);
    },
    'service.assign': async ({ threadId, repId }, context) => {
      const found = await threadRecord(db, threadId);
      const record = found ?? (await recordFor(context, threadId));
      return followReminder(await saveThreadRecord(db, { ...record, ownerRepId: repId }, s.now()));
    },

    'service.urgent': async () => {
      const [records, kinds, settings] = await Promise.all([waitingRecords(db), listKinds(db), getSettings(db)]);
      const now = s.now();
      return records
        .map((record) => ({
          record,
          deadline: deadlineOf(record, kinds.find((k) => k.id === record.kindId) ?? null, settings, now),
        }))
        .filter(
          (entry): entry is typeof entry & { deadline: NonNullable<typeof entry.deadline> } =>
            entry.deadline !== null && entry.deadline.state !== 'due',
        )
        .sort((a, b) => a.deadline.dueAt - b.deadline.dueAt);
    },

    'service.recordScore': async ({ contactId, threadId, score, requestId }, context) => {
      const record = threadId ? await threadRecord(db, threadId) : null;
      const open = threadId ? await openThread(context, threadId) : null;
      const reps = await listReps(db);
      const settings = await getSettings(db);
      const repId =
        record?.ownerRepId ?? repForAccount(reps, open?.snapshot.account ?? null)?.id ?? settings.currentRepId;
      const activity = await addActivity(
        db,
        {
          type: 'satisfaction',
          occurredAt: s.now(),
          contactId,
          repId,
          score,
          threadId,
          threadKindId: record?.kindId ?? null,
          accountIndex: record?.accountIndex ?? open?.snapshot.accountIndex ?? null,
          subject: (record?.subject ?? open?.thread.subject ?? '').slice(0, 500),
        },
        s.now(),
        requestId,
      );
      s.changed(['activities']);
      return activity;
    },
  };
}
