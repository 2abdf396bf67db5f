import type { ComponentChildren } from 'preact';
import { repsShown } from '@/lib/dashboard/team-view';
import { loadReportRecords } from '@/lib/reports/data';
import { forecastByRepAndMonth } from '@/lib/reports/forecast-by-rep';
import { teamSummary } from '@/lib/reports/team-figures';
import { periodBounds } from '@/lib/time/periods';
import { t } from '../../i18n';
import { ForecastByRepFigure } from '../reports/figures/ForecastByRepFigure';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { RepPipelineFigure } from './RepPipelineFigure';
import { TeamOverdue } from './TeamOverdue';
import { membershipOf, meOf, useTeamStatus } from './team-status';
import '../../styles/reports.css';

/**
 * The team's pipeline, forecast and overdue follow-ups, a line per rep: a manager sees every rep of the team (and
 * what no one owns), a rep their own, and a browser alone its own rep.
 */
export function TeamView({ app }: ViewProps) {
  const status = useTeamStatus(app);
  const timeZone = app.timeZone.value;
  const records = useRead(
    app,
    (db) => {
      const now = Date.now();
      const month = periodBounds('month', now, timeZone);
      return loadReportRecords(db, { from: month.start, to: month.end, now });
    },
    [timeZone],
  );
  const settings = app.settings.value;
  const membership = membershipOf(status);
  const manager = membership?.role === 'manager';
  const page = (children: ComponentChildren) => (
    <section aria-labelledby="team-view-title" class="figures">
      <h2 id="team-view-title">{t('dash_nav_team')}</h2>
      <p class="muted">{t(manager ? 'team_view_hint_manager' : 'team_view_hint_own')}</p>
      {children}
    </section>
  );
  if (status === undefined || records === undefined || !settings) return page(<p class="muted">{t('loading')}</p>);

  const reps = repsShown(app.reps.value, meOf(app), membership);
  if (reps.length === 0 && membership && !manager) return page(<p class="notice">{t('team_view_who')}</p>);
  // A manager answers for every deal, the ones no rep owns among them, and so does a browser alone (its records are
  // all one person's); a rep in a team sees only their own.
  const repIds = [...reps.map((rep) => rep.id), ...(manager || !membership ? [null] : [])];
  const input = { ...records, filter: { from: 0, to: records.now } };
  const summary = teamSummary(input, repIds);
  const repName = (id: string | null) =>
    id === null ? t('dash_no_owner') : (app.reps.value.find((rep) => rep.id === id)?.name ?? t('fig_no_rep'));
  return page(
    <>
      <RepPipelineFigure summary={summary} repName={repName} />
      <ForecastByRepFigure
        forecast={forecastByRepAndMonth(input, repIds)}
        currencies={settings.enabledCurrencies}
        defaultCurrency={settings.defaultCurrency}
        repName={repName}
      />
      <TeamOverdue summary={summary} repName={repName} />
    </>,
  );
}
