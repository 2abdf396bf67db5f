import type { ResponseRow, ScoreRow, ServiceFigures } from '@/lib/service/figures';
import { formatCount, t } from '../../i18n';
import { FigureCard } from '../reports/FigureCard';
import { duration, rate } from '../reports/report-format';

const average = (value: number | null) => (value === null ? '—' : formatCount(value, { maximumFractionDigits: 1 }));

const responseColumns = () => [
  t('service_received'),
  t('service_answered_count'),
  t('fig_median'),
  t('fig_p90'),
  t('service_within'),
  t('service_over_now'),
];
const responseCells = (row: ResponseRow) => [
  formatCount(row.received),
  formatCount(row.answered),
  duration(row.medianMs),
  duration(row.p90Ms),
  rate(row.withinTarget),
  formatCount(row.overTarget),
];
const scoreColumns = () => [t('service_scores'), t('service_average'), t('service_good_share')];
const scoreCells = (row: ScoreRow) => [formatCount(row.count), average(row.average), rate(row.goodShare)];

/** The policy's figures, a chart and a table each: per kind, per owner, per week, satisfaction, who holds what. */
export function ServiceFigureCards({
  figures,
  kindName,
  repName,
  periodName,
}: {
  figures: ServiceFigures;
  kindName(id: string | null): string;
  repName(id: string | null): string;
  periodName(start: number): string;
}) {
  const none = figures.overall.received === 0 ? t('service_none') : null;
  const noScores = figures.satisfaction.count === 0 ? t('service_none') : null;
  return (
    <div class="figure-grid">
      <FigureCard
        title={`${t('service_first_response')} · ${t('service_by_kind')}`}
        wide
        empty={none}
        columns={[t('service_kind_filter'), ...responseColumns()]}
        rows={figures.byKind.map((row) => ({
          key: row.kindId ?? 'none',
          head: kindName(row.kindId),
          cells: responseCells(row),
          plot: { values: [row.withinTarget ?? 0], text: rate(row.withinTarget) },
        }))}
        total={responseCells(figures.overall)}
      />
      <FigureCard
        title={`${t('service_first_response')} · ${t('service_by_rep')}`}
        wide
        empty={none}
        columns={[t('service_owner'), ...responseColumns()]}
        rows={figures.byRep.map((row) => ({
          key: row.repId ?? 'none',
          head: repName(row.repId),
          cells: responseCells(row),
          plot: { values: [row.received], text: formatCount(row.received) },
        }))}
      />
      <FigureCard
        title={`${t('service_first_response')} · ${t('service_by_week')}`}
        wide
        empty={none}
        series={[{ name: t('fig_median'), class: 'series-a' }]}
        columns={[t('fig_period'), ...responseColumns()]}
        rows={figures.byPeriod.map((row) => ({
          key: row.key,
          head: periodName(row.start),
          cells: responseCells(row),
          plot: { values: [row.medianMs ?? 0], text: duration(row.medianMs) },
        }))}
      />
      <FigureCard
        title={`${t('service_satisfaction')} · ${t('service_by_kind')}`}
        empty={noScores}
        columns={[t('service_kind_filter'), ...scoreColumns()]}
        rows={figures.byKind
          .filter((row) => row.count > 0)
          .map((row) => ({
            key: row.kindId ?? 'none',
            head: kindName(row.kindId),
            cells: scoreCells(row),
            plot: { values: [row.average ?? 0], text: average(row.average) },
          }))}
        total={scoreCells(figures.satisfaction)}
      />
      <FigureCard
        title={`${t('service_satisfaction')} · ${t('fig_rep')}`}
        empty={noScores}
        columns={[t('fig_rep'), ...scoreColumns()]}
        rows={figures.byRep
          .filter((row) => row.count > 0)
          .map((row) => ({
            key: row.repId ?? 'none',
            head: repName(row.repId),
            cells: scoreCells(row),
            plot: { values: [row.average ?? 0], text: average(row.average) },
          }))}
      />
      <FigureCard
        title={t('service_holders')}
        empty={figures.holders.length === 0 ? t('service_nobody_waiting') : null}
        columns={[t('service_owner'), t('service_waiting'), t('service_over_now')]}
        rows={figures.holders.map((row) => ({
          key: row.ownerRepId ?? 'none',
          head: repName(row.ownerRepId),
          cells: [formatCount(row.waiting), formatCount(row.overTarget)],
          plot: { values: [row.waiting], text: formatCount(row.waiting) },
        }))}
      />
    </div>
  );
}
