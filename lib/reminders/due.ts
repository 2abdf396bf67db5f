import type { Task, TaskEvent } from '../model';
import { startOfDay } from '../time/zoned';

/**
 * When a task's notification is due, and what acting on it does to the Task. Everything here is a pure function of
 * the tasks and `now`; the worker (lib/reminders/alarms.ts) does the browser side.
 */

/** Above this many due at once, one summary notification replaces the individual ones (a restart after a week off). */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

/**
 * Chrome delays an alarm set less than 30 s ahead to 30 s in a packed extension, so a past-due reminder is armed on
 * the next 30-second boundary at least 30 s away. Rounding to a boundary keeps `when` the same for every
 * recomputation within the window, so re-arming on each worker wake does not push a past-due alarm back forever.
 */
export const PAST_DUE_DELAY = 30_000;

/** Tasks keep this many history entries at most (the schema's bound); the oldest after "created" go first. */
const HISTORY_LIMIT = 200;

const ALARM_PREFIX = 'task:';

function isLive(task: Task): boolean {
  return task.status === 'open' && task.deletedAt === null;
}

/** Not yet shown for its current due time: snoozing or rescheduling clears firedAt so the new time fires again. */
function isUnfired(task: Task): boolean {
  return task.firedAt === null || task.firedAt < task.dueAt;
}

function byDue(a: Task, b: Task): number {
  // Ties broken by id so every recomputation orders (and groups) the same tasks the same way.
  return a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `task`'s history with one more event, kept within the schema's bound. */
export function withEvent(task: Task, now: number, event: TaskEvent['event'], detail = ''): Task['history'] {
  const history = [...task.history, { at: now, event, detail }];
  if (history.length <= HISTORY_LIMIT) return history;
  // Keep "created" (how the task began) and the most recent events; a task snoozed daily for a year would
  // otherwise fail validation and could no longer be saved at all.
  const [first, ...rest] = history;
  return first ? [first, ...rest.slice(rest.length - (HISTORY_LIMIT - 1))] : rest.slice(-HISTORY_LIMIT);
}

function iso(epoch: number): string {
  return new Date(epoch).toISOString();
}

function assertEpoch(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be epoch milliseconds: ${value}`);
}

/** Open tasks whose due time has come and whose notification has not been shown for it, earliest first. */
export function tasksToFire(tasks: readonly Task[], now: number): Task[] {
  return tasks.filter((task) => isLive(task) && task.dueAt <= now && isUnfired(task)).sort(byDue);
}

/**
 * Splits due tasks into notifications: one each when there are few, one summary when there are many, so a browser
 * restart with 20 overdue reminders shows one notification instead of 20. Tasks not due at `now` are left out.
 */
export function groupForNotification(tasks: readonly Task[], now: number): Task[][] {
  const due = tasks.filter((task) => task.dueAt <= now).sort(byDue);
  if (due.length === 0) return [];
  if (due.length <= MAX_SEPARATE_NOTIFICATIONS) return due.map((task) => [task]);
  return [due];
}

/** The task after its notification was shown at `now`. */
export function markFired(task: Task, now: number): Task {
  return { ...task, firedAt: now, updatedAt: now, history: withEvent(task, now, 'fired') };
}

export function alarmName(taskId: string): string {
  return `${ALARM_PREFIX}${taskId}`;
}

/** The task id an alarm stands for, or null for an alarm that is not a task's (reports, cleanup …). */
export function taskIdFromAlarm(name: string): string | null {
  if (!name.startsWith(ALARM_PREFIX)) return null;
  const id = name.slice(ALARM_PREFIX.length);
  return id === '' ? null : id;
}

/**
 * The alarms that should exist: one per open task not yet fired for its due time, at its absolute due time.
 * Past-due ones (the browser was closed) get a moment after `now` so they fire once at start-up. `hold` moves a time
 * the rep wants no notification at (lib/reminders/quiet.ts notifyAt) to when they do.
 */
export function alarmPlan(
  tasks: readonly Task[],
  now: number,
  hold: (when: number) => number = (when) => when,
): { name: string; when: number }[] {
  const soon = Math.ceil((now + PAST_DUE_DELAY) / PAST_DUE_DELAY) * PAST_DUE_DELAY;
  return tasks
    .filter((task) => isLive(task) && isUnfired(task))
    .sort(byDue)
    .map((task) => ({ name: alarmName(task.id), when: hold(task.dueAt > now ? task.dueAt : soon) }));
}

/** Puts an open task off until `until`; it fires again then. A done or cancelled task is returned unchanged. */
export function snooze(task: Task, until: number, now: number): Task {
  assertEpoch(until, 'until');
  if (!isLive(task)) return task;
  return {
    ...task,
    dueAt: until,
    firedAt: null,
    updatedAt: now,
    history: withEvent(task, now, 'snoozed', iso(until)),
  };
}

/**
 * Moves a task's due time (an edit, not a "not now"): it fires again at the new time if still open. History detail
 * is "old → new" in ISO form so the UI can format both in the rep's zone.
 */
export function reschedule(task: Task, dueAt: number, now: number): Task {
  assertEpoch(dueAt, 'dueAt');
  if (dueAt === task.dueAt) return task;
  return {
    ...task,
    dueAt,
    firedAt: null,
    updatedAt: now,
    history: withEvent(task, now, 'rescheduled', `${iso(task.dueAt)} → ${iso(dueAt)}`),
  };
}

/** Marks an open task done; a done task never fires. Idempotent: a second click from a stale notification is a no-op. */
export function complete(task: Task, now: number): Task {
  if (!isLive(task)) return task;
  return { ...task, status: 'done', completedAt: now, updatedAt: now, history: withEvent(task, now, 'done') };
}

/**
 * Opens a done or cancelled task again. firedAt is kept: a reminder that was already shown for this due time is not
 * shown again, while one closed before it ever fired will fire (it is overdue and nobody was told).
 */
export function reopen(task: Task, now: number): Task {
  if (task.status === 'open' || task.deletedAt !== null) return task;
  return { ...task, status: 'open', completedAt: null, updatedAt: now, history: withEvent(task, now, 'reopened') };
}

/** The badge number: open tasks due at or before `now` (fired or not: a shown reminder is still to do). */
export function countDue(tasks: readonly Task[], now: number): number {
  return tasks.filter((task) => isLive(task) && task.dueAt <= now).length;
}

export interface PopupGroups {
  /** Due at or before now: the same tasks the badge counts. */
  overdue: Task[];
  /** Due later today in the rep's zone. */
  today: Task[];
  /** Due after today. */
  upcoming: Task[];
}

/** Open tasks in the popup's three lists, each sorted by due time. */
export function partitionForPopup(tasks: readonly Task[], now: number, timeZone: string): PopupGroups {
  const tomorrowStart = startOfDay(now, timeZone, 1);
  const groups: PopupGroups = { overdue: [], today: [], upcoming: [] };
  for (const task of [...tasks].sort(byDue)) {
    if (!isLive(task)) continue;
    if (task.dueAt <= now) groups.overdue.push(task);
    else if (task.dueAt < tomorrowStart) groups.today.push(task);
    else groups.upcoming.push(task);
  }
  return groups;
}
