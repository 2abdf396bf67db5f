/**
 * Dates without a time (a deal's expected close) as a date input shows them. A calendar day is stored as noon UTC of
 * that day, which stays on the same day in every zone from UTC−11 to UTC+11.
 */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function calendarDayOf(epoch: number | null): string {
  return epoch === null ? '' : new Date(epoch).toISOString().slice(0, 10);
}

/** The stored instant of a "YYYY-MM-DD" day, or null for an empty or malformed one. */
export function instantOfCalendarDay(text: string): number | null {
  return CALENDAR_DAY.test(text) ? Date.parse(`${text}T12:00:00Z`) : null;
}
