import { describe, expect, it } from 'vitest';
import {
  buildScheduledReport,
  type ReportTextKey,
  type ReportTranslate,
  reportToCsv,
  reportToText,
} from '../../../lib/reports/report';
import { FEBRUARY, HOUR, MARCH, NOW, pp, REP, records, settings } from './dataset';

const ENGLISH = { language: 'en', khmerDigits: false } as const;

/** The suggested English messages; the catalogs in public/_locales should carry these keys. */
const EN: Record<ReportTextKey, string> = {
  reportTitle: 'Sales report, {from} – {to}',
  reportNewContacts: 'New contacts: {count} (previous period: {previous})',
  reportNewLeads: 'New leads: {count} (previous period: {previous})',
  reportDealsMovedStage: 'Deals moved to another stage: {count}',
  reportDealsWon: 'Deals won: {count} (previous period: {previous}), worth {value}',
  reportDealsLost: 'Deals lost: {count} (previous period: {previous}), worth {value}',
  reportNoRate: '+ {amounts} with no exchange rate',
  reportWinRate: 'Win rate: {rate}',
  reportWinRateNone: 'Win rate: no deals closed',
  reportSalesCycle: 'Sales cycle: {mean} on average, median {median}',
  reportSalesCycleNone: 'Sales cycle: no deals won',
  reportDays: '{count} days',
  reportForecast: 'Forecast for {month} ({count} open deals, weighted): {value}',
  reportActivities: 'Activities logged: {count} (previous period: {previous})',
  reportResponseTime: 'Reply time: median {median}, 90th percentile {p90}, over {count} replies',
  reportResponseTimeNone: 'Reply time: no replies in this period',
  reportWaitingThreads: 'Emails waiting for a reply: {count}',
  reportOverdueTasks: 'Overdue tasks: {count}',
  reportService: 'Customer threads received: {count}; within target: {within}; over target now: {over}',
  reportPlan: 'Plan targets: {met} of {count} met, {missed} missed',
  reportDurationMinutes: '{minutes} min',
  reportDurationHours: '{hours} h {minutes} min',
  reportDurationDays: '{days} d {hours} h',
};

const t: ReportTranslate = (key, subs = {}) =>
  EN[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in subs ? String(subs[name]) : whole));

const report = buildScheduledReport(records, MARCH, FEBRUARY);

describe('buildScheduledReport', () => {
  it('gives March’s headline numbers beside February’s', () => {
    expect(report).toMatchObject({
      period: MARCH,
      previous: FEBRUARY,
      timeZone: 'Asia/Phnom_Penh',
      defaultCurrency: 'USD',
      generatedAt: NOW,
      repId: null,
      pipelineId: null,
      // March: c2, c3, c4 (c2 and c4 still leads). February: c7 (lead).
      contacts: { created: { current: 3, previous: 1, delta: 2 }, leads: { current: 2, previous: 1, delta: 1 } },
      deals: {
        movedStage: { count: 3 },
        // Won: March d7 d8 d9 d14, February d15 (USD 400.00). Lost: March d10 (800.00), February d12 (600.00).
        won: {
          count: { current: 4, previous: 1, delta: 3 },
          previousValue: { converted: { amount: 40_000, currency: 'USD' } },
        },
        lost: {
          count: { current: 1, previous: 1, delta: 0 },
          value: { converted: { amount: 80_000, currency: 'USD' } },
          previousValue: { converted: { amount: 60_000, currency: 'USD' } },
        },
        winRate: { current: 0.8, previous: 0.5 },
        salesCycle: { count: 4, meanDays: 19.125, medianDays: 19.5 },
      },
      // April (the month the period's exclusive end falls in): d1 + d3 weighted 135,000 cents, d4 THB 30,000.00.
      forecast: { month: '2026-04', start: pp(2026, 4, 1), count: 3 },
      // 14 (Sokha) + 9 (Dara) + 1 (no rep) = 24 in March; February: a15, a16, a17, b106 = 4.
      activities: {
        count: { current: 24, previous: 4, delta: 20 },
        byType: { email: 19, call: 2, meeting: 1, note: 1, voicemail: 1, satisfaction: 0 },
      },
      responseTimes: {
        current: { count: 6, medianMs: 3 * HOUR, p90Ms: 16.5 * HOUR },
        previous: { count: 1, medianMs: 3 * HOUR, p90Ms: 3 * HOUR },
      },
      waitingThreads: { count: 2, oldestSince: pp(2026, 3, 30, 9) },
      overdueTasks: { count: 2, oldestDueAt: pp(2026, 3, 15, 9) },
    });
    expect(report.deals.won.value.converted).toEqual({ amount: 620_000, currency: 'USD' });
    expect(report.forecast.weighted.converted).toEqual({ amount: 135_000, currency: 'USD' });
    expect(report.forecast.weighted.missingRate).toEqual([{ amount: 3_000_000, currency: 'THB' }]);
  });

  it('narrows to one rep', () => {
    const sokha = buildScheduledReport({ ...records, repId: REP.sokha }, MARCH, FEBRUARY);
    // Sokha: won d7, d9 (3,000 + 1,200 = USD 4,200.00); contacts c2 (lead); replies 0.5, 1, 4 h;
    // waiting T7; overdue k1; activities 14.
    expect(sokha.deals.won.count.current).toBe(2);
    expect(sokha.deals.won.value.converted.amount).toBe(420_000);
    expect(sokha.contacts.created.current).toBe(1);
    expect(sokha.responseTimes.current).toEqual({ count: 3, medianMs: 1 * HOUR, p90Ms: 3.4 * HOUR });
    expect(sokha.waitingThreads).toEqual({ count: 1, oldestSince: pp(2026, 3, 30, 9) });
    expect(sokha.overdueTasks).toEqual({ count: 1, oldestDueAt: pp(2026, 3, 30, 9) });
    expect(sokha.activities.count.current).toBe(14);
  });

  it('gives an empty forecast, not a missing one, for a month with no expected closes', () => {
    const june = { start: pp(2026, 6, 1), end: pp(2026, 7, 1) };
    const later = buildScheduledReport(records, june, { start: pp(2026, 5, 1), end: june.start });
    expect(later.forecast).toEqual({
      month: '2026-07',
      start: pp(2026, 7, 1),
      count: 0,
      weighted: { byCurrency: [], converted: { amount: 0, currency: 'USD' }, missingRate: [], missingRateCount: 0 },
    });
    expect(later.deals.winRate).toEqual({ current: null, previous: null });
  });
});

describe('reportToCsv', () => {
  it('writes one figure a row, numbers as numbers', () => {
    expect(reportToCsv(report).split('\r\n')).toEqual([
      'section,metric,value',
      'report,period_first_day,2026-03-01',
      'report,period_last_day,2026-03-31',
      'report,time_zone,Asia/Phnom_Penh',
      'contacts,new,3',
      'contacts,new_previous,1',
      'contacts,new_leads,2',
      'contacts,new_leads_previous,1',
      'deals,moved_stage,3',
      'deals,moved_to_stage:Demo,1',
      'deals,moved_to_stage:Close,1',
      'deals,moved_to_stage:Offer,1',
      'deals,won,4',
      'deals,won_previous,1',
      'deals,won_value_USD,6200.00', // 620,000 cents
      'deals,won_value_no_rate_THB,5000.00',
      'deals,lost,1',
      'deals,lost_previous,1',
      'deals,lost_value_USD,800.00',
      'deals,win_rate,0.8',
      'deals,win_rate_previous,0.5',
      'deals,sales_cycle_mean_days,19.13', // 19.125 rounded to 2 places
      'deals,sales_cycle_median_days,19.5',
      'forecast,month,2026-04',
      'forecast,open_deals,3',
      'forecast,weighted_USD,1350.00',
      'forecast,weighted_no_rate_THB,30000.00',
      'activities,total,24',
      'activities,total_previous,4',
      'activities,email,19',
      'activities,call,2',
      'activities,meeting,1',
      'activities,note,1',
      'activities,voicemail,1',
      'activities,satisfaction,0',
      'response_times,replies,6',
      'response_times,median_minutes,180', // 3 h
      'response_times,p90_minutes,990', // 16.5 h
      'response_times,median_minutes_previous,180',
      'response_times,waiting_threads,2',
      'tasks,overdue,2',
    ]);
  });

  it('quotes text that reps typed', () => {
    const renamed = records.pipelines.map((pipeline) => ({
      ...pipeline,
      stages: pipeline.stages.map((stage) => (stage.name === 'Demo' ? { ...stage, name: '=Demo, "live"' } : stage)),
    }));
    const csv = reportToCsv(buildScheduledReport({ ...records, pipelines: renamed }, MARCH, FEBRUARY));
    // The comma and quotes make a quoted cell with doubled quotes; the '=' is mid-cell, so no formula guard.
    expect(csv).toContain('\r\ndeals,"moved_to_stage:=Demo, ""live""",1\r\n');
  });
});

describe('reportToText', () => {
  it('reads as an English email', () => {
    expect(reportToText(report, t, ENGLISH).split('\n')).toEqual([
      'Sales report, Mar 1, 2026 – Mar 31, 2026',
      '',
      'New contacts: 3 (previous period: 1)',
      'New leads: 2 (previous period: 1)',
      'Deals moved to another stage: 3',
      'Deals won: 4 (previous period: 1), worth $6,200.00 + ฿5,000.00 with no exchange rate',
      'Deals lost: 1 (previous period: 1), worth $800.00',
      'Win rate: 80%',
      'Sales cycle: 19.1 days on average, median 19.5 days',
      'Forecast for April 2026 (3 open deals, weighted): $1,350.00 + ฿30,000.00 with no exchange rate',
      'Activities logged: 24 (previous period: 4)',
      'Reply time: median 3 h 0 min, 90th percentile 16 h 30 min, over 6 replies',
      'Emails waiting for a reply: 2',
      'Overdue tasks: 2',
    ]);
  });

  it('shows riel with no decimals when riel is the default currency', () => {
    const inRiel = { ...settings, defaultCurrency: 'KHR', exchangeRates: { USD: 4000 } };
    const rielReport = buildScheduledReport({ ...records, settings: inRiel }, MARCH, FEBRUARY);
    // Won: USD 4,200.00 × 4,000 = 16,800,000 + KHR 8,000,000 = 24,800,000 riel.
    expect(rielReport.deals.won.value.converted).toEqual({ amount: 24_800_000, currency: 'KHR' });
    const wonLine = reportToText(rielReport, t, { language: 'km', khmerDigits: false }).split('\n')[5]!;
    expect(wonLine).toMatch(/24[.,\u00a0\u202f]800[.,\u00a0\u202f]000\s?៛/);
    expect(wonLine).not.toMatch(/000[.,]00\s?៛/);
  });

  it('says so when there is nothing to measure', () => {
    const june = { start: pp(2026, 6, 1), end: pp(2026, 7, 1) };
    const text = reportToText(buildScheduledReport(records, june, june), t, ENGLISH);
    expect(text).toContain('Win rate: no deals closed');
    expect(text).toContain('Sales cycle: no deals won');
    expect(text).toContain('Reply time: no replies in this period');
  });
});
