import type { ClosedValue, PipelineValue, SalesCycle, WinRate } from '@/lib/reports/deal-figures';
import type { ResponseStats } from '@/lib/reports/response-times';
import { money } from '../../../format';
import { formatCount, t } from '../../../i18n';
import { days, duration, perCurrency, rate } from '../report-format';

/** One headline number, and a line of what it is made of. */
function Stat({ term, value, detail }: { term: string; value: string; detail: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
      <dd class="muted small">{detail}</dd>
    </div>
  );
}

/** The numbers read first: win rate, sales cycle, value won, value in the pipeline, reply time. */
export function HeadlineStats({
  winRate,
  cycle,
  won,
  pipeline,
  replies,
}: {
  winRate: WinRate;
  cycle: SalesCycle;
  won: ClosedValue;
  pipeline: PipelineValue;
  replies: ResponseStats;
}) {
  return (
    <dl class="stats headline">
      <Stat
        term={t('fig_win_rate')}
        value={rate(winRate.rate)}
        detail={
          winRate.rate === null
            ? t('fig_none_closed')
            : t('fig_win_rate_detail', { won: formatCount(winRate.won), lost: formatCount(winRate.lost) })
        }
      />
      <Stat
        term={t('fig_sales_cycle')}
        value={days(cycle.meanDays)}
        detail={
          cycle.medianDays === null
            ? t('fig_none_won')
            : t('fig_cycle_detail', { median: days(cycle.medianDays), count: cycle.count })
        }
      />
      <Stat term={t('fig_won_value')} value={money(won.value.converted)} detail={perCurrency(won.value)} />
      <Stat
        term={t('fig_pipeline_value')}
        value={money(pipeline.total.converted)}
        detail={t('fig_open_total', { count: pipeline.count, value: perCurrency(pipeline.total) })}
      />
      <Stat
        term={t('fig_response')}
        value={duration(replies.medianMs)}
        detail={`${t('fig_p90')}: ${duration(replies.p90Ms)}`}
      />
    </dl>
  );
}
