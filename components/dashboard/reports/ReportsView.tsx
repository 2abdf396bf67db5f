import { useEffect, useState } from 'preact/hooks';
import { hashFor } from '@/lib/dashboard/links';
import { type NowKind, nowKind, type ReportSummary } from '@/lib/reports/contract';
import { call } from '@/lib/worker/client';
import { formatDateTime, locale, t } from '../../i18n';
import type { ViewProps } from '../view-props';
import { periodText } from './report-format';
import '../../styles/reports.css';

const KIND_LABEL = {
  day: 'reports_kind_day',
  week: 'reports_kind_week',
  month: 'reports_kind_month',
  quarter: 'reports_kind_quarter',
} as const;
const ORIGIN_LABEL = {
  daily: 'sched_daily',
  weekly: 'sched_weekly',
  monthly: 'sched_monthly',
  quarterly: 'sched_quarterly',
} as const;

/** #/reports: the reports the worker kept, newest first, and "Generate now". */
export function ReportsView({ app }: ViewProps) {
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [kind, setKind] = useState<NowKind>('month');
  const [busy, setBusy] = useState(false);
  const timeZone = app.timeZone.value;

  const load = () =>
    app.attempt(async () => {
      setReports(await call('reports.list', {}));
    });
  // A scheduled run does not touch the store, so the list is read on arrival and after "Generate now".
  useEffect(() => {
    void load();
  }, []);

  const generate = async () => {
    setBusy(true);
    const stored = await app.attempt(() => call('reports.generateNow', { kind }));
    setBusy(false);
    if (stored) location.hash = hashFor('report', stored.id);
  };

  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{t('reports_title')}</h2>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <label>
          {t('reports_kind')}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as NowKind)}>
            {nowKind.options.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t('reports_generating') : t('reports_generate')}
        </button>
      </form>
      {reports === null ? <p class="muted">{t('loading')}</p> : null}
      {reports?.length === 0 ? <p class="muted">{t('reports_none')}</p> : null}
      <ul class="report-list">
        {(reports ?? []).map((report) => {
          const period = periodText(report.period, timeZone, locale());
          return (
            <li key={report.id}>
              <a href={hashFor('report', report.id)} aria-label={t('reports_open', { period })}>
                {period}
              </a>{' '}
              <span class="muted small">
                {report.origin.startsWith('now-')
                  ? t('reports_by_hand')
                  : t(ORIGIN_LABEL[report.origin as keyof typeof ORIGIN_LABEL])}{' '}
                · {t('reports_generated_at', { when: formatDateTime(report.generatedAt, timeZone) })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
