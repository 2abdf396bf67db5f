/**
 * Calendar periods (day, week, month, quarter, year) and report schedules in the rep's time zone. A report for
 * "March" covers March as the rep's wall clock shows it, not March in UTC: in Phnom Penh (UTC+7) the first seven
 * hours of 1 April are still 31 March in UTC. Every bound is an absolute epoch-ms instant; `end` is exclusive, so
 * consecutive periods tile time with no gap and no overlap.
 */
import { clockMinutes, fromWallClock, toWallClock, type WallClock } from './zoned';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  start: number;
  /** Exclusive. */
  end: number;
}

const MINUTE = 60_000;

/**
 * fromWallClock, but always the first occurrence of a wall time repeated by a fall-back. fromWallClock promises
 * that, yet in zones ahead of UTC (Europe/Berlin: 25 Oct 2026 02:30) it returns the second one: both of its guesses
 * land after the change. A report due at 02:30 on that day would then run an hour late, and a midnight repeated by
 * a fall-back (zones that change at 01:00 → 00:00) would start the day an hour late. DST shifts are 30, 60 or 120
 * minutes, so looking that far back finds the first occurrence.
 */
function firstInstantOf(wall: WallClock, timeZone: string): number {
  const instant = fromWallClock(wall, timeZone);
  const shown = toWallClock(instant, timeZone);
  for (const shift of [120 * MINUTE, 60 * MINUTE, 30 * MINUTE]) {
    const earlier = toWallClock(instant - shift, timeZone);
    if (
      earlier.year === shown.year &&
      earlier.month === shown.month &&
      earlier.day === shown.day &&
      earlier.hour === shown.hour &&
      earlier.minute === shown.minute
    ) {
      return instant - shift;
    }
  }
  return instant;
}

/** The start of each kind of period, as a wall-clock date (day may be out of range; fromWallClock rolls it over). */
function periodStartWall(
  kind: PeriodKind,
  containing: number,
  timeZone: string,
  weekStartsOn: number,
): { year: number; month: number; day: number } {
  const wall = toWallClock(containing, timeZone);
  switch (kind) {
    case 'day':
      return { year: wall.year, month: wall.month, day: wall.day };
    case 'week':
      return { year: wall.year, month: wall.month, day: wall.day - ((wall.weekday - weekStartsOn + 7) % 7) };
    case 'month':
      return { year: wall.year, month: wall.month, day: 1 };
    case 'quarter':
      return { year: wall.year, month: Math.floor((wall.month - 1) / 3) * 3 + 1, day: 1 };
    case 'year':
      return { year: wall.year, month: 1, day: 1 };
  }
}

function step(kind: PeriodKind): { months: number; days: number } {
  switch (kind) {
    case 'day':
      return { months: 0, days: 1 };
    case 'week':
      return { months: 0, days: 7 };
    case 'month':
      return { months: 1, days: 0 };
    case 'quarter':
      return { months: 3, days: 0 };
    case 'year':
      return { months: 12, days: 0 };
  }
}

/**
 * The period of `kind` that contains `containing`, bounded by local midnights. Both bounds are converted from
 * wall clocks, so a day that is 23 or 25 hours long (DST) keeps its real length, and in a zone whose midnight
 * is skipped by DST the period starts at the first instant of that day.
 */
export function periodBounds(kind: PeriodKind, containing: number, timeZone: string, weekStartsOn = 1): Period {
  const first = periodStartWall(kind, containing, timeZone, weekStartsOn);
  const { months, days } = step(kind);
  const start = firstInstantOf({ ...first, hour: 0, minute: 0 }, timeZone);
  const end = firstInstantOf(
    { year: first.year, month: first.month + months, day: first.day + days, hour: 0, minute: 0 },
    timeZone,
  );
  return { start, end };
}

/** The period of the same kind just before `period` (which should itself come from periodBounds). */
export function previousPeriod(kind: PeriodKind, period: Period, timeZone: string, weekStartsOn = 1): Period {
  return periodBounds(kind, period.start - 1, timeZone, weekStartsOn);
}

/** The period of the same kind just after `period`. */
export function nextPeriod(kind: PeriodKind, period: Period, timeZone: string, weekStartsOn = 1): Period {
  return periodBounds(kind, period.end, timeZone, weekStartsOn);
}

/**
 * Every period of `kind` that overlaps [from, to), in order; the first and last may stick out of the range.
 * For charts that need empty buckets shown as zero rather than missing.
 */
export function periodsBetween(
  kind: PeriodKind,
  from: number,
  to: number,
  timeZone: string,
  weekStartsOn = 1,
): Period[] {
  const periods: Period[] = [];
  if (to <= from) return periods;
  let period = periodBounds(kind, from, timeZone, weekStartsOn);
  while (period.start < to) {
    periods.push(period);
    period = nextPeriod(kind, period, timeZone, weekStartsOn);
  }
  return periods;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** 'YYYY-MM' of the month that contains `epoch` on the rep's wall clock; sorts as text in time order. */
export function monthKey(epoch: number, timeZone: string): string {
  const wall = toWallClock(epoch, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}`;
}

/**
 * A stable, sortable label for the period of `kind` containing `epoch`: 'YYYY-MM-DD' for a day, the first day of
 * the week for a week (so it does not depend on ISO week numbering, which assumes Monday), 'YYYY-MM', 'YYYY-Qn',
 * 'YYYY'.
 */
export function periodKey(kind: PeriodKind, epoch: number, timeZone: string, weekStartsOn = 1): string {
  const wall = toWallClock(periodBounds(kind, epoch, timeZone, weekStartsOn).start, timeZone);
  switch (kind) {
    case 'day':
    case 'week':
      return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
    case 'month':
      return `${pad(wall.year, 4)}-${pad(wall.month)}`;
    case 'quarter':
      return `${pad(wall.year, 4)}-Q${Math.floor((wall.month - 1) / 3) + 1}`;
    case 'year':
      return pad(wall.year, 4);
  }
}

export interface ReportSchedule {
  frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly';
  /** Local time of day, 'HH:MM'. */
  time: string;
  /** For weekly: 0 = Sunday … 6 = Saturday; Monday when absent. */
  weekday?: number;
  /** For monthly and quarterly: 1..31, clamped to the month's last day; the 1st when absent. */
  dayOfMonth?: number;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; Date.UTC rolls month 13 into the next year.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The next instant, strictly after `after`, at which a scheduled report runs. Candidates are built as wall clocks
 * and converted one by one, so "09:00" stays 09:00 local on both sides of a DST change. A time skipped by
 * spring-forward runs at the same offset as before the jump (02:30 → 03:30), and a time repeated by fall-back runs
 * once, at its first occurrence. Quarterly reports run in January, April, July and October, on `dayOfMonth`.
 */
export function nextRunAt(schedule: ReportSchedule, after: number, timeZone: string): number {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(schedule.time)) throw new RangeError(`bad schedule time ${schedule.time}`);
  const minutes = clockMinutes(schedule.time);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const wall = toWallClock(after, timeZone);
  const at = (year: number, month: number, day: number) => firstInstantOf({ year, month, day, hour, minute }, timeZone);

  // Each frequency lists the candidate in the current day/week/month/quarter and the ones after it; the first
  // that is later than `after` wins. Three are enough: at most one of them can fall at or before `after`.
  const candidates: number[] = [];
  switch (schedule.frequency) {
    case 'daily':
      for (let k = 0; k < 3; k++) candidates.push(at(wall.year, wall.month, wall.day + k));
      break;
    case 'weekly': {
      const weekday = schedule.weekday ?? 1;
      if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) throw new RangeError(`bad weekday ${weekday}`);
      const ahead = (weekday - wall.weekday + 7) % 7;
      for (let k = 0; k < 3; k++) candidates.push(at(wall.year, wall.month, wall.day + ahead + 7 * k));
      break;
    }
    case 'monthly':
    case 'quarterly': {
      const dayOfMonth = schedule.dayOfMonth ?? 1;
      if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) {
        throw new RangeError(`bad day of month ${dayOfMonth}`);
      }
      const stride = schedule.frequency === 'monthly' ? 1 : 3;
      const firstMonth = schedule.frequency === 'monthly' ? wall.month : Math.floor((wall.month - 1) / 3) * 3 + 1;
      for (let k = 0; k < 3; k++) {
        // Normalise the month first: clamping needs the real year and month (February of a leap year).
        const index = wall.year * 12 + (firstMonth - 1) + stride * k;
        const year = Math.floor(index / 12);
        const month = (index % 12) + 1;
        candidates.push(at(year, month, Math.min(dayOfMonth, daysInMonth(year, month))));
      }
      break;
    }
  }
  const next = candidates.find((candidate) => candidate > after);
  if (next === undefined) throw new Error('no run time found after the given instant');
  return next;
}
