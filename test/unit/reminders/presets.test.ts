import { describe, expect, it } from 'vitest';
import { customTime, describeDue, type PresetSettings, presetTime, REMINDER_PRESETS } from '@/lib/reminders/presets';
import { toWallClock } from '@/lib/time/zoned';

const HOUR = 3_600_000;
const MON_FRI = [1, 2, 3, 4, 5];
const phnomPenh: PresetSettings = {
  timeZone: 'Asia/Phnom_Penh',
  workingHours: { start: '08:00', end: '17:00', days: MON_FRI },
};
/** Phnom Penh is UTC+7 all year: local wall clock → UTC instant. */
const pp = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 7, minute);

describe('presetTime in Asia/Phnom_Penh, Monday to Friday from 08:00', () => {
  const tuesdayMorning = pp(11, 24, 9, 15);

  it('offers the four presets in the UI order', () => {
    expect(REMINDER_PRESETS).toEqual(['in-2-hours', 'tomorrow-morning', 'in-3-days', 'next-monday']);
  });

  it('puts "in 2 hours" exactly two hours on, whatever the working hours', () => {
    expect(presetTime('in-2-hours', tuesdayMorning, phnomPenh)).toBe(tuesdayMorning + 2 * HOUR);
    const saturdayNight = pp(11, 28, 23, 7);
    expect(presetTime('in-2-hours', saturdayNight, phnomPenh)).toBe(saturdayNight + 2 * HOUR);
  });

  it('puts "tomorrow morning" at the next day\'s working-hours start', () => {
    expect(presetTime('tomorrow-morning', tuesdayMorning, phnomPenh)).toBe(pp(11, 25, 8));
  });

  it('counts "tomorrow" from the local date, not the UTC one', () => {
    // 00:30 on Wednesday in Phnom Penh is still Tuesday in UTC.
    expect(presetTime('tomorrow-morning', pp(11, 25, 0, 30), phnomPenh)).toBe(pp(11, 26, 8));
    // 23:30 on Tuesday in Phnom Penh is 16:30 UTC: tomorrow is still Wednesday, not Thursday.
    expect(presetTime('tomorrow-morning', pp(11, 24, 23, 30), phnomPenh)).toBe(pp(11, 25, 8));
  });

  it('skips the weekend: Friday and Saturday both go to Monday morning', () => {
    expect(presetTime('tomorrow-morning', pp(11, 27, 16), phnomPenh)).toBe(pp(11, 30, 8));
    expect(presetTime('tomorrow-morning', pp(11, 28, 10), phnomPenh)).toBe(pp(11, 30, 8));
  });

  it('follows a Sunday-to-Thursday week and a 07:30 start', () => {
    const settings: PresetSettings = {
      timeZone: 'Asia/Phnom_Penh',
      workingHours: { start: '07:30', end: '16:00', days: [0, 1, 2, 3, 4] },
    };
    const thursday = pp(11, 26, 12);
    expect(presetTime('tomorrow-morning', thursday, settings)).toBe(pp(11, 29, 7, 30));
    expect(presetTime('tomorrow-morning', pp(11, 24, 12), settings)).toBe(pp(11, 25, 7, 30));
  });

  it('puts "in 3 days" three calendar days on at working-hours start, moved off a weekend', () => {
    expect(presetTime('in-3-days', tuesdayMorning, phnomPenh)).toBe(pp(11, 27, 8));
    expect(presetTime('in-3-days', pp(11, 26, 9), phnomPenh)).toBe(pp(11, 30, 8)); // Sunday → Monday
    expect(presetTime('in-3-days', pp(11, 25, 9), phnomPenh)).toBe(pp(11, 30, 8)); // Saturday → Monday
    // Wednesday 30 December → Saturday 2 January → Monday 4 January, across the year.
    expect(presetTime('in-3-days', pp(12, 30, 9), phnomPenh)).toBe(Date.UTC(2027, 0, 4, 1));
  });

  it('puts "next Monday" on the Monday after today, a week on when today is Monday', () => {
    expect(presetTime('next-monday', tuesdayMorning, phnomPenh)).toBe(pp(11, 30, 8));
    expect(presetTime('next-monday', pp(11, 29, 20), phnomPenh)).toBe(pp(11, 30, 8));
    expect(presetTime('next-monday', pp(11, 30, 7), phnomPenh)).toBe(pp(12, 7, 8));
  });
});

describe('presetTime across a DST change', () => {
  const berlin: PresetSettings = {
    timeZone: 'Europe/Berlin',
    workingHours: { start: '08:00', end: '17:00', days: [0, 1, 2, 3, 4, 5, 6] },
  };

  it('keeps "tomorrow morning" at 08:00 local the night before clocks go forward', () => {
    // Saturday 28 March 2026, 22:00 CET (UTC+1); at 02:00 on Sunday Berlin moves to CEST (UTC+2).
    const saturdayNight = Date.UTC(2026, 2, 28, 21, 0);
    const due = presetTime('tomorrow-morning', saturdayNight, berlin);
    expect(new Date(due).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(toWallClock(due, 'Europe/Berlin')).toMatchObject({ day: 29, hour: 8, minute: 0 });
    // 24 hours on from 08:00 local the day before would have been 09:00: the preset is not "now + a day".
    expect(due).not.toBe(Date.UTC(2026, 2, 28, 7, 0) + 24 * HOUR);
  });

  it('keeps Monday 08:00 for a Monday-to-Friday rep over the change', () => {
    const weekdays = { ...berlin, workingHours: { ...berlin.workingHours, days: MON_FRI } };
    const fridayNoon = Date.UTC(2026, 2, 27, 11, 0);
    expect(new Date(presetTime('tomorrow-morning', fridayNoon, weekdays)).toISOString()).toBe(
      '2026-03-30T06:00:00.000Z',
    );
    expect(new Date(presetTime('next-monday', fridayNoon, weekdays)).toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });

  it('keeps 08:00 local the night before clocks go back in New York', () => {
    const newYork: PresetSettings = { ...berlin, timeZone: 'America/New_York' };
    // Saturday 31 October 2026, 21:00 EDT (UTC-4); Sunday 1 November is on EST (UTC-5).
    const saturdayNight = Date.UTC(2026, 10, 1, 1, 0);
    const due = presetTime('tomorrow-morning', saturdayNight, newYork);
    expect(new Date(due).toISOString()).toBe('2026-11-01T13:00:00.000Z');
    expect(toWallClock(due, 'America/New_York')).toMatchObject({ day: 1, hour: 8 });
  });
});

describe('customTime', () => {
  it("reads a picked date and time in the rep's zone", () => {
    expect(customTime('2026-11-24', '14:00', 'Asia/Phnom_Penh')).toBe(pp(11, 24, 14));
    expect(new Date(customTime('2026-07-01', '09:30', 'Europe/Berlin')).toISOString()).toBe('2026-07-01T07:30:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap', () => {
    expect(new Date(customTime('2026-03-29', '02:30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses malformed and impossible input instead of rolling it over', () => {
    expect(() => customTime('2026-02-30', '09:00', 'Asia/Phnom_Penh')).toThrow(RangeError);
    expect(() => customTime('2026-11-24', '24:00', 'Asia/Phnom_Penh')).toThrow(RangeError);
    expect(() => customTime('24/11/2026', '09:00', 'Asia/Phnom_Penh')).toThrow(RangeError);
    expect(() => customTime('2026-11-24', '9:00', 'Asia/Phnom_Penh')).toThrow(RangeError);
  });
});

describe('describeDue', () => {
  const zone = 'Asia/Phnom_Penh';
  const now = pp(11, 24, 9, 15); // Tuesday

  it('says today with the time for later today', () => {
    expect(describeDue(pp(11, 24, 14), now, zone, 'en-GB')).toEqual({ relative: 'today', text: '14:00' });
  });

  it('says tomorrow with the time for the next local day', () => {
    expect(describeDue(pp(11, 25, 8), now, zone, 'en-GB')).toEqual({ relative: 'tomorrow', text: '08:00' });
    // One hour after 23:30 is tomorrow in Phnom Penh even though it is the same UTC date.
    expect(describeDue(pp(11, 25, 0, 30), pp(11, 24, 23, 30), zone, 'en-GB').relative).toBe('tomorrow');
  });

  it('gives the weekday and date for later days, and the year only when it differs', () => {
    const monday = describeDue(pp(11, 30, 8), now, zone, 'en-GB');
    expect(monday.relative).toBe('later');
    expect(monday.text).toMatch(/Mon.*30.*Nov.*08:00/);
    expect(monday.text).not.toContain('2026');
    expect(describeDue(Date.UTC(2027, 0, 4, 1), now, zone, 'en-GB').text).toContain('2027');
  });

  it('marks overdue tasks, with only the time when they fell due today', () => {
    expect(describeDue(pp(11, 24, 8), now, zone, 'en-GB')).toEqual({ relative: 'overdue', text: '08:00' });
    expect(describeDue(now, now, zone, 'en-GB').relative).toBe('overdue');
    const lastFriday = describeDue(pp(11, 20, 10), now, zone, 'en-GB');
    expect(lastFriday.relative).toBe('overdue');
    expect(lastFriday.text).toMatch(/Fri.*20.*Nov/);
  });

  it("formats in the rep's zone and locale", () => {
    const due = pp(11, 30, 8);
    expect(describeDue(due, now, 'Europe/Berlin', 'en-GB').text).toMatch(/Mon.*30.*Nov.*02:00/);
    expect(describeDue(due, now, zone, 'km-KH').text).toContain('ចន្ទ'); // Monday in Khmer
  });
});
