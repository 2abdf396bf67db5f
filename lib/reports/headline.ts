/** The text of a report's notification: which period it covers and the few numbers a manager reads there. */
import { formatDate } from '../i18n/dates';
import type { Locale } from '../i18n/locale';
import { formatMoney, formatNumber } from '../i18n/numbers';
import type { MessageKey } from '../i18n/translate';
import type { Period } from '../time/periods';
import { durationText, type ScheduledReport } from './report';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function periodLabel(period: Period, timeZone: string, locale: Locale): string {
  const from = formatDate(period.start, 'date', locale, timeZone);
  const to = formatDate(period.end - 1, 'date', locale, timeZone);
  return from === to ? from : `${from} – ${to}`;
}

/** The few numbers a manager reads in a notification: won, win rate, new contacts, reply time. */
export function reportHeadline(report: ScheduledReport, t: Translate, locale: Locale): string {
  const count = (value: number) => formatNumber(value, locale, { maximumFractionDigits: 0 });
  const percent = (value: number) => formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 0 });
  const won = report.deals.won;
  const lines = [
    t('report_headline_won', {
      count: won.count.current,
      value: formatMoney(won.value.converted, locale),
    }),
    report.deals.winRate.current === null
      ? t('reportWinRateNone')
      : t('reportWinRate', { rate: percent(report.deals.winRate.current) }),
    t('report_headline_contacts', { count: count(report.contacts.created.current) }),
    report.responseTimes.current.medianMs === null
      ? t('reportResponseTimeNone')
      : t('report_headline_reply', { median: durationText(report.responseTimes.current.medianMs, t, locale) }),
  ];
  return lines.join('\n');
}
