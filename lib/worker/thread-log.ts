import * as activities from '../db/activities';
import { contactIdsForEmails } from '../db/card';
import * as config from '../db/config';
import { dropThreadFacts } from '../db/thread-facts';
import type { Settings, WebmailSnapshot } from '../model';
import { normaliseEmail, repForAccount } from '../model';
import type { WorkerServices } from '../rpc/services';
import { messageTime } from '../webmail/message-time';
import { LOG_AFTER_MS } from './contract';
import { emailActivitiesFor, repAddressesOf } from './email-log';
import { keepOpenedThreadFacts } from './inbox-facts';

/**
 * Private first: nothing of a thread is logged before the rep has had the chance to tick "Don't log this thread".
 * A thread is logged once it has been on screen for LOG_AFTER_MS, or at once when the rep acts on it in the sidebar
 * (captures a person, sets a follow-up, makes a deal); a thread marked private or a never-log domain never is.
 *
 * The wait must survive the MV3 worker being stopped, which the browser does whenever it likes: a timer in the
 * worker would die with it, and alarms cannot fire sooner than thirty seconds. So the clock runs where the thread is
 * shown: the sidebar frame (an extension page living as long as the Gmail tab, and where "Don't log" is ticked)
 * asks `thread.log` once it has shown a thread for LOG_AFTER_MS, which wakes the worker if it sleeps. The worker
 * keeps, with each tab's snapshot in session storage, since when the tab has shown its thread and whether it was
 * released, so a later publish of the same thread (a reply arriving, a message expanded) logs on its own once the
 * time is up, and a worker started afresh still knows. A tab closed before then has logged nothing.
 */

/**
 * The snapshot with each message's time as well as it can be known: from its ids, else its date text read in the
 * rep's time zone. A time found neither way stays null (unknown), never "now".
 */
export function withMessageTimes(snapshot: WebmailSnapshot, timeZone: string, now: number): WebmailSnapshot {
  const thread = snapshot.thread;
  if (!thread) return snapshot;
  const messages = thread.messages.map((message) => {
    const { at, source } = messageTime(message, timeZone, now);
    return { ...message, time: source === 'logged' ? null : at };
  });
  return { ...snapshot, thread: { ...thread, messages } };
}

/** Logs the open thread's messages on its known contacts, unless the rep said not to for this thread. */
async function logThread(s: WorkerServices, snapshot: WebmailSnapshot, settings: Settings): Promise<number> {
  const thread = snapshot.thread;
  if (!thread) return 0;
  if ((await config.getThreadPrefs(s.db, thread.id)).doNotLog) return 0;
  const emails = new Set<string>();
  for (const m of thread.messages) {
    for (const p of [m.from, ...m.to, ...m.cc]) if (p) emails.add(normaliseEmail(p.email));
  }
  const ids = await contactIdsForEmails(s.db, [...emails]);
  const reps = await config.listReps(s.db);
  if (!Object.values(ids).some(Boolean)) {
    await keepOpenedThreadFacts(s, snapshot, reps, settings.neverLogDomains);
    return 0;
  }
  const drafts = emailActivitiesFor(snapshot, ids, {
    repAddresses: repAddressesOf(snapshot, reps),
    repId: repForAccount(reps, snapshot.account)?.id ?? null,
    neverLogDomains: settings.neverLogDomains,
    timeZone: settings.timeZone,
    now: s.now(),
  });
  const added = await activities.logEmails(s.db, drafts, s.now());
  if (added.length > 0) s.changed(['activities', 'contacts']);
  return added.length;
}

/** On a publish: logs the tab's thread when the rep released it or it has been on screen long enough. */
export async function logWhenDue(
  s: WorkerServices,
  tabId: number,
  snapshot: WebmailSnapshot,
  settings: Settings,
): Promise<number> {
  const shown = await s.snapshots.shownThread(tabId);
  if (!shown || (!shown.released && s.now() - shown.since < LOG_AFTER_MS)) return 0;
  return logThread(s, snapshot, settings);
}

/**
 * The rep let the thread shown in `tabId` be logged (its time on screen is up, or the rep acted on it): logs it now
 * and every later publish of it. Nothing happens when the tab shows another thread by now.
 */
export async function releaseThread(s: WorkerServices, tabId: number | null, threadId: string): Promise<number> {
  if (tabId === null) return 0;
  const snapshot = await s.snapshots.get(tabId);
  if (!snapshot?.thread || !(await s.snapshots.release(tabId, threadId))) return 0;
  return logThread(s, snapshot, await config.getSettings(s.db));
}

/**
 * The rep marked the thread private after it was logged: what was logged of it becomes tombstones, and what was seen
 * of it in the lists is forgotten.
 */
export async function unlogThread(s: WorkerServices, threadId: string): Promise<number> {
  await dropThreadFacts(s.db, threadId);
  const removed = await activities.unlogThread(s.db, threadId, s.now());
  if (removed.length > 0) s.changed(['activities', 'contacts']);
  return removed.length;
}
