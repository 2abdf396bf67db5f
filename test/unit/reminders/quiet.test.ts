import { beforeEach, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { updateSettings } from '@/lib/db/config';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { createTask } from '@/lib/db/tasks';
import { ReminderRuntime } from '@/lib/reminders/alarms';
import { alarmName, alarmPlan } from '@/lib/reminders/due';
import { isWorkingTime, notifyAt, type QuietSettings } from '@/lib/reminders/quiet';
import { makeTask } from './fixtures';

/** A Phnom Penh wall clock (UTC+7, no DST) in November 2026 as epoch ms; the 23rd is a Monday. */
const pp = (day: number, hour = 0, minute = 0) => Date.UTC(2026, 10, day, hour - 7, minute);
const OFFICE: QuietSettings = {
  timeZone: 'Asia/Phnom_Penh',
  workingHours: { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  quietOutsideWorkingHours: true,
};

describe('working time', () => {
  it('is a working day from the start until the end, in the rep zone', () => {
    expect(isWorkingTime(pp(23, 9), OFFICE)).toBe(true);
    expect(isWorkingTime(pp(23, 8), OFFICE)).toBe(true);
    expect(isWorkingTime(pp(23, 7, 59), OFFICE)).toBe(false);
    expect(isWorkingTime(pp(23, 17), OFFICE)).toBe(false);
    expect(isWorkingTime(pp(28, 10), OFFICE)).toBe(false); // Saturday
  });

  it('counts hours past midnight to the day they start on', () => {
    const nights = { ...OFFICE, workingHours: { start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5] } };
    expect(isWorkingTime(pp(27, 23), nights)).toBe(true); // Friday night
    expect(isWorkingTime(pp(28, 3), nights)).toBe(true); // Saturday 03:00, Friday's shift
    expect(isWorkingTime(pp(28, 23), nights)).toBe(false);
    expect(isWorkingTime(pp(23, 3), nights)).toBe(false); // Monday 03:00 is Sunday's night
    expect(isWorkingTime(pp(23, 12), nights)).toBe(false);
  });
});

describe('notifyAt', () => {
  it('holds a reminder due out of hours until the next start of working hours, only when asked to', () => {
    expect(notifyAt(pp(27, 18, 30), OFFICE)).toBe(pp(30, 8)); // Friday evening → Monday morning
    expect(notifyAt(pp(24, 6), OFFICE)).toBe(pp(24, 8)); // Tuesday early → the same morning
    expect(notifyAt(pp(24, 10), OFFICE)).toBe(pp(24, 10));
    expect(notifyAt(pp(27, 18, 30), { ...OFFICE, quietOutsideWorkingHours: false })).toBe(pp(27, 18, 30));
    expect(notifyAt(pp(27, 18, 30), { ...OFFICE, quietOutsideWorkingHours: undefined })).toBe(pp(27, 18, 30));
  });

  it('keeps 08:00 at 08:00 across a daylight-saving change', () => {
    const newYork = { ...OFFICE, timeZone: 'America/New_York' };
    // Saturday 7 March 2026, 22:00 EST; clocks go forward on Sunday the 8th: Monday 08:00 is 12:00 UTC.
    expect(notifyAt(Date.UTC(2026, 2, 8, 3), newYork)).toBe(Date.UTC(2026, 2, 9, 12));
  });

  it('moves the alarms of held reminders', () => {
    const evening = makeTask({ dueAt: pp(27, 18, 30) });
    const afternoon = makeTask({ dueAt: pp(27, 15) });
    const plan = alarmPlan([evening, afternoon], pp(27, 12), (when) => notifyAt(when, OFFICE));
    expect(plan).toEqual([
      { name: alarmName(afternoon.id), when: pp(27, 15) },
      { name: alarmName(evening.id), when: pp(30, 8) },
    ]);
  });
});

describe('the reminder runtime with quiet outside working hours', () => {
  let db: CrmDb;
  let clock = pp(27, 18, 30);
  let n = 0;

  beforeEach(async () => {
    fakeBrowser.reset();
    clock = pp(27, 18, 30);
    db = await openCrmDb(`quiet-${n++}`, () => clock);
    await updateSettings(db, OFFICE);
  });

  const runtime = () => {
    // The fake implements what the runtime uses (alarms, notifications, action), not the whole type.
    const reminders = new ReminderRuntime(
      fakeBrowser as unknown as typeof browser,
      async () => db,
      () => clock,
      () => undefined,
    );
    reminders.listen();
    return reminders;
  };

  it('shows nothing on Friday evening and everything due at Monday 08:00, once', async () => {
    const late = await createTask(db, { title: 'Send the riel quote', dueAt: pp(27, 18) }, pp(27, 9));
    const night = await createTask(db, { title: 'Call Sokha', dueAt: pp(28, 21) }, pp(27, 9));
    const reminders = runtime();
    await reminders.wake();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.alarms.get(alarmName(late.id)))?.scheduledTime).toBe(pp(30, 8));
    expect((await fakeBrowser.alarms.get(alarmName(night.id)))?.scheduledTime).toBe(pp(30, 8));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    clock = pp(30, 8);
    await fakeBrowser.alarms.onAlarm.trigger({ name: alarmName(late.id), scheduledTime: clock });
    await reminders.fireDue();
    const shown = Object.values(await fakeBrowser.notifications.getAll());
    expect(shown.map((s) => s.title).sort()).toEqual(['Call Sokha', 'Send the riel quote']);
    expect((await db.get('tasks', late.id))?.firedAt).toBe(pp(30, 8));
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('announces at the due time when quiet is off', async () => {
    await updateSettings(db, { quietOutsideWorkingHours: false });
    await createTask(db, { title: 'Send the riel quote', dueAt: pp(27, 18) }, pp(27, 9));
    await runtime().wake();
    expect(Object.values(await fakeBrowser.notifications.getAll()).map((s) => s.title)).toEqual([
      'Send the riel quote',
    ]);
  });
});
