import { useState } from 'preact/hooks';
import { hashFor } from '@/lib/dashboard/links';
import { factSamples, responseSamples } from '@/lib/reports/response-times';
import { serviceFigures } from '@/lib/service/figures';
import { loadServiceRecords } from '@/lib/service/store';
import { periodBounds } from '@/lib/time/periods';
import { fromWallClock, toWallClock } from '@/lib/time/zoned';
import { formatDateTime, t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import { NamedSelect } from '../NamedSelect';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { OverTargetList } from './OverTargetList';
import { ServiceFigureCards } from './ServiceFigureCards';
import '../../styles/reports.css';

const DAY = 86_400_000;

/** 'YYYY-MM' of the month holding `at` in the rep's zone, as an `<input type="month">` holds it. */
function monthValue(at: number, timeZone: string): string {
  const wall = toWallClock(at, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}`;
}

function monthRange(value: string, timeZone: string) {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  // The 15th at noon is inside the month whatever DST does to its edges.
  const middle = fromWallClock({ year: +match[1]!, month: +match[2]!, day: 15, hour: 12, minute: 0 }, timeZone);
  return periodBounds('month', middle, timeZone);
}

/**
 * The response policy's results for a month: threads received, first answers in working hours against the targets,
 * the threads over target now, who holds what, and what customers scored; per kind, owner and week.
 */
export function ServiceView({ app }: ViewProps) {
  const timeZone = app.timeZone.value;
  const [month, setMonth] = useState(() => monthValue(Date.now(), timeZone));
  const [repId, setRepId] = useState<string | null>(null);
  const [kindId, setKindId] = useState<string | null>(null);
  const range = monthRange(month, timeZone);
  const data = useRead(
    app,
    async (db) =>
      range ? { records: await loadServiceRecords(db, { from: range.start, to: range.end }), now: Date.now() } : null,
    [range?.start, range?.end],
  );
  const settings = app.settings.value;
  const kinds = data?.records.kinds ?? [];
  const repName = (id: string | null) =>
    id === null ? t('service_no_owner') : (app.reps.value.find((rep) => rep.id === id)?.name ?? t('fig_no_rep'));
  const kindName = (id: string | null) => kindLabel(kinds.find((kind) => kind.id === id));

  let body = <p class="muted">{t('loading')}</p>;
  if (data && settings && range) {
    const figures = serviceFigures(
      {
        ...data.records,
        answers: [
          ...responseSamples(data.records.threadMail),
          ...factSamples(data.records.threadFacts, data.records.threadMail),
        ],
        settings,
        now: data.now,
      },
      { from: range.start, to: range.end, repId, kindId },
      range.end - range.start <= 45 * DAY ? 'week' : 'month',
    );
    body = (
      <>
        <ServiceFigureCards
          figures={figures}
          kindName={kindName}
          repName={repName}
          periodName={(start) => formatDateTime(start, timeZone, 'day-month')}
        />
        <OverTargetList threads={figures.overTarget} kindName={kindName} repName={repName} now={data.now} />
      </>
    );
  }

  return (
    <section aria-labelledby="service-page-title" class="figures">
      <div class="row spread">
        <h2 id="service-page-title">{t('service_page_title')}</h2>
        <a href={hashFor('service-kinds')}>{t('service_kinds_title')}</a>
      </div>
      <form class="filters row report-filters" aria-label={t('fig_filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('fig_period')}
          <input type="month" value={month} onInput={(e) => setMonth(e.currentTarget.value)} />
        </label>
        <NamedSelect
          label={t('fig_rep')}
          all={t('dash_all_reps')}
          options={app.reps.value}
          value={repId}
          onChange={setRepId}
        />
        <NamedSelect
          label={t('service_kind_filter')}
          all={t('service_all_kinds')}
          options={kinds
            .filter((kind) => kind.deletedAt === null)
            .map((kind) => ({ id: kind.id, name: kindLabel(kind) }))}
          value={kindId}
          onChange={setKindId}
        />
      </form>
      <p class="muted small">{t('service_hours_note')}</p>
      {body}
    </section>
  );
}
