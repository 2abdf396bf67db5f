import type { ServiceSummary } from '@/lib/service/report';
import { formatCount, t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import { FigureTable } from '../reports/FigureCard';
import { duration, rate } from '../reports/report-format';

const average = (value: number | null) => (value === null ? '—' : formatCount(value, { maximumFractionDigits: 1 }));

/** A scheduled report's service figures: per kind of thread, with the period's totals under them. */
export function ServiceReportTable({ service }: { service: ServiceSummary }) {
  const cells = (row: {
    received: number;
    withinTarget: number | null;
    medianMs: number | null;
    scores: number;
    average: number | null;
  }) => [
    formatCount(row.received),
    rate(row.withinTarget),
    duration(row.medianMs),
    formatCount(row.scores),
    average(row.average),
  ];
  return (
    <section aria-labelledby="report-service-title">
      <h3 id="report-service-title">{t('service_report_title')}</h3>
      <FigureTable
        columns={[
          t('service_kind_filter'),
          t('service_received'),
          t('service_within'),
          t('fig_median'),
          t('service_scores'),
          t('service_average'),
        ]}
        rows={service.byKind.map((row) => ({
          key: row.kindId ?? 'none',
          head: row.kindId ? kindLabel(row) : t('service_no_kind'),
          cells: cells(row),
        }))}
        total={cells({ ...service, scores: service.satisfaction.count, average: service.satisfaction.average })}
      />
      <p class="muted small">
        {t('service_over_now')}: {formatCount(service.overTarget)} · {t('service_hours_note')}
      </p>
    </section>
  );
}
