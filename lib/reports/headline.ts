/** The text of a report's notification: which period it covers and the few numbers a manager reads there. */
import type { MessageKey } from '../i18n/translate';
import { formatMoney } from '../model/money';
import type { Period } from '../time/periods';
import { durationText, type ScheduledReport } from './report';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function periodLabel(period: Period, timeZone: string, locale: string): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const from = date.format(period.start);
  const to = date.format(period.end - 1);
  return from === to ? from : `${from} – ${to}`;
}

/** The few numbers a manager reads in a notification: won, win rate, new contacts, reply time. */
export function reportHeadline(report: ScheduledReport, t: Translate, locale: string): string {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const won = report.deals.won;
  const lines = [
    t('report_headline_won', {
      count: count.format(won.count.current),
      value: formatMoney(won.value.converted, locale),
    }),
    report.deals.winRate.current === null
      ? t('reportWinRateNone')
      : t('reportWinRate', { rate: percent.format(report.deals.winRate.current) }),
    t('report_headline_contacts', { count: count.format(report.contacts.created.current) }),
    report.responseTimes.current.medianMs === null
      ? t('reportResponseTimeNone')
      : t('report_headline_reply', { median: durationText(report.responseTimes.current.medianMs, t, locale) }),
  ];
  return lines.join('\n');
}
