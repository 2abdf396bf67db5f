import { addDays, atClockMinutes, type LocalDate, type PresetSettings } from '../reminders/presets';
import { clockMinutes, toWallClock } from '../time/zoned';

/**
 * Time counted in the rep's working hours and days (Settings → Language and time), in their zone: a complaint that
 * arrives on Friday at 16:00 with a 4-hour target is due on Monday, not on Friday night. The windows are the ones
 * quiet hours use (lib/reminders/quiet.ts): hours that run past midnight belong to the day they start on, and equal
 * start and end mean the whole day.
 */

/** Far enough for any target (thirty working days at one hour a week is still under a year). */
const MAX_DAYS = 400;

interface Window {
  start: number;
  end: number;
}

/** The working window of `date`, or null on a day off. */
function windowOf(date: LocalDate, settings: PresetSettings): Window | null {
  if (!settings.workingHours.days.includes(date.weekday)) return null;
  const start = clockMinutes(settings.workingHours.start);
  const end = clockMinutes(settings.workingHours.end);
  const { timeZone } = settings;
  if (start === end)
    return { start: atClockMinutes(date, 0, timeZone), end: atClockMinutes(addDays(date, 1), 0, timeZone) };
  return {
    start: atClockMinutes(date, start, timeZone),
    end: atClockMinutes(end > start ? date : addDays(date, 1), end, timeZone),
  };
}

/** Working windows in time order, from the one that may still be open at `from` (begun the day before). */
function* windowsFrom(from: number, settings: PresetSettings): Generator<Window> {
  const first = addDays(toWallClock(from, settings.timeZone), -1);
  for (let step = 0; step < MAX_DAYS; step++) {
    const window = windowOf(addDays(first, step), settings);
    if (window && window.end > from) yield window;
  }
}

/** Working milliseconds in [from, to). */
export function workingMsBetween(from: number, to: number, settings: PresetSettings): number {
  let total = 0;
  for (const window of windowsFrom(from, settings)) {
    if (window.start >= to) break;
    total += Math.min(window.end, to) - Math.max(window.start, from);
  }
  return total;
}

/** The instant `ms` working milliseconds after `from`; null when the settings leave no working time ahead. */
export function addWorkingMs(from: number, ms: number, settings: PresetSettings): number | null {
  let left = ms;
  for (const window of windowsFrom(from, settings)) {
    const start = Math.max(window.start, from);
    if (start + left <= window.end) return start + left;
    left -= window.end - start;
  }
  return null;
}

export const minutesToMs = (minutes: number): number => minutes * 60_000;
