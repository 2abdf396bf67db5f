/**
 * The scheduled report: headline numbers for one period beside the period before it, as a plain object (stored,
 * sent by message, rendered by the dashboard), and as CSV or text to paste into an email.
 */
import { guardCell } from '../csv/guard';
import { formatDate, formatMajorUnits } from '../export/tables';
import { formatDate as formatShownDate } from '../i18n/dates';
import type { Locale } from '../i18n/locale';
import { formatMoney, formatNumber } from '../i18n/numbers';
import type { PlanSummary } from '../model';
import type { ActivityType } from '../model/activity';
import { ACTIVITY_TYPES } from '../model/activity';
import type { Money } from '../model/money';
import { planCsvRows, planReportLine } from '../plan/report';
import { type ServiceSummary, serviceReportLine, serviceSummary } from '../service/report';
import type { ServiceRecords } from '../service/store';
import { monthKey, type Period, periodBounds } from '../time/periods';
import { activitiesPerRepAndType, newLeadsBySource, overdueTasks } from './activity-figures';
import {
  averageSalesCycleDays,
  closedDeals,
  dealsMovedStage,
  type SalesCycle,
  type StageMove,
  weightedForecast,
  winRate,
} from './deal-figures';
import type { FigureFilter, FiguresInput, MoneyBreakdown, ReportRecords } from './figures';
import { factSamples, type ResponseStats, responseSamples, responseTimeStats, waitingThreads } from './response-times';

export interface ReportData extends ReportRecords {
  /** One rep's report; null or absent for the whole team. */
  repId?: string | null;
  pipelineId?: string | null;
  /** The response policy's records (lib/service); absent, the report has no service figures. */
  service?: ServiceRecords;
}

export interface Change {
  current: number;
  previous: number;
  /** current − previous */
  delta: number;
}

export interface ScheduledReport {
  period: Period;
  previous: Period;
  timeZone: string;
  defaultCurrency: string;
  generatedAt: number;
  repId: string | null;
  pipelineId: string | null;
  contacts: {
    created: Change;
    /** Contacts created in the period whose lifecycle is still 'lead'. */
    leads: Change;
  };
  deals: {
    movedStage: { count: number; byStage: StageMove[] };
    won: { count: Change; value: MoneyBreakdown; previousValue: MoneyBreakdown };
    lost: { count: Change; value: MoneyBreakdown; previousValue: MoneyBreakdown };
    winRate: { current: number | null; previous: number | null };
    salesCycle: SalesCycle;
  };
  /** The month in which the period ends (its exclusive end): for a monthly report, the month after it. */
  forecast: { month: string; start: number; count: number; weighted: MoneyBreakdown };
  activities: { count: Change; byType: Record<ActivityType, number> };
  responseTimes: { current: ResponseStats; previous: ResponseStats };
  /** As of generatedAt, not of the period: what needs doing now. */
  waitingThreads: { count: number; oldestSince: number | null };
  overdueTasks: { count: number; oldestDueAt: number | null };
  /** The response policy's figures for the period; null in reports made before it. */
  service?: ServiceSummary | null;
  /** The plan's targets as of the period (lib/plan); null in reports made before it. */
  plan?: PlanSummary | null;
}

function change(current: number, previous: number): Change {
  return { current, previous, delta: current - previous };
}

function emptyBreakdown(currency: string): MoneyBreakdown {
  return { byCurrency: [], converted: { amount: 0, currency }, missingRate: [], missingRateCount: 0 };
}

export function buildScheduledReport(data: ReportData, period: Period, previous: Period): ScheduledReport {
  const { settings, now } = data;
  const scope = { repId: data.repId ?? null, pipelineId: data.pipelineId ?? null };
  const input = (range: Period): FiguresInput => {
    const filter: FigureFilter = { from: range.start, to: range.end, ...scope };
    return { ...data, filter };
  };
  const current = input(period);
  const before = input(previous);

  const sources = newLeadsBySource(current);
  const sourcesBefore = newLeadsBySource(before);
  const sum = (rows: { contacts: number; leads: number }[], field: 'contacts' | 'leads') =>
    rows.reduce((total, row) => total + row[field], 0);

  const won = closedDeals(current, 'won');
  const wonBefore = closedDeals(before, 'won');
  const lost = closedDeals(current, 'lost');
  const lostBefore = closedDeals(before, 'lost');

  const forecastMonth = periodBounds('month', period.end, settings.timeZone);
  const forecastKey = monthKey(forecastMonth.start, settings.timeZone);
  const bucket = weightedForecast(current).buckets.find((candidate) => candidate.month === forecastKey);

  const activities = activitiesPerRepAndType(current);
  const activitiesBefore = activitiesPerRepAndType(before);
  const byType = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, 0])) as Record<ActivityType, number>;
  for (const rep of activities) for (const type of ACTIVITY_TYPES) byType[type] += rep.byType[type];

  const responseFilter = { repId: scope.repId, timeZone: settings.timeZone, bucket: 'month' as const };
  const facts = data.threadFacts;
  const replies = responseTimeStats(data.activities, { from: period.start, to: period.end, ...responseFilter }, facts);
  const repliesBefore = responseTimeStats(
    data.activities,
    { from: previous.start, to: previous.end, ...responseFilter },
    facts,
  );

  // Waiting threads belong to the rep whose mailbox logged them; the response-time filter works on the replier.
  const waiting = waitingThreads(data.activities, now).filter(
    (thread) => scope.repId === null || thread.repId === scope.repId,
  );
  const overdue = overdueTasks(current);

  return {
    period,
    previous,
    timeZone: settings.timeZone,
    defaultCurrency: settings.defaultCurrency,
    generatedAt: now,
    ...scope,
    contacts: {
      created: change(sum(sources, 'contacts'), sum(sourcesBefore, 'contacts')),
      leads: change(sum(sources, 'leads'), sum(sourcesBefore, 'leads')),
    },
    deals: {
      movedStage: dealsMovedStage(current),
      won: { count: change(won.count, wonBefore.count), value: won.value, previousValue: wonBefore.value },
      lost: { count: change(lost.count, lostBefore.count), value: lost.value, previousValue: lostBefore.value },
      winRate: { current: winRate(current).rate, previous: winRate(before).rate },
      salesCycle: averageSalesCycleDays(current),
    },
    forecast: {
      month: forecastKey,
      start: forecastMonth.start,
      count: bucket?.count ?? 0,
      weighted: bucket?.weighted ?? emptyBreakdown(settings.defaultCurrency),
    },
    activities: {
      count: change(
        activities.reduce((total, rep) => total + rep.total, 0),
        activitiesBefore.reduce((total, rep) => total + rep.total, 0),
      ),
      byType,
    },
    responseTimes: { current: replies.overall, previous: repliesBefore.overall },
    waitingThreads: { count: waiting.length, oldestSince: waiting[0]?.since ?? null },
    overdueTasks: { count: overdue.length, oldestDueAt: overdue[0]?.task.dueAt ?? null },
    service: data.service
      ? serviceSummary(
          {
            ...data.service,
            answers: [
              ...responseSamples(data.service.threadMail),
              ...factSamples(data.service.threadFacts, data.service.threadMail),
            ],
          },
          settings,
          now,
          period,
          scope.repId,
        )
      : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

const majorUnits = (money: Money): string => formatMajorUnits(money.amount, money.currency);

const round2 = (value: number): string => String(Math.round(value * 100) / 100);
const orEmpty = (value: number | null, as: (value: number) => string): string => (value === null ? '' : as(value));
const minutes = (ms: number): string => round2(ms / 60_000);

const NUMBER = /^-?\d+(\.\d+)?$/;

function csvCell(value: string): string {
  // Text cells pass the export's formula guard (stage names and any later row of rep-typed text); numbers are left
  // alone, or a negative delta would turn into the text '-3.
  const safe = NUMBER.test(value) ? value : guardCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function moneyRows(section: string, metric: string, breakdown: MoneyBreakdown): string[][] {
  const rows = [[section, `${metric}_${breakdown.converted.currency}`, majorUnits(breakdown.converted)]];
  for (const money of breakdown.missingRate) {
    rows.push([section, `${metric}_no_rate_${money.currency}`, majorUnits(money)]);
  }
  return rows;
}

function changeRows(section: string, metric: string, value: Change): string[][] {
  return [
    [section, metric, String(value.current)],
    [section, `${metric}_previous`, String(value.previous)],
  ];
}

function serviceRows(service: ServiceSummary | null): string[][] {
  if (!service) return [];
  return [
    ['service', 'received', String(service.received)],
    ['service', 'within_target', orEmpty(service.withinTarget, round2)],
    ['service', 'first_answer_median_working_minutes', orEmpty(service.medianMs, minutes)],
    ['service', 'first_answer_p90_working_minutes', orEmpty(service.p90Ms, minutes)],
    ['service', 'over_target_now', String(service.overTarget)],
    ['service', 'satisfaction_answers', String(service.satisfaction.count)],
    ['service', 'satisfaction_average', orEmpty(service.satisfaction.average, round2)],
  ];
}

/**
 * Three columns — section, metric, value — one figure a row, values as plain numbers (money in major units of the
 * currency named in the metric, durations in minutes, rates as 0..1) so a spreadsheet can compute with them.
 * CRLF line ends, as RFC 4180 and Excel expect.
 */
export function reportToCsv(report: ScheduledReport): string {
  const tz = report.timeZone;
  const rows: string[][] = [
    ['report', 'period_first_day', formatDate(report.period.start, tz)],
    ['report', 'period_last_day', formatDate(report.period.end - 1, tz)],
    ['report', 'time_zone', tz],
    ...changeRows('contacts', 'new', report.contacts.created),
    ...changeRows('contacts', 'new_leads', report.contacts.leads),
    ['deals', 'moved_stage', String(report.deals.movedStage.count)],
    ...report.deals.movedStage.byStage.map((move) => [
      'deals',
      `moved_to_stage:${move.stageName ?? move.stageId}`,
      String(move.count),
    ]),
    ...changeRows('deals', 'won', report.deals.won.count),
    ...moneyRows('deals', 'won_value', report.deals.won.value),
    ...changeRows('deals', 'lost', report.deals.lost.count),
    ...moneyRows('deals', 'lost_value', report.deals.lost.value),
    ['deals', 'win_rate', orEmpty(report.deals.winRate.current, round2)],
    ['deals', 'win_rate_previous', orEmpty(report.deals.winRate.previous, round2)],
    ['deals', 'sales_cycle_mean_days', orEmpty(report.deals.salesCycle.meanDays, round2)],
    ['deals', 'sales_cycle_median_days', orEmpty(report.deals.salesCycle.medianDays, round2)],
    ['forecast', 'month', report.forecast.month],
    ['forecast', 'open_deals', String(report.forecast.count)],
    ...moneyRows('forecast', 'weighted', report.forecast.weighted),
    ...changeRows('activities', 'total', report.activities.count),
    ...ACTIVITY_TYPES.map((type) => ['activities', type, String(report.activities.byType[type])]),
    ['response_times', 'replies', String(report.responseTimes.current.count)],
    ['response_times', 'median_minutes', orEmpty(report.responseTimes.current.medianMs, minutes)],
    ['response_times', 'p90_minutes', orEmpty(report.responseTimes.current.p90Ms, minutes)],
    ['response_times', 'median_minutes_previous', orEmpty(report.responseTimes.previous.medianMs, minutes)],
    ['response_times', 'waiting_threads', String(report.waitingThreads.count)],
    ['tasks', 'overdue', String(report.overdueTasks.count)],
    ...serviceRows(report.service ?? null),
    ...planCsvRows(report.plan ?? null),
  ];
  return [['section', 'metric', 'value'], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** Every message reportToText asks for; the catalog (public/_locales) should carry each. */
export type ReportTextKey =
  | 'reportTitle'
  | 'reportNewContacts'
  | 'reportNewLeads'
  | 'reportDealsMovedStage'
  | 'reportDealsWon'
  | 'reportDealsLost'
  | 'reportNoRate'
  | 'reportWinRate'
  | 'reportWinRateNone'
  | 'reportSalesCycle'
  | 'reportSalesCycleNone'
  | 'reportDays'
  | 'reportForecast'
  | 'reportActivities'
  | 'reportResponseTime'
  | 'reportResponseTimeNone'
  | 'reportWaitingThreads'
  | 'reportOverdueTasks'
  | 'reportService'
  | 'reportPlan'
  | 'reportDurationMinutes'
  | 'reportDurationHours'
  | 'reportDurationDays';

export type ReportTranslate = (key: ReportTextKey, subs?: Record<string, string | number>) => string;

/** The converted total, then what could not be converted, so nothing is silently dropped. */
export function moneyText(breakdown: MoneyBreakdown, t: ReportTranslate, locale: Locale): string {
  const main = formatMoney(breakdown.converted, locale);
  if (breakdown.missingRate.length === 0) return main;
  const others = breakdown.missingRate.map((money) => formatMoney(money, locale)).join(', ');
  return `${main} ${t('reportNoRate', { amounts: others })}`;
}

export function durationText(ms: number, t: ReportTranslate, locale: Locale): string {
  const number = (value: number) => formatNumber(value, locale, { maximumFractionDigits: 0 });
  const totalMinutes = Math.round(ms / 60_000);
  if (totalMinutes < 60) return t('reportDurationMinutes', { minutes: number(totalMinutes) });
  // Past two days, minutes are noise; hours are what a rep acts on.
  if (totalMinutes < 48 * 60) {
    return t('reportDurationHours', {
      hours: number(Math.floor(totalMinutes / 60)),
      minutes: number(totalMinutes % 60),
    });
  }
  const totalHours = Math.round(totalMinutes / 60);
  return t('reportDurationDays', {
    days: number(Math.floor(totalHours / 24)),
    hours: number(totalHours % 24),
  });
}

/**
 * Plain text, one figure a line, to paste into an email. Numbers, money and dates are formatted for `locale`; a count
 * that picks a message's plural form goes to `t` as a number.
 */
export function reportToText(report: ScheduledReport, t: ReportTranslate, locale: Locale): string {
  const tz = report.timeZone;
  const count = (value: number) => formatNumber(value, locale, { maximumFractionDigits: 0 });
  const days = (value: number) => t('reportDays', { count: Math.round(value * 10) / 10 });
  const percent = (value: number) => formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 0 });
  const date = (epoch: number) => formatShownDate(epoch, 'date', locale, tz);
  const { contacts, deals, forecast, responseTimes } = report;

  const lines = [
    t('reportTitle', { from: date(report.period.start), to: date(report.period.end - 1) }),
    '',
    t('reportNewContacts', {
      count: count(contacts.created.current),
      previous: count(contacts.created.previous),
    }),
    t('reportNewLeads', {
      count: count(contacts.leads.current),
      previous: count(contacts.leads.previous),
    }),
    t('reportDealsMovedStage', { count: count(deals.movedStage.count) }),
    t('reportDealsWon', {
      count: count(deals.won.count.current),
      previous: count(deals.won.count.previous),
      value: moneyText(deals.won.value, t, locale),
    }),
    t('reportDealsLost', {
      count: count(deals.lost.count.current),
      previous: count(deals.lost.count.previous),
      value: moneyText(deals.lost.value, t, locale),
    }),
    deals.winRate.current === null
      ? t('reportWinRateNone')
      : t('reportWinRate', { rate: percent(deals.winRate.current) }),
    deals.salesCycle.meanDays === null || deals.salesCycle.medianDays === null
      ? t('reportSalesCycleNone')
      : t('reportSalesCycle', {
          mean: days(deals.salesCycle.meanDays),
          median: days(deals.salesCycle.medianDays),
        }),
    t('reportForecast', {
      month: formatShownDate(forecast.start, 'long-month-year', locale, tz),
      count: forecast.count,
      value: moneyText(forecast.weighted, t, locale),
    }),
    t('reportActivities', {
      count: count(report.activities.count.current),
      previous: count(report.activities.count.previous),
    }),
    responseTimes.current.medianMs === null || responseTimes.current.p90Ms === null
      ? t('reportResponseTimeNone')
      : t('reportResponseTime', {
          median: durationText(responseTimes.current.medianMs, t, locale),
          p90: durationText(responseTimes.current.p90Ms, t, locale),
          count: responseTimes.current.count,
        }),
    t('reportWaitingThreads', { count: count(report.waitingThreads.count) }),
    t('reportOverdueTasks', { count: count(report.overdueTasks.count) }),
    ...(report.service ? [serviceReportLine(report.service, t, locale)] : []),
    ...(report.plan?.length ? [planReportLine(report.plan, t)] : []),
  ];
  return lines.join('\n');
}
