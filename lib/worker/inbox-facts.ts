import * as config from '../db/config';
import * as tasks from '../db/tasks';
import * as threadFacts from '../db/thread-facts';
import type { Rep, Task, WebmailSnapshot } from '../model';
import { emailDomain, normaliseEmail, repForAccount } from '../model';
import type { InboxSeen, ThreadFactEvent } from '../model/inbox-seen';
import { replyCancels, type SnapshotThread } from '../reminders/no-reply';
import type { WorkerServices } from '../rpc/services';
import { parseGmailFeed } from '../webmail/gmail-feed';
import { messageTime } from '../webmail/message-time';
import { repAddressesOf } from './email-log';

/**
 * Replies seen without opening the thread (lib/webmail/gmail-list.ts sends what the lists and the unread feed show):
 * each row or feed entry says who wrote a thread's newest message and when. A reply from a watched person cancels the
 * thread's "remind me if no reply", and every such message is kept as a thread fact for response times, contact or
 * not. A private thread, and a sender of a never-log domain, leave nothing.
 */

/** A thread's newest message as a list row or the feed shows it. */
export interface SeenMessage {
  threadId: string;
  /** Legacy hex id, or empty when the row does not carry it. */
  messageId: string;
  at: number;
  from: string;
}

/**
 * The messages `seen` tells of. A row's newest sender is the last it lists; its time comes from the newest message's
 * id, else the date cell read in `timeZone`; a row with neither tells nothing. A feed that is not Gmail's tells
 * nothing either.
 */
export function seenMessages(seen: InboxSeen, timeZone: string, now: number): SeenMessage[] {
  const out: SeenMessage[] = [];
  for (const row of seen.rows) {
    const sender = row.senders[row.senders.length - 1];
    if (!sender) continue;
    const time = messageTime(
      { id: row.last, legacyId: row.last || null, time: null, timeText: row.date },
      timeZone,
      now,
    );
    if (time.source === 'logged') continue;
    out.push({ threadId: row.thread, messageId: row.last, at: time.at, from: normaliseEmail(sender.email) });
  }
  for (const entry of (seen.feed && parseGmailFeed(seen.feed, now)) || []) {
    out.push({
      threadId: entry.thread,
      messageId: entry.message,
      at: entry.at,
      from: normaliseEmail(entry.from.email),
    });
  }
  return out;
}

/** The seen messages of one thread as the part of a thread snapshot a "no reply" watch reads. */
function asThread(threadId: string, messages: readonly SeenMessage[]): SnapshotThread {
  return {
    id: threadId,
    permId: null,
    subject: '',
    messages: messages.map((m) => ({
      id: m.messageId,
      legacyId: m.messageId || null,
      from: { email: m.from, name: '' },
      to: [],
      cc: [],
      time: m.at,
      timeText: '',
      collapsed: true,
      tail: '',
    })),
  };
}

/**
 * An opened thread with no contact in it is not logged, but its messages still count in response times: they are
 * kept as thread facts (a never-log domain's sender left out). Its times are the worker's (withMessageTimes).
 */
export async function keepOpenedThreadFacts(
  s: WorkerServices,
  snapshot: WebmailSnapshot,
  reps: readonly Rep[],
  neverLogDomains: readonly string[],
): Promise<void> {
  const thread = snapshot.thread;
  if (!thread) return;
  const own = repAddressesOf(snapshot, reps);
  const blocked = new Set(neverLogDomains.map((d) => d.trim().toLowerCase()));
  const events: ThreadFactEvent[] = [];
  for (const m of thread.messages) {
    const from = m.from ? normaliseEmail(m.from.email) : '';
    if (!from || m.time === null || blocked.has(emailDomain(from))) continue;
    events.push({ messageId: m.id, at: m.time, from, direction: own.has(from) ? 'outbound' : 'inbound' });
  }
  const place = {
    threadId: thread.id,
    accountIndex: snapshot.accountIndex,
    repAddress: snapshot.account,
    repId: repForAccount(reps, snapshot.account)?.id ?? null,
  };
  if (events.length && (await threadFacts.addThreadFacts(s.db, place, events, s.now()))) s.changed(['threadFacts']);
}

/** Takes in what a tab's lists and feed show: cancels answered "no reply" tasks and keeps thread facts. */
export async function takeInboxSeen(s: WorkerServices, tabId: number | null, seen: InboxSeen): Promise<void> {
  const now = s.now();
  const settings = await config.getSettings(s.db);
  const snapshot = tabId === null ? null : await s.snapshots.get(tabId);
  const reps = await config.listReps(s.db);
  const own = repAddressesOf(snapshot, reps);
  const account = snapshot?.account ?? null;
  const blocked = new Set(settings.neverLogDomains.map((d) => d.trim().toLowerCase()));
  const byThread = new Map<string, SeenMessage[]>();
  for (const message of seenMessages(seen, settings.timeZone, now)) {
    if (blocked.has(emailDomain(message.from))) continue;
    byThread.set(message.threadId, [...(byThread.get(message.threadId) ?? []), message]);
  }
  const cancelled: Task[] = [];
  let kept = 0;
  for (const [threadId, messages] of byThread) {
    if ((await config.getThreadPrefs(s.db, threadId)).doNotLog) continue;
    for (const task of await tasks.tasksForThread(s.db, threadId)) {
      // A row without the message's id tells only its time: a message from before the task was set is not a reply.
      const after = messages.filter((m) => m.messageId || m.at > task.createdAt);
      const done = replyCancels(task, asThread(threadId, after), now);
      if (done) cancelled.push(done);
    }
    const events: ThreadFactEvent[] = messages.map((m) => ({
      messageId: m.messageId,
      at: m.at,
      from: m.from,
      direction: own.has(m.from) ? 'outbound' : 'inbound',
    }));
    const place = {
      threadId,
      accountIndex: snapshot?.accountIndex ?? 0,
      repAddress: account,
      repId: repForAccount(reps, account)?.id ?? null,
    };
    if (await threadFacts.addThreadFacts(s.db, place, events, now)) kept++;
  }
  if (kept > 0) {
    await threadFacts.forgetOldThreadFacts(s.db, now);
    s.changed(['threadFacts']);
  }
  if (cancelled.length === 0) return;
  await tasks.saveTasks(s.db, cancelled, now);
  s.changed(['tasks']);
  await s.tasksChanged();
}
