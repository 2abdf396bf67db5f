import { normaliseHeader } from '../mapping';
import { quote, toAsciiDigits, wordTable } from './text';

export type DateOrder = 'dmy' | 'mdy';

/** What reading a date cell needs besides its text. */
export interface DateContext {
  /** Resolves two-digit years ("25" → 2025, "80" → 1980). */
  now: number;
  /**
   * How to read 03/04/2025 when nothing else tells. Null reports such dates; inferDateOrder() can find the order
   * from other rows of the same column.
   */
  dateOrder?: DateOrder | null;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTHS = wordTable<number>({
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  មករា: 1,
  កុម្ភៈ: 2,
  មីនា: 3,
  មេសា: 4,
  ឧសភា: 5,
  មិថុនា: 6,
  កក្កដា: 7,
  សីហា: 8,
  កញ្ញា: 9,
  តុលា: 10,
  វិច្ឆិកា: 11,
  ធ្នូ: 12,
});

export type DateResult = { ok: true; date: CalendarDate } | { ok: false; message: string };

/**
 * YYYY-MM-DD (with or without a time after it), YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY when the numbers tell which,
 * DD.MM.YYYY, "4 Mar 2025", "March 4, 2025", "4 មីនា 2025"; Khmer digits too.
 */
export function parseDateCell(text: string, context: DateContext): DateResult {
  const value = toAsciiDigits(text.trim());
  const bad = { ok: false, message: `${quote(text)} is not a date (use YYYY-MM-DD)` } as const;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(value);
  if (match) return calendar(Number(match[1]), Number(match[2]), Number(match[3])) ?? bad;

  match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(value);
  if (match) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    const year = fullYear(match[4] ?? '', context.now);
    // Day-first with dots is the only convention that uses dots (German, Russian, LibreOffice defaults).
    let order: DateOrder | null = match[2] === '.' ? 'dmy' : null;
    if (order === null) order = a > 12 ? 'dmy' : b > 12 ? 'mdy' : a === b ? 'dmy' : (context.dateOrder ?? null);
    if (order === null) {
      return { ok: false, message: `${quote(text)} is ambiguous: day/month or month/day? Use YYYY-MM-DD` };
    }
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    return calendar(year, month, day) ?? bad;
  }

  match = /^(\d{1,2})[\s-]+([^\d\s,.-]+)\.?,?[\s-]+(\d{2}|\d{4})$/u.exec(value);
  if (match) {
    const month = MONTHS.get(normaliseHeader(match[2] ?? ''));
    return month ? (calendar(fullYear(match[3] ?? '', context.now), month, Number(match[1])) ?? bad) : bad;
  }
  match = /^([^\d\s,.-]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(value);
  if (match) {
    const month = MONTHS.get(normaliseHeader(match[1] ?? ''));
    return month ? (calendar(Number(match[3]), month, Number(match[2])) ?? bad) : bad;
  }
  return bad;
}

function calendar(year: number, month: number, day: number): DateResult | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { ok: true, date: { year, month, day } };
}

function fullYear(text: string, now: number): number {
  if (text.length === 4) return Number(text);
  // Two-digit years fall within 80 years before and 20 after now, as spreadsheets read them.
  const thisYear = new Date(now).getUTCFullYear();
  const year = Math.floor(thisYear / 100) * 100 + Number(text);
  if (year > thisYear + 20) return year - 100;
  if (year <= thisYear - 80) return year + 100;
  return year;
}

/**
 * The day/month order of a date column, from the rows that show it (a 25 can only be a day). Null when no row
 * tells, or when rows disagree.
 */
export function inferDateOrder(values: readonly string[]): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const value of values) {
    const match = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(toAsciiDigits(value.trim()));
    if (!match) continue;
    if (Number(match[1]) > 12) dmy = true;
    if (Number(match[2]) > 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}

export function formatCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
