import { describe, expect, it } from 'vitest';
import { deadlineOf } from '@/lib/service/policy';
import { addWorkingMs, workingMsBetween } from '@/lib/service/working-time';
import { fromWallClock } from '@/lib/time/zoned';

const zone = 'Asia/Phnom_Penh';
const settings = { timeZone: zone, workingHours: { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5] } };
const at = (day: number, hour: number, minute = 0) => fromWallClock({ year: 2026, month: 12, day, hour, minute }, zone);
const HOUR = 3_600_000;

// December 2026: the 4th is a Friday, the 7th a Monday.
describe('working time', () => {
  it('counts only working hours and days', () => {
    expect(workingMsBetween(at(4, 16), at(7, 10), settings)).toBe(3 * HOUR);
    expect(workingMsBetween(at(5, 9), at(6, 20), settings)).toBe(0);
    expect(workingMsBetween(at(7, 7), at(7, 9, 30), settings)).toBe(1.5 * HOUR);
  });

  it('puts a deadline past the weekend and the night', () => {
    expect(addWorkingMs(at(4, 16), 4 * HOUR, settings)).toBe(at(7, 11));
    expect(addWorkingMs(at(5, 12), 4 * HOUR, settings)).toBe(at(7, 12));
    expect(addWorkingMs(at(7, 9), 8 * HOUR, settings)).toBe(at(7, 17));
  });

  it('reads hours past midnight as the night of the day they start', () => {
    const night = { timeZone: zone, workingHours: { start: '22:00', end: '06:00', days: [1] } };
    expect(addWorkingMs(at(7, 23), 4 * HOUR, night)).toBe(at(8, 3));
    expect(addWorkingMs(at(7, 23), 8 * HOUR, night)).toBe(at(14, 23));
    expect(workingMsBetween(at(7, 12), at(8, 12), night)).toBe(8 * HOUR);
  });
});

describe('deadlines', () => {
  const kind = { targetMinutes: 240 };
  it('says due, nearing in the last quarter, then over', () => {
    const thread = { threadId: 't', waitingSince: at(7, 9) };
    expect(deadlineOf(thread, kind, settings, at(7, 10))).toMatchObject({
      state: 'due',
      dueAt: at(7, 13),
      ms: 3 * HOUR,
    });
    expect(deadlineOf(thread, kind, settings, at(7, 12, 30))?.state).toBe('nearing');
    expect(deadlineOf(thread, kind, settings, at(7, 14))).toMatchObject({ state: 'over', ms: HOUR });
  });
  it('has none for an answered thread or a kind with no target', () => {
    expect(deadlineOf({ threadId: 't', waitingSince: null }, kind, settings, at(7, 10))).toBeNull();
    expect(deadlineOf({ threadId: 't', waitingSince: at(7, 9) }, { targetMinutes: null }, settings, 0)).toBeNull();
  });
});
