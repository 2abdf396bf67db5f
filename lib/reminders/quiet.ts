import type { Settings } from '../model';
import { clockMinutes, toWallClock } from '../time/zoned';
import { addDays, type PresetSettings, workStart } from './presets';

export type QuietSettings = PresetSettings & Pick<Settings, 'quietOutsideWorkingHours'>;

/**
 * Whether `at` falls in the rep's working hours, in their zone: a working day, from start until end. Hours that run
 * past midnight (22:00–06:00) belong to the day they start on; equal start and end mean the whole day.
 */
export function isWorkingTime(at: number, settings: PresetSettings): boolean {
  const wall = toWallClock(at, settings.timeZone);
  const minute = wall.hour * 60 + wall.minute;
  const { days } = settings.workingHours;
  const start = clockMinutes(settings.workingHours.start);
  const end = clockMinutes(settings.workingHours.end);
  if (start === end) return days.includes(wall.weekday);
  if (start < end) return days.includes(wall.weekday) && minute >= start && minute < end;
  if (minute >= start) return days.includes(wall.weekday);
  return minute < end && days.includes((wall.weekday + 6) % 7);
}

/** The first start of working hours after `at`. */
function nextWorkingStart(at: number, settings: PresetSettings): number {
  const today = toWallClock(at, settings.timeZone);
  // Eight days: today's start may have passed, and the same weekday a week on is then the next one.
  for (let step = 0; step <= 7; step++) {
    const day = addDays(today, step);
    if (!settings.workingHours.days.includes(day.weekday)) continue;
    const start = workStart(day, settings);
    if (start > at) return start;
  }
  // Settings require a working day, so the loop returns; a malformed value must not silence reminders for good.
  return at;
}

/**
 * When a reminder due at `due` may be shown: then, or, when the rep asked for quiet outside working hours and `due`
 * falls outside them, at the next start of working hours, where the held ones are shown together.
 */
export function notifyAt(due: number, settings: QuietSettings): number {
  if (!settings.quietOutsideWorkingHours || isWorkingTime(due, settings)) return due;
  return nextWorkingStart(due, settings);
}
