/**
 * Dates and times for display, in the rep's time zone, language and digits. English and Khmer on an engine that
 * knows Khmer go through Intl; on one that does not, Khmer is written from the wall clock with the tables below in
 * the order CLDR's km patterns give ("7 ធ្នូ 2026, 2:41 រសៀល"). Either way the time of day is a Khmer word, where
 * CLDR's short Khmer pattern still says AM/PM.
 */
import { toWallClock } from '../time/zoned';
import { intlKnowsKhmer, intlTag, type Locale, withDigits } from './locale';

/** The shapes the UI shows; each is one Intl option set and one Khmer pattern. */
export type DateShape = 'date-time' | 'short-date-time' | 'date' | 'day-month' | 'month-year' | 'long-month-year';

const SHAPES: Record<DateShape, Intl.DateTimeFormatOptions> = {
  'date-time': { dateStyle: 'medium', timeStyle: 'short' },
  'short-date-time': { dateStyle: 'short', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  'day-month': { day: 'numeric', month: 'short' },
  'month-year': { month: 'short', year: 'numeric' },
  'long-month-year': { month: 'long', year: 'numeric' },
};

const MONTHS = ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'];
const WEEKDAYS = ['អាទិត្យ', 'ច័ន្ទ', 'អង្គារ', 'ពុធ', 'ព្រហស្បតិ៍', 'សុក្រ', 'សៅរ៍'];

/** Morning, afternoon, evening, night: CLDR's Khmer day periods and their hours. */
function khmerDayPeriod(hour: number): string {
  if (hour < 12) return 'ព្រឹក';
  if (hour < 18) return 'រសៀល';
  if (hour < 21) return 'ល្ងាច';
  return 'យប់';
}

function khmerTime(hour: number, minute: number): string {
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${khmerDayPeriod(hour)}`;
}

function khmerFromTables(epoch: number, shape: DateShape, timeZone: string): string {
  const wall = toWallClock(epoch, timeZone);
  const month = MONTHS[wall.month - 1];
  const time = khmerTime(wall.hour, wall.minute);
  switch (shape) {
    case 'date-time':
      return `${wall.day} ${month} ${wall.year}, ${time}`;
    case 'short-date-time':
      return `${wall.day}/${wall.month}/${String(wall.year % 100).padStart(2, '0')}, ${time}`;
    case 'date':
      return `${wall.day} ${month} ${wall.year}`;
    case 'day-month':
      return `${wall.day} ${month}`;
    case 'month-year':
    case 'long-month-year':
      return `${month} ${wall.year}`;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options);
    formats.set(key, format);
  }
  return format;
}

/** `epoch` as the rep reads it in `timeZone`; an unknown time zone shows the ISO instant rather than nothing. */
export function formatDate(epoch: number, shape: DateShape, locale: Locale, timeZone: string): string {
  try {
    if (locale.language === 'km' && !intlKnowsKhmer()) {
      return withDigits(khmerFromTables(epoch, shape, timeZone), locale);
    }
    const parts = dateFormat(intlTag(locale.language), { ...SHAPES[shape], timeZone }).formatToParts(epoch);
    const text = parts
      .map((part) =>
        locale.language === 'km' && part.type === 'dayPeriod'
          ? khmerDayPeriod(toWallClock(epoch, timeZone).hour)
          : part.value,
      )
      .join('');
    return withDigits(text, locale);
  } catch {
    return new Date(epoch).toISOString();
  }
}

/** A weekday's name, 0 = Sunday … 6 = Saturday. The Khmer table has no short names: Khmer's are short already. */
export function weekdayName(day: number, locale: Locale, width: 'short' | 'long'): string {
  if (locale.language === 'km' && !intlKnowsKhmer()) return WEEKDAYS[day] ?? '';
  // 2023-01-01 was a Sunday.
  return dateFormat(intlTag(locale.language), { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + day));
}
