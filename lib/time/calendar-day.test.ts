import { describe, expect, it } from 'vitest';
import { calendarDayOf, instantOfCalendarDay } from './calendar-day';
import { toWallClock } from './zoned';

describe('calendar days', () => {
  it('round-trips a day and keeps it on the same date in far zones', () => {
    const instant = instantOfCalendarDay('2026-12-31')!;
    expect(calendarDayOf(instant)).toBe('2026-12-31');
    expect(toWallClock(instant, 'Pacific/Pago_Pago').day).toBe(31);
    expect(toWallClock(instant, 'Asia/Phnom_Penh').day).toBe(31);
  });

  it('reads empty or malformed input as no day', () => {
    expect(instantOfCalendarDay('')).toBeNull();
    expect(instantOfCalendarDay('31/12/2026')).toBeNull();
    expect(calendarDayOf(null)).toBe('');
  });
});
