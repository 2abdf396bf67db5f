import { describe, expect, it } from 'vitest';
import {
  monthKey,
  nextRunAt,
  periodBounds,
  periodKey,
  periodsBetween,
  previousPeriod,
} from '../../../lib/time/periods';
import { toWallClock } from '../../../lib/time/zoned';
import { HOUR, TZ } from './dataset';

const BERLIN = 'Europe/Berlin';
const iso = (epoch: number) => new Date(epoch).toISOString();

describe('periodBounds in the rep’s zone', () => {
  it('puts 1 March 06:00 in Phnom Penh (28 Feb 23:00 UTC) in March', () => {
    // Phnom Penh is UTC+7: local midnight 1 Mar = 28 Feb 17:00 UTC, local midnight 1 Apr = 31 Mar 17:00 UTC.
    expect(periodBounds('month', Date.UTC(2026, 1, 28, 23), TZ)).toEqual({
      start: Date.UTC(2026, 1, 28, 17),
      end: Date.UTC(2026, 2, 31, 17),
    });
  });

  it('puts 1 April 00:30 in Phnom Penh (31 Mar 17:30 UTC) in April', () => {
    expect(periodBounds('month', Date.UTC(2026, 2, 31, 17, 30), TZ)).toEqual({
      start: Date.UTC(2026, 2, 31, 17),
      end: Date.UTC(2026, 3, 30, 17),
    });
  });

  it('starts weeks on Monday by default, or on the day asked', () => {
    // 1 Mar 2026 is a Sunday. Monday weeks: Mon 23 Feb .. Mon 2 Mar (local midnights, −7 h in UTC).
    const sunday = Date.UTC(2026, 1, 28, 23);
    expect(periodBounds('week', sunday, TZ)).toEqual({
      start: Date.UTC(2026, 1, 22, 17),
      end: Date.UTC(2026, 2, 1, 17),
    });
    // Sunday weeks: Sun 1 Mar .. Sun 8 Mar.
    expect(periodBounds('week', sunday, TZ, 0)).toEqual({
      start: Date.UTC(2026, 1, 28, 17),
      end: Date.UTC(2026, 2, 7, 17),
    });
  });

  it('finds days, quarters and years', () => {
    const t = Date.UTC(2026, 1, 28, 23); // 1 Mar 06:00 local
    expect(periodBounds('day', t, TZ)).toEqual({ start: Date.UTC(2026, 1, 28, 17), end: Date.UTC(2026, 2, 1, 17) });
    // Q1 = 1 Jan .. 1 Apr local.
    expect(periodBounds('quarter', t, TZ)).toEqual({
      start: Date.UTC(2025, 11, 31, 17),
      end: Date.UTC(2026, 2, 31, 17),
    });
    expect(periodBounds('year', t, TZ)).toEqual({ start: Date.UTC(2025, 11, 31, 17), end: Date.UTC(2026, 11, 31, 17) });
  });

  it('gives DST days their real length in Berlin (23 h in March, 25 h in October)', () => {
    const spring = periodBounds('day', Date.UTC(2026, 2, 29, 12), BERLIN);
    expect(iso(spring.start)).toBe('2026-03-28T23:00:00.000Z'); // midnight CET (+1)
    expect(iso(spring.end)).toBe('2026-03-29T22:00:00.000Z'); // midnight CEST (+2)
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const autumn = periodBounds('day', Date.UTC(2026, 9, 25, 12), BERLIN);
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
  });

  it('steps back to the previous period of the same kind', () => {
    const march = periodBounds('month', Date.UTC(2026, 2, 15), TZ);
    expect(previousPeriod('month', march, TZ)).toEqual({
      start: Date.UTC(2026, 0, 31, 17),
      end: Date.UTC(2026, 1, 28, 17),
    });
    const q1 = periodBounds('quarter', Date.UTC(2026, 2, 15), TZ);
    expect(previousPeriod('quarter', q1, TZ)).toEqual({
      start: Date.UTC(2025, 8, 30, 17),
      end: Date.UTC(2025, 11, 31, 17),
    });
    const week = periodBounds('week', Date.UTC(2026, 2, 4), TZ); // Mon 2 Mar .. Mon 9 Mar
    expect(previousPeriod('week', week, TZ)).toEqual({
      start: Date.UTC(2026, 1, 22, 17),
      end: Date.UTC(2026, 2, 1, 17),
    });
  });

  it('keys months by the local calendar', () => {
    expect(monthKey(Date.UTC(2026, 1, 28, 23), TZ)).toBe('2026-03'); // UTC still says February
    expect(monthKey(Date.UTC(2026, 2, 31, 17, 30), TZ)).toBe('2026-04'); // UTC still says March
    expect(monthKey(Date.UTC(2026, 2, 31, 16, 59), TZ)).toBe('2026-03'); // 23:59 local
  });

  it('keys other periods and lists them without holes', () => {
    const t = Date.UTC(2026, 1, 28, 23); // Sunday 1 Mar 06:00 local
    expect(periodKey('week', t, TZ)).toBe('2026-02-23');
    expect(periodKey('day', t, TZ)).toBe('2026-03-01');
    expect(periodKey('quarter', t, TZ)).toBe('2026-Q1');
    expect(periodKey('year', t, TZ)).toBe('2026');
    // 1 Feb .. 1 May local: February, March, April.
    const months = periodsBetween('month', Date.UTC(2026, 0, 31, 17), Date.UTC(2026, 3, 30, 17), TZ);
    expect(months.map((m) => monthKey(m.start, TZ))).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(periodsBetween('month', 10, 10, TZ)).toEqual([]);
  });
});

describe('nextRunAt', () => {
  it('keeps a daily 09:00 at 09:00 local across the spring DST change in Berlin', () => {
    // Sat 28 Mar 09:00 CET = 08:00Z; Sun 29 Mar 09:00 CEST = 07:00Z: only 23 h later.
    const saturdayRun = Date.UTC(2026, 2, 28, 8);
    const sunday = nextRunAt({ frequency: 'daily', time: '09:00' }, saturdayRun, BERLIN);
    expect(iso(sunday)).toBe('2026-03-29T07:00:00.000Z');
    expect(sunday - saturdayRun).toBe(23 * HOUR);
  });

  it('is strictly after `after`, and runs the same day when the time has not come', () => {
    const schedule = { frequency: 'daily', time: '09:00' } as const;
    expect(iso(nextRunAt(schedule, Date.UTC(2026, 2, 28, 7, 59), BERLIN))).toBe('2026-03-28T08:00:00.000Z');
    expect(iso(nextRunAt(schedule, Date.UTC(2026, 2, 28, 8), BERLIN))).toBe('2026-03-29T07:00:00.000Z');
  });

  it('runs a time skipped by spring-forward once, an hour later by the clock, and a repeated time once', () => {
    const schedule = { frequency: 'daily', time: '02:30' } as const;
    // 29 Mar 02:30 does not exist in Berlin; it runs at 03:30 CEST = 01:30Z, then 30 Mar 02:30 CEST = 00:30Z.
    const skipped = nextRunAt(schedule, Date.UTC(2026, 2, 28, 1, 30), BERLIN);
    expect(iso(skipped)).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(nextRunAt(schedule, skipped, BERLIN))).toBe('2026-03-30T00:30:00.000Z');
    // 25 Oct 02:30 happens twice; the run is the first (CEST, 00:30Z) and the second (CET, 01:30Z) is skipped.
    const ambiguous = nextRunAt(schedule, Date.UTC(2026, 9, 24, 0, 30), BERLIN);
    expect(iso(ambiguous)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextRunAt(schedule, ambiguous, BERLIN))).toBe('2026-10-26T01:30:00.000Z');
    expect(iso(nextRunAt(schedule, Date.UTC(2026, 9, 25, 1, 15), BERLIN))).toBe('2026-10-26T01:30:00.000Z');
  });

  it('runs a daily 09:00 every day of a year at 09:00 Berlin time, one run a day', () => {
    let at = Date.UTC(2025, 11, 31, 12);
    const days = new Set<string>();
    for (let i = 0; i < 366; i++) {
      const next = nextRunAt({ frequency: 'daily', time: '09:00' }, at, BERLIN);
      const wall = toWallClock(next, BERLIN);
      expect([wall.hour, wall.minute]).toEqual([9, 0]);
      expect(next - at).toBeGreaterThan(0);
      expect(next - at).toBeLessThanOrEqual(25 * HOUR);
      days.add(`${wall.year}-${wall.month}-${wall.day}`);
      at = next;
    }
    expect(days.size).toBe(366);
  });

  it('runs weekly on the given weekday, Monday by default', () => {
    // Mon 23 Mar 09:00 CET (08:00Z) → Mon 30 Mar 09:00 CEST (07:00Z).
    expect(iso(nextRunAt({ frequency: 'weekly', time: '09:00' }, Date.UTC(2026, 2, 23, 8), BERLIN))).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    // From Wed 25 Mar, Sunday runs on 29 Mar (the DST day) at 09:00 CEST.
    expect(iso(nextRunAt({ frequency: 'weekly', time: '09:00', weekday: 0 }, Date.UTC(2026, 2, 25, 12), BERLIN))).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('clamps day 31 to the last day of shorter months', () => {
    const schedule = { frequency: 'monthly', time: '08:00', dayOfMonth: 31 } as const;
    // 31 Mar 08:00 CEST = 06:00Z → 30 Apr 06:00Z → 31 May 06:00Z.
    const april = nextRunAt(schedule, Date.UTC(2026, 2, 31, 6), BERLIN);
    expect(iso(april)).toBe('2026-04-30T06:00:00.000Z');
    expect(iso(nextRunAt(schedule, april, BERLIN))).toBe('2026-05-31T06:00:00.000Z');
    // February: 28th in 2026, 29th in the leap year 2028 (08:00 CET = 07:00Z).
    expect(iso(nextRunAt(schedule, Date.UTC(2026, 0, 31, 7), BERLIN))).toBe('2026-02-28T07:00:00.000Z');
    expect(iso(nextRunAt(schedule, Date.UTC(2026, 1, 10), BERLIN))).toBe('2026-02-28T07:00:00.000Z');
    expect(iso(nextRunAt(schedule, Date.UTC(2028, 0, 31, 7), BERLIN))).toBe('2028-02-29T07:00:00.000Z');
  });

  it('runs quarterly in the first month of each quarter, across the year end', () => {
    const schedule = { frequency: 'quarterly', time: '07:00', dayOfMonth: 1 } as const;
    // 1 Apr 07:00 CEST = 05:00Z; then 1 Jul; from November, 1 Jan 2027 07:00 CET = 06:00Z.
    const april = nextRunAt(schedule, Date.UTC(2026, 1, 15), BERLIN);
    expect(iso(april)).toBe('2026-04-01T05:00:00.000Z');
    expect(iso(nextRunAt(schedule, april, BERLIN))).toBe('2026-07-01T05:00:00.000Z');
    expect(iso(nextRunAt(schedule, Date.UTC(2026, 10, 20), BERLIN))).toBe('2027-01-01T06:00:00.000Z');
  });

  it('works in Phnom Penh and refuses a malformed schedule', () => {
    // 1 Apr 08:00 local (01:00Z) → 2 Apr 08:00 local.
    expect(nextRunAt({ frequency: 'daily', time: '08:00' }, Date.UTC(2026, 3, 1, 1), TZ)).toBe(Date.UTC(2026, 3, 2, 1));
    expect(() => nextRunAt({ frequency: 'daily', time: '9:00' }, 0, TZ)).toThrow(RangeError);
    expect(() => nextRunAt({ frequency: 'monthly', time: '09:00', dayOfMonth: 32 }, 0, TZ)).toThrow(RangeError);
    expect(() => nextRunAt({ frequency: 'weekly', time: '09:00', weekday: 7 }, 0, TZ)).toThrow(RangeError);
  });
});
