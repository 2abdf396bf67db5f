import { useModel } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { activitiesPerRepAndType, newLeadsBySource, overdueTasks } from '@/lib/reports/activity-figures';
import { contactNames, loadReportRecords } from '@/lib/reports/data';
import {
  averageSalesCycleDays,
  closedDeals,
  dealsClosedPerPeriod,
  pipelineValueByStage,
  weightedForecast,
  winRate,
} from '@/lib/reports/deal-figures';
import type { FiguresInput } from '@/lib/reports/figures';
import { responseTimeStats, waitingThreads } from '@/lib/reports/response-times';
import { formatDateTime, t } from '../../i18n';
import { PlanTargetsFigure } from '../plan/PlanTargetsFigure';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { ArrangeHome } from './ArrangeHome';
import { FigureFilters } from './FigureFilters';
import { ActivitiesFigure } from './figures/ActivitiesFigure';
import { ForecastFigure } from './figures/ForecastFigure';
import { HeadlineStats } from './figures/HeadlineStats';
import { OverdueTasks } from './figures/OverdueTasks';
import { PipelineValueFigure } from './figures/PipelineValueFigure';
import { ResponseByRep } from './figures/ResponseByRep';
import { ResponseFigure } from './figures/ResponseFigure';
import { SourcesFigure } from './figures/SourcesFigure';
import { WaitingThreads } from './figures/WaitingThreads';
import { WonLostFigure } from './figures/WonLostFigure';
import { FiguresModel } from './figures-model';
import { HomeGrid, homeFigureNames, useHomeLayout } from './home-grid';
import '../../styles/reports.css';

const DAY = 86_400_000;

/** The dashboard home: where the pipeline stands, what it will bring, and how fast the team answers. */
export function HomeFigures({ app }: ViewProps) {
  const model = useModel(() => new FiguresModel(app.timeZone.value));
  const range = model.range.value;
  const timeZone = app.timeZone.value;
  const home = useHomeLayout(app);
  const data = useRead(
    app,
    async (db) => {
      if (!range) return null;
      const now = Date.now();
      const records = await loadReportRecords(db, { from: range.start, to: range.end, now });
      const waiting = waitingThreads(records.activities, now);
      const names = await contactNames(
        db,
        waiting.map((thread) => thread.contactId),
      );
      return { records, waiting, names, now };
    },
    [range?.start, range?.end],
  );

  const page = (children: ComponentChildren, figures = false) => (
    <section aria-labelledby="home-title" class={figures ? 'figures' : undefined}>
      <div class="row spread">
        <h2 id="home-title">{t('fig_title')}</h2>
        <button type="button" aria-expanded={home.arranging} onClick={() => home.setArranging(!home.arranging)}>
          {t(home.arranging ? 'home_arrange_done' : 'home_arrange')}
        </button>
      </div>
      {home.arranging ? (
        <ArrangeHome layout={home.layout} names={homeFigureNames()} onChange={home.save} onReset={home.reset} />
      ) : null}
      <FigureFilters model={model} reps={app.reps.value} pipelines={app.pipelines.value} />
      {children}
    </section>
  );
  if (!range || data === null) return page(null);
  if (data === undefined) return page(<p class="muted">{t('loading')}</p>);

  const repId = model.repId.value;
  const input: FiguresInput = {
    ...data.records,
    filter: { from: range.start, to: range.end, repId, pipelineId: model.pipelineId.value },
  };
  const pipeline = pipelineValueByStage(input);
  const bucket = range.end - range.start <= 45 * DAY ? 'week' : 'month';
  const replies = responseTimeStats(
    data.records.activities,
    { from: range.start, to: range.end, repId, timeZone, bucket },
    data.records.threadFacts,
  );
  const repName = (id: string | null) =>
    id === null ? t('fig_no_rep') : (app.reps.value.find((rep) => rep.id === id)?.name ?? t('fig_no_rep'));
  const bucketLabel = (start: number) =>
    formatDateTime(start, timeZone, bucket === 'week' ? 'day-month' : 'month-year');

  const figures: Record<string, ComponentChildren> = {
    headline: (
      <HeadlineStats
        winRate={winRate(input)}
        cycle={averageSalesCycleDays(input)}
        won={closedDeals(input, 'won')}
        pipeline={pipeline}
        replies={replies.overall}
      />
    ),
    pipeline: (
      <PipelineValueFigure
        value={pipeline}
        pipelines={app.pipelines.value}
        defaultCurrency={app.settings.value?.defaultCurrency ?? 'USD'}
      />
    ),
    forecast: <ForecastFigure forecast={weightedForecast(input)} />,
    wonLost: <WonLostFigure buckets={dealsClosedPerPeriod(input, bucket)} label={bucketLabel} />,
    sources: <SourcesFigure counts={newLeadsBySource(input)} sources={app.sources.value} />,
    activities: <ActivitiesFigure activities={activitiesPerRepAndType(input)} repName={repName} />,
    responses: <ResponseFigure replies={replies} label={bucketLabel} />,
    responseByRep: <ResponseByRep byRep={replies.byRep} repName={repName} />,
    waiting: (
      <WaitingThreads
        waiting={data.waiting.filter((thread) => repId === null || thread.repId === repId)}
        names={data.names}
        timeZone={timeZone}
      />
    ),
    overdue: <OverdueTasks overdue={overdueTasks(input)} />,
    planTargets: <PlanTargetsFigure app={app} />,
  };

  return page(<HomeGrid layout={home.layout} figures={figures} />, true);
}
