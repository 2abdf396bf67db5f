import type { Settings } from '../model';
import { clockMinutes, fromWallClock, startOfDay, toWallClock } from '../time/zoned';

/** The quick choices offered when a rep sets or snoozes a follow-up, in the order the UI shows them. */
export const REMINDER_PRESETS = ['in-2-hours', 'tomorrow-morning', 'in-3-days', 'next-monday'] as const;
export type ReminderPreset = (typeof REMINDER_PRESETS)[number];

export type PresetSettings = Pick<Settings, 'timeZone' | 'workingHours'>;

const HOUR = 3_600_000;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, as in Settings.workingHours.days. */
  weekday: number;
}

/** The calendar date `days` after `date`, with month and year rolled over. */
export function addDays(date: Omit<LocalDate, 'weekday'>, days: number): LocalDate {
  // A pure calendar step: UTC has no DST, so adding days here never lands on 23:00 of the day before.
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
  };
}

/** `date` itself when it is a working day, else the next one that is. */
function nextWorkingDay(date: LocalDate, days: readonly number[]): LocalDate {
  // Settings require at least one working day, so a week always holds one; the bound guards a malformed value.
  for (let step = 0; step < 7; step++) {
    const candidate = addDays(date, step);
    if (days.includes(candidate.weekday)) return candidate;
  }
  return date;
}

/** The instant working hours start on `date` in the rep's zone: 08:00 stays 08:00 on both sides of a DST change. */
export function workStart(date: LocalDate, settings: PresetSettings): number {
  return atClockMinutes(date, clockMinutes(settings.workingHours.start), settings.timeZone);
}

/** The instant `minutes` after midnight of `date`, on the wall clock of `timeZone`. */
export function atClockMinutes(date: LocalDate, minutes: number, timeZone: string): number {
  return fromWallClock(
    { year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    timeZone,
  );
}

/** When a preset falls due, seen from `now` in the rep's time zone and working week. */
export function presetTime(preset: ReminderPreset, now: number, settings: PresetSettings): number {
  if (preset === 'in-2-hours') return now + 2 * HOUR;
  const today = toWallClock(now, settings.timeZone);
  const days = settings.workingHours.days;
  switch (preset) {
    case 'tomorrow-morning':
      return workStart(nextWorkingDay(addDays(today, 1), days), settings);
    case 'in-3-days':
      return workStart(nextWorkingDay(addDays(today, 3), days), settings);
    case 'next-monday': {
      // Literal: the button says Monday, so it is Monday even where Monday is not a working day. On a Monday it
      // means the one a week later, never "this morning".
      const ahead = (8 - today.weekday) % 7 || 7;
      return workStart(addDays(today, ahead), settings);
    }
  }
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant of a date and time the rep picked (an `<input type="date">` and `<input type="time">`) in their zone.
 * A time skipped by a DST jump moves past the gap (see fromWallClock). Throws RangeError on a malformed or impossible
 * date: the form is expected to have validated it.
 */
export function customTime(localDate: string, localTime: string, timeZone: string): number {
  const date = LOCAL_DATE.exec(localDate);
  const time = LOCAL_TIME.exec(localTime);
  if (!date || !time) throw new RangeError(`Not a local date and time: ${localDate} ${localTime}`);
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const check = addDays({ year, month, day }, 0);
  // fromWallClock would roll 31 February over to March; a picked date that does not exist is a bug upstream.
  if (check.year !== year || check.month !== month || check.day !== day) {
    throw new RangeError(`No such date: ${localDate}`);
  }
  return fromWallClock({ year, month, day, hour: Number(time[1]), minute: Number(time[2]) }, timeZone);
}

export type DueRelative = 'overdue' | 'today' | 'tomorrow' | 'later';

export interface DueLabel {
  /** Which word the UI puts in front, in the rep's language ("Overdue", "Today", "Tomorrow", nothing). */
  relative: DueRelative;
  /** The time (today, tomorrow, overdue since today) or the date and time, formatted by Intl for `locale`. */
  text: string;
}

const labelFormats = new Map<string, Intl.DateTimeFormat>();

function labelFormat(locale: string, timeZone: string, shape: 'time' | 'date' | 'date-year'): Intl.DateTimeFormat {
  const key = `${locale}\u0000${timeZone}\u0000${shape}`;
  let format = labelFormats.get(key);
  if (!format) {
    // Where the clock is 24-hour, "08:00" is how people write it ("8:00" reads as 12-hour); elsewhere "8:00 AM".
    const hourCycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    const time = {
      hour: hourCycle === 'h23' || hourCycle === 'h24' ? '2-digit' : 'numeric',
      minute: '2-digit',
    } as const;
    const date = { weekday: 'short', day: 'numeric', month: 'short' } as const;
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      ...time,
      ...(shape === 'time' ? {} : date),
      ...(shape === 'date-year' ? { year: 'numeric' } : {}),
    });
    labelFormats.set(key, format);
  }
  return format;
}

/**
 * A short label for when a task is due, e.g. relative "today" + "14:00", or "later" + "Tue 24 Nov, 08:00".
 * Due at or before `now` is overdue, the same rule as the badge count, so the badge and the Overdue list agree.
 */
export function describeDue(due: number, now: number, timeZone: string, locale: string): DueLabel {
  const todayStart = startOfDay(now, timeZone);
  const tomorrowStart = startOfDay(now, timeZone, 1);
  const dayAfterStart = startOfDay(now, timeZone, 2);
  const relative: DueRelative =
    due <= now ? 'overdue' : due < tomorrowStart ? 'today' : due < dayAfterStart ? 'tomorrow' : 'later';
  const sameDayAsNow = due >= todayStart && due < tomorrowStart;
  let shape: 'time' | 'date' | 'date-year' = 'date';
  if (relative === 'today' || relative === 'tomorrow' || sameDayAsNow) shape = 'time';
  else if (toWallClock(due, timeZone).year !== toWallClock(now, timeZone).year) shape = 'date-year';
  return { relative, text: labelFormat(locale, timeZone, shape).format(due) };
}
