import { describe, expect, it } from 'vitest';
import { fromWallClock, startOfDay, toWallClock } from './zoned';

describe('zoned time', () => {
  it('maps a Phnom Penh wall clock (UTC+7, no DST) to UTC', () => {
    expect(fromWallClock({ year: 2026, month: 11, day: 24, hour: 9, minute: 0 }, 'Asia/Phnom_Penh')).toBe(
      Date.UTC(2026, 10, 24, 2, 0),
    );
  });

  it('keeps 09:00 on both sides of a DST change', () => {
    const before = fromWallClock({ year: 2026, month: 3, day: 28, hour: 9, minute: 0 }, 'Europe/Berlin');
    const after = fromWallClock({ year: 2026, month: 3, day: 30, hour: 9, minute: 0 }, 'Europe/Berlin');
    expect(new Date(before).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(new Date(after).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap', () => {
    const skipped = fromWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York');
    expect(toWallClock(skipped, 'America/New_York').hour).toBe(3);
  });

  it('resolves the repeated fall-back hour to its first occurrence', () => {
    const ambiguous = fromWallClock({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York');
    expect(new Date(ambiguous).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('resolves a repeated hour to its first occurrence east of UTC too', () => {
    const ambiguous = fromWallClock({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin');
    expect(new Date(ambiguous).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('finds the start of a local day and rolls over months', () => {
    const lateEvening = Date.UTC(2026, 0, 31, 16, 30); // 23:30 in Phnom Penh
    expect(startOfDay(lateEvening, 'Asia/Phnom_Penh')).toBe(Date.UTC(2026, 0, 30, 17, 0));
    expect(startOfDay(lateEvening, 'Asia/Phnom_Penh', 1)).toBe(Date.UTC(2026, 0, 31, 17, 0));
  });
});
