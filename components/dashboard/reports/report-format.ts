import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locale';
import type { MoneyBreakdown } from '@/lib/reports/figures';
import { durationText, moneyText } from '@/lib/reports/report';
import type { Period } from '@/lib/time/periods';
import { toWallClock } from '@/lib/time/zoned';
import { money } from '../../format';
import { formatCount, formatDateTime, locale, t } from '../../i18n';

const atMidnight = (at: number, timeZone: string) => {
  const wall = toWallClock(at, timeZone);
  return wall.hour === 0 && wall.minute === 0;
};

/**
 * A report's dates as a rep reads them. A scheduled period ends at the run (say 08:30), so both ends carry the time;
 * a calendar period runs from midnight to midnight and shows its first and last days only.
 */
export function periodText(period: Period, timeZone: string, locale: Locale): string {
  const withTime = !(atMidnight(period.start, timeZone) && atMidnight(period.end, timeZone));
  const format = (epoch: number) => formatDate(epoch, withTime ? 'date-time' : 'date', locale, timeZone);
  const from = format(period.start);
  const to = format(withTime ? period.end : period.end - 1);
  return from === to ? from : `${from} – ${to}`;
}

// The figures' numbers in the rep's language; a dash where there is nothing to measure.

export const moneyTotal = (breakdown: MoneyBreakdown): string => moneyText(breakdown, t, locale());

export const perCurrency = (breakdown: MoneyBreakdown): string =>
  breakdown.byCurrency.length === 0 ? '—' : breakdown.byCurrency.map((m) => money(m)).join(' · ');

export const duration = (ms: number | null): string => (ms === null ? '—' : durationText(ms, t, locale()));

export const days = (value: number | null): string =>
  value === null ? '—' : t('fig_days', { count: Math.round(value * 10) / 10 });

export const rate = (value: number | null): string =>
  value === null ? '—' : formatCount(value, { style: 'percent', maximumFractionDigits: 0 });

/** A forecast's month key ('YYYY-MM', a wall-clock month; null: no close date) as its name. */
export function monthFromKey(key: string | null): string {
  if (key === null) return t('fig_no_date');
  const [year, month] = key.split('-').map(Number);
  // The first of the month in UTC names it without a zone shift.
  return formatDateTime(Date.UTC(year!, month! - 1, 1), 'UTC', 'month-year');
}
