import { useModel } from '@preact/signals';
import { analyseWinLoss } from '@/lib/winloss/analysis';
import { loadWinLoss } from '@/lib/winloss/data';
import { money } from '../../format';
import { formatCount, t } from '../../i18n';
import { FigureFilters } from '../reports/FigureFilters';
import { FiguresModel } from '../reports/figures-model';
import { days, perCurrency, rate } from '../reports/report-format';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { CompetitorsFigure } from './CompetitorsFigure';
import { DaysToCloseFigure } from './DaysToCloseFigure';
import { LostAtStageFigure } from './LostAtStageFigure';
import { ReasonsFigure } from './ReasonsFigure';
import '../../styles/reports.css';

/** #/winloss: why deals were won and lost in a period, for a rep and a pipeline. */
export function WinLossView({ app }: ViewProps) {
  const model = useModel(() => new FiguresModel(app.timeZone.value));
  const range = model.range.value;
  const repId = model.repId.value;
  const pipelineId = model.pipelineId.value;
  const analysis = useRead(
    app,
    async (db) =>
      range ? analyseWinLoss(await loadWinLoss(db, { from: range.start, to: range.end, repId, pipelineId })) : null,
    [range?.start, range?.end, repId, pipelineId],
  );

  return (
    <section aria-labelledby="winloss-title" class="figures">
      <h2 id="winloss-title">{t('winloss_title')}</h2>
      <FigureFilters model={model} reps={app.reps.value} pipelines={app.pipelines.value} />
      {analysis === undefined ? <p class="muted">{t('loading')}</p> : null}
      {analysis ? (
        <>
          <dl class="stats headline">
            <div>
              <dt>{t('fig_win_rate')}</dt>
              <dd>{rate(analysis.winRate)}</dd>
              <dd class="muted small">
                {t('fig_win_rate_detail', {
                  won: formatCount(analysis.won.count),
                  lost: formatCount(analysis.lost.count),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('fig_won_value')}</dt>
              <dd>{money(analysis.won.value.converted)}</dd>
              <dd class="muted small">{perCurrency(analysis.won.value)}</dd>
            </div>
            <div>
              <dt>{t('winloss_lost_value')}</dt>
              <dd>{money(analysis.lost.value.converted)}</dd>
              <dd class="muted small">{perCurrency(analysis.lost.value)}</dd>
            </div>
            <div>
              <dt>{t('winloss_days_to_close')}</dt>
              <dd>{days(analysis.daysToClose.won)}</dd>
              <dd class="muted small">{t('winloss_days_lost_detail', { days: days(analysis.daysToClose.lost) })}</dd>
            </div>
          </dl>
          <div class="figure-grid">
            <ReasonsFigure rows={analysis.byReason} />
            <CompetitorsFigure rows={analysis.byCompetitor} />
            <DaysToCloseFigure analysis={analysis} />
            <LostAtStageFigure rows={analysis.lostAtStage} />
          </div>
        </>
      ) : null}
    </section>
  );
}
