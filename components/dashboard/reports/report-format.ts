import type { Period } from '@/lib/time/periods';
import { toWallClock } from '@/lib/time/zoned';

const atMidnight = (at: number, timeZone: string) => {
  const wall = toWallClock(at, timeZone);
  return wall.hour === 0 && wall.minute === 0;
};

/**
 * A report's dates as a rep reads them. A scheduled period ends at the run (say 08:30), so both ends carry the time;
 * a calendar period runs from midnight to midnight and shows its first and last days only.
 */
export function periodText(period: Period, timeZone: string, locale: string): string {
  const withTime = !(atMidnight(period.start, timeZone) && atMidnight(period.end, timeZone));
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone,
  });
  const from = format.format(period.start);
  const to = format.format(withTime ? period.end : period.end - 1);
  return from === to ? from : `${from} – ${to}`;
}
