import { afterEach, describe, expect, it } from 'vitest';
import { type DateShape, formatDate, weekdayName } from '@/lib/i18n/dates';
import { assumeIntlKnowsKhmer, type Locale } from '@/lib/i18n/locale';

const EN: Locale = { language: 'en', khmerDigits: false };
const KM: Locale = { language: 'km', khmerDigits: true };
const KM_WESTERN: Locale = { language: 'km', khmerDigits: false };
const PHNOM_PENH = 'Asia/Phnom_Penh';
/** 08:00 on Monday 7 December 2026 in Phnom Penh (UTC+7). */
const MORNING = Date.UTC(2026, 11, 7, 1, 0);
const at = (hour: number, minute = 0) => Date.UTC(2026, 11, 7, hour - 7, minute);
const SHAPES: DateShape[] = ['date-time', 'short-date-time', 'date', 'day-month', 'month-year', 'long-month-year'];
const MONTHS = 'មករា កុម្ភៈ មីនា មេសា ឧសភា មិថុនា កក្កដា សីហា កញ្ញា តុលា វិច្ឆិកា ធ្នូ'.split(' ');

afterEach(() => assumeIntlKnowsKhmer(null));

// ICU puts a narrow no-break space (U+202F) before AM and PM.
describe('dates in English', () => {
  it('reads as it did before the Khmer tables', () => {
    expect(formatDate(MORNING, 'date-time', EN, PHNOM_PENH)).toBe('Dec 7, 2026, 8:00\u202fAM');
    expect(formatDate(MORNING, 'short-date-time', EN, PHNOM_PENH)).toBe('12/7/26, 8:00\u202fAM');
    expect(formatDate(MORNING, 'date', EN, PHNOM_PENH)).toBe('Dec 7, 2026');
    expect(formatDate(MORNING, 'day-month', EN, PHNOM_PENH)).toBe('Dec 7');
    expect(formatDate(MORNING, 'month-year', EN, PHNOM_PENH)).toBe('Dec 2026');
    expect(formatDate(MORNING, 'long-month-year', EN, PHNOM_PENH)).toBe('December 2026');
    expect(weekdayName(1, EN, 'short')).toBe('Mon');
    expect(weekdayName(1, EN, 'long')).toBe('Monday');
  });

  it("is shown in the rep's time zone", () => {
    expect(formatDate(at(6, 30), 'date-time', EN, PHNOM_PENH)).toBe('Dec 7, 2026, 6:30\u202fAM');
    expect(formatDate(at(6, 30), 'date-time', EN, 'UTC')).toBe('Dec 6, 2026, 11:30\u202fPM');
  });

  it('shows the instant rather than nothing for a time zone the engine does not know', () => {
    expect(formatDate(MORNING, 'date', EN, 'Mars/Olympus_Mons')).toBe('2026-12-07T01:00:00.000Z');
  });
});

// Debian's Chromium has no Khmer in Intl; Node has. The same answers must come out of both paths.
describe.each([
  ['Intl, where the engine has Khmer data', true],
  ['our tables, where it has none (Debian Chromium)', false],
])('Khmer dates through %s', (_, knowsKhmer) => {
  const only = knowsKhmer && Intl.DateTimeFormat.supportedLocalesOf(['km']).length === 0 ? it.skip : it;

  only('writes day, month, year in Khmer order with Khmer month names', () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    expect(formatDate(MORNING, 'date', KM_WESTERN, PHNOM_PENH)).toBe('7 ធ្នូ 2026');
    expect(formatDate(MORNING, 'day-month', KM_WESTERN, PHNOM_PENH)).toBe('7 ធ្នូ');
    expect(formatDate(MORNING, 'month-year', KM_WESTERN, PHNOM_PENH)).toBe('ធ្នូ 2026');
    expect(formatDate(MORNING, 'long-month-year', KM_WESTERN, PHNOM_PENH)).toBe('ធ្នូ 2026');
    expect(formatDate(MORNING, 'short-date-time', KM_WESTERN, PHNOM_PENH)).toBe('7/12/26, 8:00 ព្រឹក');
    MONTHS.forEach((name, month) => {
      expect(formatDate(Date.UTC(2026, month, 15), 'date', KM_WESTERN, PHNOM_PENH)).toBe(`15 ${name} 2026`);
    });
  });

  only('says the time of day as Khmer does, in the morning, afternoon, evening and night', () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    const time = (hour: number, minute = 0) => formatDate(at(hour, minute), 'date-time', KM_WESTERN, PHNOM_PENH);
    expect(time(8)).toBe('7 ធ្នូ 2026, 8:00 ព្រឹក');
    expect(time(0, 5)).toBe('7 ធ្នូ 2026, 12:05 ព្រឹក');
    expect(time(12)).toBe('7 ធ្នូ 2026, 12:00 រសៀល');
    expect(time(14, 41)).toBe('7 ធ្នូ 2026, 2:41 រសៀល');
    expect(time(19, 5)).toBe('7 ធ្នូ 2026, 7:05 ល្ងាច');
    expect(time(22, 30)).toBe('7 ធ្នូ 2026, 10:30 យប់');
  });

  only('writes Khmer digits when the rep keeps them, and the same text in Western digits when not', () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    expect(formatDate(at(14, 41), 'date-time', KM, PHNOM_PENH)).toBe('៧ ធ្នូ ២០២៦, ២:៤១ រសៀល');
    expect(formatDate(MORNING, 'short-date-time', KM, PHNOM_PENH)).toBe('៧/១២/២៦, ៨:០០ ព្រឹក');
  });

  only("is shown in the rep's time zone", () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    expect(formatDate(at(6, 30), 'date-time', KM_WESTERN, 'UTC')).toBe('6 ធ្នូ 2026, 11:30 យប់');
  });

  only('leaves no English behind', () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    for (const shape of SHAPES) {
      for (const hour of [0, 9, 13, 18, 23]) {
        expect(formatDate(at(hour), shape, KM, PHNOM_PENH), shape).not.toMatch(/[A-Za-z0-9]/);
      }
    }
    for (let day = 0; day < 7; day++) expect(weekdayName(day, KM, 'short')).not.toMatch(/[A-Za-z]/);
  });

  only('names the weekdays in Khmer', () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    // CLDR writes Monday ចន្ទ where it stands alone and ច័ន្ទ in a date; both are Khmer for Monday.
    expect(weekdayName(1, KM, 'long')).toMatch(/^ច(័?)ន្ទ$/);
    expect(weekdayName(0, KM, 'long')).toBe('អាទិត្យ');
    expect(weekdayName(6, KM, 'long')).toBe('សៅរ៍');
  });
});

describe('the Khmer tables', () => {
  it('name the weekdays as Khmer writes them', () => {
    assumeIntlKnowsKhmer(false);
    const names = [0, 1, 2, 3, 4, 5, 6].map((day) => weekdayName(day, KM, 'long'));
    expect(names).toEqual(['អាទិត្យ', 'ច័ន្ទ', 'អង្គារ', 'ពុធ', 'ព្រហស្បតិ៍', 'សុក្រ', 'សៅរ៍']);
  });

  it.skipIf(Intl.DateTimeFormat.supportedLocalesOf(['km']).length === 0)(
    "write what Intl's Khmer data writes, for every shape and an hour of each part of the day",
    () => {
      const instants = [0, 6, 11, 12, 17, 18, 20, 21, 23].flatMap((hour) => [
        Date.UTC(2024, 1, 29, hour, 7),
        Date.UTC(2026, 0, 1, hour, 59),
        Date.UTC(2031, 6, 15, hour),
      ]);
      for (const shape of SHAPES) {
        for (const instant of instants) {
          assumeIntlKnowsKhmer(true);
          const intl = formatDate(instant, shape, KM, 'Asia/Bangkok');
          assumeIntlKnowsKhmer(false);
          expect(formatDate(instant, shape, KM, 'Asia/Bangkok'), `${shape} ${new Date(instant).toISOString()}`).toBe(
            intl,
          );
        }
      }
    },
  );
});
