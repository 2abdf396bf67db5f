import { describe, expect, it } from 'vitest';
import type { ReportSchedule } from '@/lib/model';
import { planSchedules, REPORT_ALARM_PREFIX, scheduledPeriods } from '@/lib/reports/schedule-plan';
import { DAILY, pp, TZ } from './dataset';

const ALARM = `${REPORT_ALARM_PREFIX}${DAILY.id}`;

describe('planSchedules', () => {
  it('starts a new schedule from now: no report at once, an alarm at the next run, as an absolute time', () => {
    const plan = planSchedules([DAILY], {}, pp(2026, 3, 10, 9), TZ);
    expect(plan.runs).toEqual([]);
    expect(plan.alarms).toEqual([{ name: ALARM, when: pp(2026, 3, 11, 8, 30) }]);
    expect(plan.state[DAILY.id]?.anchor).toBe(pp(2026, 3, 10, 9));
  });

  it('runs a due schedule once and moves on to the next period', () => {
    const first = planSchedules([DAILY], {}, pp(2026, 3, 10, 9), TZ);
    const fired = planSchedules([DAILY], first.state, pp(2026, 3, 11, 8, 30), TZ);
    expect(fired.runs).toEqual([{ schedule: DAILY, runAt: pp(2026, 3, 11, 8, 30) }]);
    expect(fired.alarms).toEqual([{ name: ALARM, when: pp(2026, 3, 12, 8, 30) }]);
    // A second wake in the same minute (the alarm and a settings change, say) runs nothing more.
    expect(planSchedules([DAILY], fired.state, pp(2026, 3, 11, 8, 31), TZ).runs).toEqual([]);
  });

  it('runs a missed schedule once at the next start, for the latest missed run', () => {
    const first = planSchedules([DAILY], {}, pp(2026, 3, 10, 9), TZ);
    // The browser was closed from the 10th to the 14th at noon: four runs missed.
    const start = planSchedules([DAILY], first.state, pp(2026, 3, 14, 12), TZ);
    expect(start.runs).toEqual([{ schedule: DAILY, runAt: pp(2026, 3, 14, 8, 30) }]);
    expect(start.alarms).toEqual([{ name: ALARM, when: pp(2026, 3, 15, 8, 30) }]);
  });

  it('does not catch up a schedule whose time was changed', () => {
    const first = planSchedules([DAILY], {}, pp(2026, 3, 10, 9), TZ);
    const moved = planSchedules([{ ...DAILY, time: '07:00' }], first.state, pp(2026, 3, 11, 12), TZ);
    expect(moved.runs).toEqual([]);
    expect(moved.alarms).toEqual([{ name: ALARM, when: pp(2026, 3, 12, 7) }]);
  });

  it('gives a report the time since the run before it, and the interval before that to compare', () => {
    expect(scheduledPeriods(DAILY, pp(2026, 3, 11, 8, 30), TZ)).toEqual({
      period: { start: pp(2026, 3, 10, 8, 30), end: pp(2026, 3, 11, 8, 30) },
      previous: { start: pp(2026, 3, 9, 8, 30), end: pp(2026, 3, 10, 8, 30) },
    });
    const monthly: ReportSchedule = { ...DAILY, frequency: 'monthly', dayOfMonth: 1, time: '07:00' };
    expect(scheduledPeriods(monthly, pp(2026, 4, 1, 7), TZ)).toEqual({
      period: { start: pp(2026, 3, 1, 7), end: pp(2026, 4, 1, 7) },
      previous: { start: pp(2026, 2, 1, 7), end: pp(2026, 3, 1, 7) },
    });
  });
});
