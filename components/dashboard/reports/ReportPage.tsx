import { useEffect, useState } from 'preact/hooks';
import { hashFor } from '@/lib/dashboard/links';
import { ACTIVITY_TYPES } from '@/lib/model';
import type { StoredReport } from '@/lib/reports/contract';
import { reportToCsv, reportToText, type ScheduledReport } from '@/lib/reports/report';
import { call } from '@/lib/worker/client';
import { stageName } from '../../format';
import { formatCount, formatDateTime, locale, t } from '../../i18n';
import { PlanReportTable } from '../plan/PlanReportTable';
import { ServiceReportTable } from '../service/ServiceReportTable';
import type { ViewProps } from '../view-props';
import { days, duration, moneyTotal, periodText, rate } from './report-format';
import '../../styles/reports.css';

interface Row {
  key: string;
  label: string;
  current: string;
  previous?: string;
  /** current − previous, for figures that have one. */
  delta?: number;
  deltaText?: string;
}

function rowsOf(report: ScheduledReport, monthLabel: string): Row[] {
  const count = (key: string, label: string, change: { current: number; previous: number; delta: number }): Row => ({
    key,
    label,
    current: formatCount(change.current),
    previous: formatCount(change.previous),
    delta: change.delta,
    deltaText: formatCount(change.delta, { signDisplay: 'exceptZero' }),
  });
  const { contacts, deals, forecast, responseTimes } = report;
  const rows: Row[] = [
    count('contacts', t('report_new_contacts'), contacts.created),
    count('leads', t('report_new_leads'), contacts.leads),
    { key: 'moved', label: t('report_deals_moved'), current: formatCount(deals.movedStage.count) },
    ...deals.movedStage.byStage.map((move) => ({
      key: `moved-${move.stageId}`,
      label: t('report_moved_to', {
        stage: move.stageName === null ? t('fig_stage_gone') : stageName({ name: move.stageName }),
      }),
      current: formatCount(move.count),
    })),
    count('won', t('report_deals_won'), deals.won.count),
    {
      key: 'won-value',
      label: t('report_value_won'),
      current: moneyTotal(deals.won.value),
      previous: moneyTotal(deals.won.previousValue),
    },
    count('lost', t('report_deals_lost'), deals.lost.count),
    {
      key: 'lost-value',
      label: t('report_value_lost'),
      current: moneyTotal(deals.lost.value),
      previous: moneyTotal(deals.lost.previousValue),
    },
    {
      key: 'win-rate',
      label: t('fig_win_rate'),
      current: rate(deals.winRate.current),
      previous: rate(deals.winRate.previous),
    },
    {
      key: 'cycle',
      label: t('fig_sales_cycle'),
      current: days(deals.salesCycle.meanDays),
    },
    {
      key: 'forecast',
      label: t('report_forecast_for', { month: monthLabel, count: forecast.count }),
      current: moneyTotal(forecast.weighted),
    },
    count('activities', t('report_activities'), report.activities.count),
    ...ACTIVITY_TYPES.map((type) => ({
      key: `activity-${type}`,
      label: `· ${t(`activity_${type}`)}`,
      current: formatCount(report.activities.byType[type]),
    })),
    {
      key: 'replies',
      label: t('report_replies'),
      current: formatCount(responseTimes.current.count),
      previous: formatCount(responseTimes.previous.count),
    },
    {
      key: 'reply-median',
      label: t('report_reply_median'),
      current: duration(responseTimes.current.medianMs),
      previous: duration(responseTimes.previous.medianMs),
    },
    {
      key: 'reply-p90',
      label: t('report_reply_p90'),
      current: duration(responseTimes.current.p90Ms),
      previous: duration(responseTimes.previous.p90Ms),
    },
    { key: 'waiting', label: t('report_waiting'), current: formatCount(report.waitingThreads.count) },
    { key: 'overdue', label: t('report_overdue'), current: formatCount(report.overdueTasks.count) },
  ];
  return rows;
}

function download(name: string, text: string): void {
  // A BOM, so Excel opens the UTF-8 file (Khmer stage names) as UTF-8 rather than the system code page.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** #/report/<id>: what changed in the period, to print, download or paste into an email. */
export function ReportPage({ app, param }: ViewProps) {
  const [stored, setStored] = useState<StoredReport | null | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    void app.attempt(async () => setStored(param ? await call('report.get', { id: param }) : null));
  }, [param]);

  if (stored === undefined) return <p class="muted">{t('loading')}</p>;
  if (stored === null) {
    return (
      <section>
        <p class="notice">{t('report_not_found')}</p>
        <a href={hashFor('reports')}>{t('report_all')}</a>
      </section>
    );
  }

  const report = stored.report;
  const timeZone = report.timeZone;
  const period = periodText(report.period, timeZone, locale());
  const monthLabel = formatDateTime(report.forecast.start, timeZone, 'long-month-year');
  const rows = rowsOf(report, monthLabel);
  const text = reportToText(report, t, locale());
  const repName = report.repId ? app.reps.value.find((rep) => rep.id === report.repId)?.name : null;
  const fileDate = new Intl.DateTimeFormat('en-CA', { timeZone }).format(report.period.start);

  return (
    <article class="report-page" aria-labelledby="report-title">
      <p class="no-print">
        <a href={hashFor('reports')}>{t('report_all')}</a>
      </p>
      <h2 id="report-title">{t('report_page_title', { period })}</h2>
      <p class="muted">
        {t('report_previous_dates', { period: periodText(report.previous, timeZone, locale()) })} ·{' '}
        {repName ? t('report_for_rep', { name: repName }) : t('report_team')} ·{' '}
        {t('reports_generated_at', { when: formatDateTime(report.generatedAt, timeZone) })}
      </p>
      <div class="row no-print report-actions">
        <button type="button" onClick={() => window.print()}>
          {t('report_print')}
        </button>
        <button type="button" onClick={() => download(`sidecar-report-${fileDate}.csv`, reportToCsv(report))}>
          {t('report_download_csv')}
        </button>
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(text).then(
              () => setStatus(t('report_copied')),
              () => setStatus(t('report_copy_failed')),
            )
          }
        >
          {t('report_copy_text')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (!app.settings.value?.managerEmail) {
              setStatus(t('report_mail_needs_manager'));
              return;
            }
            void app.attempt(async () => {
              const { url } = await call('report.mailDraft', { id: stored.id });
              window.open(url, '_blank', 'noopener');
            });
          }}
        >
          {t('report_email_it')}
        </button>
        <span role="status" class="muted">
          {status}
        </span>
      </div>
      <table class="report-table">
        <thead>
          <tr>
            <th scope="col">{t('report_figure')}</th>
            <th scope="col">{t('report_this_period')}</th>
            <th scope="col">{t('report_previous_period')}</th>
            <th scope="col">{t('report_change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.current}</td>
              <td>{row.previous ?? ''}</td>
              <td class={row.delta === undefined ? '' : row.delta > 0 ? 'up' : row.delta < 0 ? 'down' : ''}>
                {row.deltaText ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.service ? <ServiceReportTable service={report.service} /> : null}
      {report.plan?.length ? <PlanReportTable plan={report.plan} /> : null}
      <details class="no-print report-text">
        <summary>{t('report_text_label')}</summary>
        <pre>{text}</pre>
      </details>
    </article>
  );
}
