import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '@/lib/model';
import {
  alarmName,
  alarmPlan,
  complete,
  countDue,
  groupForNotification,
  MAX_SEPARATE_NOTIFICATIONS,
  markFired,
  PAST_DUE_DELAY,
  partitionForPopup,
  reopen,
  reschedule,
  snooze,
  taskIdFromAlarm,
  tasksToFire,
} from '@/lib/reminders/due';
import { DAY, HOUR, makeTask, storable, T0 } from './fixtures';

// The reminder logic must take time only from its `now` parameter: a system clock stuck in 2001 would show.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** What the worker does on an alarm or at wake: show what is due, then mark it fired. */
function fireAt(tasks: Task[], now: number): { shown: Task[]; tasks: Task[] } {
  const shown = tasksToFire(tasks, now);
  const ids = new Set(shown.map((task) => task.id));
  return { shown, tasks: tasks.map((task) => (ids.has(task.id) ? markFired(task, now) : task)) };
}

const ids = (tasks: readonly Task[]) => tasks.map((task) => task.id);

describe('tasksToFire', () => {
  it('picks open tasks due at or before now that have not fired for their due time, earliest first', () => {
    const later = makeTask({ dueAt: T0 - HOUR });
    const earlier = makeTask({ dueAt: T0 - DAY });
    const exactlyNow = makeTask({ dueAt: T0 });
    const future = makeTask({ dueAt: T0 + 1 });
    const done = makeTask({ dueAt: T0 - HOUR, status: 'done', completedAt: T0 - HOUR });
    const cancelled = makeTask({ dueAt: T0 - HOUR, status: 'cancelled' });
    const deleted = makeTask({ dueAt: T0 - HOUR, deletedAt: T0 - 2 * HOUR });
    const alreadyFired = makeTask({ dueAt: T0 - HOUR, firedAt: T0 - HOUR + 5 });
    const firedForAnEarlierTime = makeTask({ dueAt: T0 - HOUR, firedAt: T0 - DAY });
    const all = [later, earlier, exactlyNow, future, done, cancelled, deleted, alreadyFired, firedForAnEarlierTime];
    expect(ids(tasksToFire(all, T0))).toEqual(ids([earlier, later, firedForAnEarlierTime, exactlyNow]));
  });

  it('fires a reminder that fell due while the browser was closed once at start-up, then never again', () => {
    const tasks = [makeTask({ dueAt: T0 - 3 * DAY }), makeTask({ dueAt: T0 - HOUR }), makeTask({ dueAt: T0 + DAY })];
    const startUp = T0;
    const first = fireAt(tasks, startUp);
    expect(first.shown).toHaveLength(2);
    // The worker recomputes at every wake, alarm and store change: nothing more to show.
    const again = fireAt(first.tasks, startUp);
    expect(again.shown).toEqual([]);
    expect(fireAt(again.tasks, startUp + 10 * 60_000).shown).toEqual([]);
    // The future one still fires at its own time, once.
    const tomorrow = fireAt(again.tasks, T0 + DAY);
    expect(ids(tomorrow.shown)).toEqual([tasks[2]?.id]);
    expect(fireAt(tomorrow.tasks, T0 + DAY + 1).shown).toEqual([]);
  });
});

describe('acting on a task', () => {
  it('marks a task fired with a history entry and keeps it storable', () => {
    const fired = storable(markFired(makeTask(), T0));
    expect(fired.firedAt).toBe(T0);
    expect(fired.updatedAt).toBe(T0);
    expect(fired.history.at(-1)).toEqual({ at: T0, event: 'fired', detail: '' });
  });

  it('fires a snoozed task again at its new time, not before', () => {
    const fired = markFired(makeTask({ dueAt: T0 }), T0);
    const snoozed = storable(snooze(fired, T0 + HOUR, T0 + 60_000));
    expect(snoozed).toMatchObject({ dueAt: T0 + HOUR, firedAt: null, status: 'open' });
    expect(snoozed.history.at(-1)).toEqual({
      at: T0 + 60_000,
      event: 'snoozed',
      detail: new Date(T0 + HOUR).toISOString(),
    });
    expect(tasksToFire([snoozed], T0 + 30 * 60_000)).toEqual([]);
    expect(alarmPlan([snoozed], T0 + 60_000)).toEqual([{ name: alarmName(snoozed.id), when: T0 + HOUR }]);
    const refired = fireAt([snoozed], T0 + HOUR);
    expect(refired.shown).toHaveLength(1);
    expect(fireAt(refired.tasks, T0 + HOUR).shown).toEqual([]);
  });

  it('fires a rescheduled task at its new time, even one moved into the past after firing', () => {
    const fired = markFired(makeTask({ dueAt: T0 }), T0);
    const moved = storable(reschedule(fired, T0 - HOUR, T0 + 60_000));
    expect(moved.firedAt).toBeNull();
    expect(moved.history.at(-1)?.event).toBe('rescheduled');
    expect(moved.history.at(-1)?.detail).toBe(`${new Date(T0).toISOString()} → ${new Date(T0 - HOUR).toISOString()}`);
    expect(tasksToFire([moved], T0 + 60_000)).toHaveLength(1);
    const same = makeTask();
    expect(reschedule(same, same.dueAt, T0)).toBe(same);
  });

  it('never fires a done task, and completing twice changes nothing', () => {
    const done = storable(complete(makeTask({ dueAt: T0 + HOUR }), T0));
    expect(done).toMatchObject({ status: 'done', completedAt: T0 });
    expect(done.history.at(-1)?.event).toBe('done');
    expect(complete(done, T0 + 5)).toBe(done);
    expect(tasksToFire([done], T0 + DAY)).toEqual([]);
    expect(alarmPlan([done], T0)).toEqual([]);
    expect(countDue([done], T0 + DAY)).toBe(0);
    // A stale notification's snooze button must not bring it back either.
    expect(snooze(done, T0 + 2 * HOUR, T0)).toBe(done);
  });

  it('reopens a done task without showing a reminder that was already shown', () => {
    const fired = markFired(makeTask({ dueAt: T0 - HOUR }), T0 - HOUR);
    const reopened = storable(reopen(complete(fired, T0), T0 + 5));
    expect(reopened).toMatchObject({ status: 'open', completedAt: null, firedAt: T0 - HOUR });
    expect(reopened.history.map((e) => e.event)).toEqual(['created', 'fired', 'done', 'reopened']);
    expect(tasksToFire([reopened], T0 + 10)).toEqual([]);
    expect(countDue([reopened], T0 + 10)).toBe(1);
    expect(reopen(reopened, T0 + 20)).toBe(reopened);
  });

  it('refuses a due time that is not epoch milliseconds', () => {
    expect(() => snooze(makeTask(), Number.NaN, T0)).toThrow(RangeError);
    expect(() => reschedule(makeTask(), 1.5, T0)).toThrow(RangeError);
  });

  it('keeps history within the schema bound, keeping "created" and the newest events', () => {
    const long = makeTask({
      history: [
        { at: 1, event: 'created', detail: '' },
        ...Array.from({ length: 199 }, (_, i) => ({ at: i + 2, event: 'snoozed' as const, detail: '' })),
      ],
    });
    const fired = storable(markFired(long, T0));
    expect(fired.history).toHaveLength(200);
    expect(fired.history[0]?.event).toBe('created');
    expect(fired.history[1]?.at).toBe(3);
    expect(fired.history.at(-1)?.event).toBe('fired');
  });
});

describe('groupForNotification', () => {
  it('gives each task its own notification when few are due', () => {
    const tasks = [makeTask({ dueAt: T0 - HOUR }), makeTask({ dueAt: T0 - DAY }), makeTask({ dueAt: T0 })];
    const groups = groupForNotification(tasks, T0);
    expect(groups.map(ids)).toEqual([[tasks[1]?.id], [tasks[0]?.id], [tasks[2]?.id]]);
  });

  it('sums up many due tasks in one notification, so a restart does not spray twenty', () => {
    const tasks = Array.from({ length: 20 }, (_, i) => makeTask({ dueAt: T0 - (i + 1) * HOUR }));
    const groups = groupForNotification(tasks, T0);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(20);
    expect(groups[0]?.[0]?.dueAt).toBe(T0 - 20 * HOUR);
    const justOver = tasks.slice(0, MAX_SEPARATE_NOTIFICATIONS + 1);
    expect(groupForNotification(justOver, T0)).toHaveLength(1);
  });

  it('leaves out tasks not yet due, and returns nothing for nothing', () => {
    expect(groupForNotification([makeTask({ dueAt: T0 + 1 })], T0)).toEqual([]);
    expect(groupForNotification([], T0)).toEqual([]);
  });
});

describe('alarmPlan', () => {
  it('arms one alarm per open unfired task at its absolute due time, whenever it is computed', () => {
    const a = makeTask({ dueAt: T0 + HOUR });
    const b = makeTask({ dueAt: T0 + 3 * DAY });
    const fired = markFired(makeTask({ dueAt: T0 - HOUR }), T0 - HOUR);
    const deleted = makeTask({ dueAt: T0 + HOUR, deletedAt: T0 });
    const plan = alarmPlan([b, a, fired, deleted], T0);
    expect(plan).toEqual([
      { name: `task:${a.id}`, when: T0 + HOUR },
      { name: `task:${b.id}`, when: T0 + 3 * DAY },
    ]);
    // Recomputed later (a worker wake): the same absolute times, not pushed back by a relative delay.
    expect(alarmPlan([b, a, fired, deleted], T0 + 20 * 60_000)).toEqual(plan);
    expect(alarmPlan([a, b, fired, deleted], T0)).toEqual(plan);
  });

  it('arms past-due tasks a moment after now, at the same time for every recomputation in that moment', () => {
    const now = T0 + 12_345;
    const overdue = [makeTask({ dueAt: T0 - 3 * DAY }), makeTask({ dueAt: T0 - HOUR })];
    const plan = alarmPlan(overdue, now);
    for (const alarm of plan) {
      expect(alarm.when).toBeGreaterThanOrEqual(now + PAST_DUE_DELAY);
      expect(alarm.when).toBeLessThan(now + 2 * PAST_DUE_DELAY);
    }
    expect(new Set(plan.map((alarm) => alarm.when)).size).toBe(1);
    expect(alarmPlan(overdue, now + 1_000)).toEqual(plan);
  });

  it('names alarms so they parse back to the task id, and ignores other alarms', () => {
    const task = makeTask();
    expect(taskIdFromAlarm(alarmName(task.id))).toBe(task.id);
    expect(taskIdFromAlarm('report:weekly')).toBeNull();
    expect(taskIdFromAlarm('task:')).toBeNull();
  });
});

describe('badge and popup lists', () => {
  const zone = 'Asia/Phnom_Penh';
  // Tuesday 24 Nov 2026, 23:00 in Phnom Penh (16:00 UTC): today ends in an hour there.
  const lateEvening = Date.UTC(2026, 10, 24, 16, 0);

  it('counts open tasks due at or before now, fired or not', () => {
    const tasks = [
      makeTask({ dueAt: lateEvening - HOUR }),
      markFired(makeTask({ dueAt: lateEvening - DAY }), lateEvening - DAY),
      makeTask({ dueAt: lateEvening }),
      makeTask({ dueAt: lateEvening + 1 }),
      makeTask({ dueAt: lateEvening - HOUR, status: 'cancelled' }),
      makeTask({ dueAt: lateEvening - HOUR, deletedAt: lateEvening }),
    ];
    expect(countDue(tasks, lateEvening)).toBe(3);
  });

  it("splits open tasks into overdue, later today and upcoming in the rep's zone, each by due time", () => {
    const overdueRecent = makeTask({ dueAt: lateEvening - HOUR });
    const overdueOld = makeTask({ dueAt: lateEvening - 2 * DAY });
    const todayLate = makeTask({ dueAt: lateEvening + 30 * 60_000 }); // 23:30 local
    const afterMidnight = makeTask({ dueAt: lateEvening + 90 * 60_000 }); // 00:30 local, same UTC date
    const nextWeek = makeTask({ dueAt: lateEvening + 7 * DAY });
    const done = makeTask({ dueAt: lateEvening + HOUR, status: 'done' });
    const groups = partitionForPopup(
      [nextWeek, todayLate, overdueRecent, done, afterMidnight, overdueOld],
      lateEvening,
      zone,
    );
    expect(ids(groups.overdue)).toEqual(ids([overdueOld, overdueRecent]));
    expect(ids(groups.today)).toEqual(ids([todayLate]));
    expect(ids(groups.upcoming)).toEqual(ids([afterMidnight, nextWeek]));
    expect(groups.overdue).toHaveLength(
      countDue([nextWeek, todayLate, overdueRecent, done, afterMidnight, overdueOld], lateEvening),
    );
  });
});
