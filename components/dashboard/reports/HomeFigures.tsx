import { useModel } from '@preact/signals';
import { gmailThreadUrl, hashFor } from '@/lib/dashboard/links';
import type { ActivityType, Money } from '@/lib/model';
import { ACTIVITY_TYPES } from '@/lib/model';
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
import type { FiguresInput, MoneyBreakdown } from '@/lib/reports/figures';
import { durationText } from '@/lib/reports/report';
import { responseTimeStats, waitingThreads } from '@/lib/reports/response-times';
import { money, sourceLabel } from '../../format';
import { formatDateTime, locale, t } from '../../i18n';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { BarChart, ColumnChart } from './charts';
import { FigureCard } from './FigureCard';
import { FiguresModel, PERIOD_CHOICES, type PeriodChoice } from './figures-model';
import '../../styles/reports.css';

const CHOICE_LABEL = {
  'this-month': 'fig_period_this_month',
  'last-month': 'fig_period_last_month',
  'this-quarter': 'fig_period_this_quarter',
  custom: 'fig_period_custom',
} as const;

const DAY = 86_400_000;
/** Waiting threads shown; the count above says how many there are in all. */
const WAITING_SHOWN = 50;

/** The converted total, then what could not be converted, so nothing is silently dropped. */
export function moneyTotal(breakdown: MoneyBreakdown): string {
  const main = money(breakdown.converted);
  if (breakdown.missingRate.length === 0) return main;
  return `${main} ${t('reportNoRate', { amounts: breakdown.missingRate.map(money).join(', ') })}`;
}

const perCurrency = (breakdown: MoneyBreakdown): string =>
  breakdown.byCurrency.length === 0 ? '—' : breakdown.byCurrency.map((m: Money) => money(m)).join(' · ');

const duration = (ms: number | null): string => (ms === null ? '—' : durationText(ms, t, locale()));

/** The dashboard home: where the pipeline stands, what it will bring, and how fast the team answers. */
export function HomeFigures({ app }: ViewProps) {
  const model = useModel(() => new FiguresModel(app.timeZone.value));
  const range = model.range.value;
  const timeZone = app.timeZone.value;
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

  const nf = new Intl.NumberFormat(locale());
  const percent = new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  const monthName = new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dayName = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone });
  const repName = (id: string | null) =>
    id === null ? t('fig_no_rep') : (app.reps.value.find((rep) => rep.id === id)?.name ?? t('fig_no_rep'));

  const filters = (
    <form class="filters row report-filters" aria-label={t('fig_filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('fig_period')}
        <select
          value={model.choice.value}
          onChange={(e) => {
            model.choice.value = e.currentTarget.value as PeriodChoice;
          }}
        >
          {PERIOD_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(CHOICE_LABEL[choice])}
            </option>
          ))}
        </select>
      </label>
      {model.choice.value === 'custom' ? (
        <>
          <label>
            {t('fig_from')}
            <input
              type="date"
              value={model.customFrom.value}
              onInput={(e) => {
                model.customFrom.value = e.currentTarget.value;
              }}
            />
          </label>
          <label>
            {t('fig_to')}
            <input
              type="date"
              value={model.customTo.value}
              onInput={(e) => {
                model.customTo.value = e.currentTarget.value;
              }}
            />
          </label>
        </>
      ) : null}
      <label>
        {t('fig_rep')}
        <select
          value={model.repId.value ?? ''}
          onChange={(e) => {
            model.repId.value = e.currentTarget.value || null;
          }}
        >
          <option value="">{t('dash_all_reps')}</option>
          {app.reps.value.map((rep) => (
            <option key={rep.id} value={rep.id}>
              {rep.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fig_pipeline')}
        <select
          value={model.pipelineId.value ?? ''}
          onChange={(e) => {
            model.pipelineId.value = e.currentTarget.value || null;
          }}
        >
          <option value="">{t('fig_all_pipelines')}</option>
          {app.pipelines.value.map((pipeline) => (
            <option key={pipeline.id} value={pipeline.id}>
              {pipeline.name}
            </option>
          ))}
        </select>
      </label>
    </form>
  );

  if (!range || data === null) {
    return (
      <section aria-labelledby="home-title">
        <h2 id="home-title">{t('fig_title')}</h2>
        {filters}
      </section>
    );
  }
  if (data === undefined) {
    return (
      <section aria-labelledby="home-title">
        <h2 id="home-title">{t('fig_title')}</h2>
        {filters}
        <p class="muted">{t('loading')}</p>
      </section>
    );
  }

  const repId = model.repId.value;
  const input: FiguresInput = {
    ...data.records,
    filter: { from: range.start, to: range.end, repId, pipelineId: model.pipelineId.value },
  };
  const pipeline = pipelineValueByStage(input);
  const forecast = weightedForecast(input);
  const rate = winRate(input);
  const cycle = averageSalesCycleDays(input);
  const won = closedDeals(input, 'won');
  const bucket = range.end - range.start <= 45 * DAY ? 'week' : 'month';
  const closedPerPeriod = dealsClosedPerPeriod(input, bucket);
  const activities = activitiesPerRepAndType(input);
  const overdue = overdueTasks(input);
  const sources = newLeadsBySource(input);
  const replies = responseTimeStats(data.records.activities, {
    from: range.start,
    to: range.end,
    repId,
    timeZone,
    bucket,
  });
  const waiting = data.waiting.filter((thread) => repId === null || thread.repId === repId);
  const multiPipeline = new Set(pipeline.stages.map((stage) => stage.pipelineId)).size > 1;
  const pipelineName = (id: string) => app.pipelines.value.find((p) => p.id === id)?.name ?? '';
  const stageLabel = (stage: (typeof pipeline.stages)[number]) => {
    const name = stage.stageName ?? t('fig_stage_gone');
    return multiPipeline ? `${pipelineName(stage.pipelineId)} › ${name}` : name;
  };
  const sourceName = (id: string | null) => {
    const source = app.sources.value.find((s) => s.id === id);
    return source ? sourceLabel(source) : t('fig_no_source');
  };
  const bucketLabel = (start: number) => (bucket === 'week' ? dayName.format(start) : monthLabel(start));
  // Month keys are wall-clock 'YYYY-MM'; formatting the first of that month in UTC names it without a zone shift.
  const monthFromKey = (key: string | null) => {
    if (key === null) return t('fig_no_date');
    const [year, month] = key.split('-').map(Number);
    return monthName.format(Date.UTC(year!, month! - 1, 1));
  };
  const monthLabel = (start: number) =>
    new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone }).format(start);
  const defaultCurrency = app.settings.value?.defaultCurrency ?? 'USD';

  return (
    <section aria-labelledby="home-title" class="figures">
      <h2 id="home-title">{t('fig_title')}</h2>
      {filters}

      <dl class="stats headline">
        <div>
          <dt>{t('fig_win_rate')}</dt>
          <dd>{rate.rate === null ? '—' : percent.format(rate.rate)}</dd>
          <dd class="muted small">
            {rate.rate === null
              ? t('fig_none_closed')
              : t('fig_win_rate_detail', { won: nf.format(rate.won), lost: nf.format(rate.lost) })}
          </dd>
        </div>
        <div>
          <dt>{t('fig_sales_cycle')}</dt>
          <dd>{cycle.meanDays === null ? '—' : t('fig_days', { days: decimal.format(cycle.meanDays) })}</dd>
          <dd class="muted small">
            {cycle.medianDays === null
              ? t('fig_none_won')
              : t('fig_cycle_detail', { median: decimal.format(cycle.medianDays), count: nf.format(cycle.count) })}
          </dd>
        </div>
        <div>
          <dt>{t('fig_won_value')}</dt>
          <dd>{money(won.value.converted)}</dd>
          <dd class="muted small">{perCurrency(won.value)}</dd>
        </div>
        <div>
          <dt>{t('fig_pipeline_value')}</dt>
          <dd>{money(pipeline.total.converted)}</dd>
          <dd class="muted small">
            {t('fig_open_total', { count: nf.format(pipeline.count), value: perCurrency(pipeline.total) })}
          </dd>
        </div>
        <div>
          <dt>{t('fig_response')}</dt>
          <dd>{duration(replies.overall.medianMs)}</dd>
          <dd class="muted small">
            {t('fig_p90')}: {duration(replies.overall.p90Ms)}
          </dd>
        </div>
      </dl>

      <div class="figure-grid">
        <FigureCard
          title={t('fig_pipeline_value')}
          hint={t('fig_pipeline_value_hint')}
          chart={
            <BarChart
              bars={pipeline.stages.map((stage) => ({
                key: stage.stageId,
                label: stageLabel(stage),
                value: stage.value.converted.amount,
                text: `${money(stage.value.converted)} (${nf.format(stage.count)})`,
              }))}
            />
          }
          table={
            <table>
              <caption class="visually-hidden">{t('fig_pipeline_value')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fig_stage')}</th>
                  <th scope="col">{t('fig_deals')}</th>
                  <th scope="col">{t('fig_by_currency')}</th>
                  <th scope="col">{t('fig_converted', { currency: defaultCurrency })}</th>
                </tr>
              </thead>
              <tbody>
                {pipeline.stages.map((stage) => (
                  <tr key={stage.stageId}>
                    <th scope="row">{stageLabel(stage)}</th>
                    <td>{nf.format(stage.count)}</td>
                    <td>{perCurrency(stage.value)}</td>
                    <td>{moneyTotal(stage.value)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('fig_total')}</th>
                  <td>{nf.format(pipeline.count)}</td>
                  <td>{perCurrency(pipeline.total)}</td>
                  <td>{moneyTotal(pipeline.total)}</td>
                </tr>
              </tfoot>
            </table>
          }
        />

        <FigureCard
          title={t('fig_forecast')}
          hint={t('fig_forecast_hint')}
          chart={
            forecast.buckets.length === 0 ? (
              <p class="muted">{t('dash_total_none')}</p>
            ) : (
              <ColumnChart
                series={[{ name: t('fig_weighted'), class: 'series-a' }]}
                columns={forecast.buckets.map((b) => ({
                  key: b.month ?? 'none',
                  label: monthFromKey(b.month),
                  values: [b.weighted.converted.amount],
                  text: money(b.weighted.converted),
                }))}
              />
            )
          }
          table={
            <table>
              <caption class="visually-hidden">{t('fig_forecast')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fig_month')}</th>
                  <th scope="col">{t('fig_deals')}</th>
                  <th scope="col">{t('fig_weighted')}</th>
                  <th scope="col">{t('fig_by_currency')}</th>
                  <th scope="col">{t('fig_unweighted')}</th>
                </tr>
              </thead>
              <tbody>
                {forecast.buckets.map((b) => (
                  <tr key={b.month ?? 'none'}>
                    <th scope="row">{monthFromKey(b.month)}</th>
                    <td>{nf.format(b.count)}</td>
                    <td>{moneyTotal(b.weighted)}</td>
                    <td>{perCurrency(b.weighted)}</td>
                    <td>{moneyTotal(b.unweighted)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('fig_total')}</th>
                  <td />
                  <td>{moneyTotal(forecast.weighted)}</td>
                  <td>{perCurrency(forecast.weighted)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          }
        />

        <FigureCard
          title={t('fig_won_lost')}
          chart={
            <ColumnChart
              series={[
                { name: t('fig_won'), class: 'series-won' },
                { name: t('fig_lost'), class: 'series-lost' },
              ]}
              columns={closedPerPeriod.map((b) => ({
                key: b.key,
                label: bucketLabel(b.start),
                values: [b.won, b.lost],
                text: `${nf.format(b.won)} / ${nf.format(b.lost)}`,
              }))}
            />
          }
          table={
            <table>
              <caption class="visually-hidden">{t('fig_won_lost')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fig_period')}</th>
                  <th scope="col">{t('fig_won')}</th>
                  <th scope="col">{t('fig_lost')}</th>
                </tr>
              </thead>
              <tbody>
                {closedPerPeriod.map((b) => (
                  <tr key={b.key}>
                    <th scope="row">{bucketLabel(b.start)}</th>
                    <td>{nf.format(b.won)}</td>
                    <td>{nf.format(b.lost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />

        <FigureCard
          title={t('fig_sources')}
          chart={
            sources.length === 0 ? (
              <p class="muted">{t('fig_nothing')}</p>
            ) : (
              <BarChart
                bars={sources.map((s) => ({
                  key: s.sourceId ?? 'none',
                  label: sourceName(s.sourceId),
                  value: s.contacts,
                  text: nf.format(s.contacts),
                }))}
              />
            )
          }
          table={
            <table>
              <caption class="visually-hidden">{t('fig_sources')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fig_source')}</th>
                  <th scope="col">{t('fig_contacts')}</th>
                  <th scope="col">{t('fig_leads')}</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr key={s.sourceId ?? 'none'}>
                    <th scope="row">{sourceName(s.sourceId)}</th>
                    <td>{nf.format(s.contacts)}</td>
                    <td>{nf.format(s.leads)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />

        <FigureCard
          title={t('fig_activities')}
          wide
          chart={
            activities.length === 0 ? (
              <p class="muted">{t('fig_nothing')}</p>
            ) : (
              <BarChart
                bars={activities.map((rep) => ({
                  key: rep.repId ?? 'none',
                  label: repName(rep.repId),
                  value: rep.total,
                  text: nf.format(rep.total),
                }))}
              />
            )
          }
          table={
            <table>
              <caption class="visually-hidden">{t('fig_activities')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fig_rep')}</th>
                  {ACTIVITY_TYPES.map((type: ActivityType) => (
                    <th scope="col" key={type}>
                      {t(`activity_${type}`)}
                    </th>
                  ))}
                  <th scope="col">{t('fig_total')}</th>
                </tr>
              </thead>
              <tbody>
                {activities.map((rep) => (
                  <tr key={rep.repId ?? 'none'}>
                    <th scope="row">{repName(rep.repId)}</th>
                    {ACTIVITY_TYPES.map((type) => (
                      <td key={type}>{nf.format(rep.byType[type])}</td>
                    ))}
                    <td>{nf.format(rep.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />

        <FigureCard
          title={t('fig_response')}
          hint={t('fig_response_hint')}
          wide
          chart={
            replies.overall.count === 0 ? (
              <p class="muted">{t('fig_response_none')}</p>
            ) : (
              <ColumnChart
                series={[{ name: t('fig_median'), class: 'series-a' }]}
                columns={replies.byPeriod.map((p) => ({
                  key: p.key,
                  label: bucketLabel(p.start),
                  values: [p.medianMs ?? 0],
                  text: duration(p.medianMs),
                }))}
              />
            )
          }
          table={
            <table>
              <caption>{t('fig_response_by_period')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fig_period')}</th>
                  <th scope="col">{t('fig_replies')}</th>
                  <th scope="col">{t('fig_median')}</th>
                  <th scope="col">{t('fig_p90')}</th>
                </tr>
              </thead>
              <tbody>
                {replies.byPeriod.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">{bucketLabel(p.start)}</th>
                    <td>{nf.format(p.count)}</td>
                    <td>{duration(p.medianMs)}</td>
                    <td>{duration(p.p90Ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </div>

      <section class="figure wide" aria-labelledby="by-rep-title">
        <h3 id="by-rep-title">
          {t('fig_response')} · {t('fig_response_by_rep')}
        </h3>
        {replies.byRep.length === 0 ? (
          <p class="muted">{t('fig_response_none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fig_rep')}</th>
                <th scope="col">{t('fig_replies')}</th>
                <th scope="col">{t('fig_median')}</th>
                <th scope="col">{t('fig_p90')}</th>
              </tr>
            </thead>
            <tbody>
              {replies.byRep.map((rep) => (
                <tr key={rep.repId ?? rep.repAddress ?? 'none'}>
                  <th scope="row">{rep.repId ? repName(rep.repId) : (rep.repAddress ?? t('fig_no_rep'))}</th>
                  <td>{nf.format(rep.count)}</td>
                  <td>{duration(rep.medianMs)}</td>
                  <td>{duration(rep.p90Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div class="figure-grid">
        <section class="figure" aria-labelledby="waiting-title">
          <h3 id="waiting-title">
            {t('fig_waiting')} ({nf.format(waiting.length)})
          </h3>
          <p class="muted small">{t('fig_waiting_hint')}</p>
          {waiting.length === 0 ? <p class="muted">{t('fig_waiting_none')}</p> : null}
          <ol class="waiting-list">
            {waiting.slice(0, WAITING_SHOWN).map((thread) => {
              const name = data.names[thread.contactId] ?? t('fig_unknown_contact');
              return (
                <li key={thread.threadId}>
                  <a
                    // An activity does not keep which signed-in account saw its thread, so the first one (/u/0/).
                    href={gmailThreadUrl(0, thread.threadId)}
                    target="_blank"
                    rel="noreferrer"
                    aria-label={t('fig_open_gmail', { name })}
                  >
                    <span class="name">{name}</span>
                  </a>{' '}
                  <span class="muted small">
                    {t('fig_waiting_for', { duration: duration(thread.waitingMs) })} ·{' '}
                    {t('fig_messages', { count: nf.format(thread.messages) })} ·{' '}
                    <time dateTime={new Date(thread.since).toISOString()}>
                      {formatDateTime(thread.since, timeZone)}
                    </time>
                  </span>
                </li>
              );
            })}
          </ol>
          {waiting.length > WAITING_SHOWN ? (
            <p class="muted small">{t('fig_more', { count: nf.format(waiting.length - WAITING_SHOWN) })}</p>
          ) : null}
        </section>

        <section class="figure" aria-labelledby="overdue-title">
          <h3 id="overdue-title">
            {t('fig_overdue')} ({nf.format(overdue.length)})
          </h3>
          {overdue.length === 0 ? <p class="muted">{t('fig_overdue_none')}</p> : null}
          <ul class="plain">
            {overdue.slice(0, 20).map(({ task, overdueMs }) => (
              <li key={task.id}>
                <strong class="name">{task.title}</strong>{' '}
                <span class="muted small">{t('fig_late', { duration: duration(overdueMs) })}</span>
              </li>
            ))}
          </ul>
          {overdue.length > 20 ? (
            <p class="muted small">
              <a href={hashFor('tasks')}>{t('fig_more', { count: nf.format(overdue.length - 20) })}</a>
            </p>
          ) : null}
        </section>
      </div>
    </section>
  );
}
