/**
 * When scheduled reports run and which periods they cover: pure functions of the schedules, what was handled
 * before, and the time, which is a parameter. lib/reports/scheduler.ts puts the plan to work in the browser.
 */
import type { ReportSchedule } from '../model';
import { nextRunAt, type Period, periodBounds, previousPeriod } from '../time/periods';
import type { NowKind } from './contract';

export const REPORT_ALARM_PREFIX = 'report:';

export interface ScheduleState {
  /** The last run instant handled (or the moment the schedule was first seen): the next run comes after it. */
  anchor: number;
  /** The schedule's timing when the anchor was set; a changed timing starts afresh instead of "catching up". */
  signature: string;
}

export function scheduleSignature(schedule: ReportSchedule): string {
  return [schedule.frequency, schedule.time, schedule.weekday ?? '', schedule.dayOfMonth ?? ''].join('|');
}

const DAY = 86_400_000;
/** More than two intervals of each frequency, so the walk in previousRunAt starts before the run it looks for. */
const LOOKBACK: Record<ReportSchedule['frequency'], number> = {
  daily: 3 * DAY,
  weekly: 15 * DAY,
  monthly: 100 * DAY,
  quarterly: 200 * DAY,
};

/** The run of `schedule` just before `runAt` (itself a run instant). */
export function previousRunAt(schedule: ReportSchedule, runAt: number, timeZone: string): number {
  let candidate = nextRunAt(schedule, runAt - LOOKBACK[schedule.frequency], timeZone);
  let previous = candidate;
  while (candidate < runAt) {
    previous = candidate;
    candidate = nextRunAt(schedule, candidate, timeZone);
  }
  return previous;
}

/**
 * A scheduled report covers the time since the run before it, [previous run, this run), and compares it with the
 * interval before that. Consecutive reports thus tile time: whatever happened is in exactly one report, and a daily
 * report at 17:00 includes the day's work, which a calendar "yesterday" would not.
 */
export function scheduledPeriods(
  schedule: ReportSchedule,
  runAt: number,
  timeZone: string,
): { period: Period; previous: Period } {
  const start = previousRunAt(schedule, runAt, timeZone);
  const before = previousRunAt(schedule, start, timeZone);
  return { period: { start, end: runAt }, previous: { start: before, end: start } };
}

/** "Generate now": the current calendar period so far, against the whole period before it. */
export function currentPeriods(kind: NowKind, now: number, timeZone: string): { period: Period; previous: Period } {
  const whole = periodBounds(kind, now, timeZone);
  return { period: { start: whole.start, end: now }, previous: previousPeriod(kind, whole, timeZone) };
}

export interface SchedulePlan {
  state: Record<string, ScheduleState>;
  /** Reports to generate now: at most one per schedule, for its latest run instant at or before now. */
  runs: { schedule: ReportSchedule; runAt: number }[];
  alarms: { name: string; when: number }[];
}

/** Runs a schedule can have missed before only the latest is generated; a year of daily runs is well inside. */
const MAX_CATCH_UP_STEPS = 2000;

/**
 * What to run and arm, from the schedules, what was handled before, and now. A new or re-timed schedule starts
 * from now (setting one up does not produce a report at once); a run missed while the browser was closed runs once,
 * however many were missed, for the latest of them; each schedule's alarm is its next run, an absolute instant.
 */
export function planSchedules(
  schedules: readonly ReportSchedule[],
  previous: Readonly<Record<string, ScheduleState>>,
  now: number,
  timeZone: string,
): SchedulePlan {
  const state: Record<string, ScheduleState> = {};
  const runs: SchedulePlan['runs'] = [];
  const alarms: SchedulePlan['alarms'] = [];
  for (const schedule of schedules) {
    const signature = scheduleSignature(schedule);
    const known = previous[schedule.id];
    let anchor = known && known.signature === signature ? known.anchor : now;
    let due = nextRunAt(schedule, anchor, timeZone);
    if (due <= now) {
      let latest = due;
      for (let step = 0; step < MAX_CATCH_UP_STEPS && due <= now; step++) {
        latest = due;
        due = nextRunAt(schedule, due, timeZone);
      }
      runs.push({ schedule, runAt: latest });
      anchor = latest;
      due = nextRunAt(schedule, anchor, timeZone);
    }
    state[schedule.id] = { anchor, signature };
    alarms.push({ name: `${REPORT_ALARM_PREFIX}${schedule.id}`, when: due });
  }
  return { state, runs, alarms };
}
