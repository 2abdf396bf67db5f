import type { ClosedValue, PipelineValue, SalesCycle, WinRate } from '@/lib/reports/deal-figures';
import type { ResponseStats } from '@/lib/reports/response-times';
import { money } from '../../../format';
import { locale, t } from '../../../i18n';
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
  const nf = new Intl.NumberFormat(locale());
  const decimal = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  return (
    <dl class="stats headline">
      <Stat
        term={t('fig_win_rate')}
        value={rate(winRate.rate)}
        detail={
          winRate.rate === null
            ? t('fig_none_closed')
            : t('fig_win_rate_detail', { won: nf.format(winRate.won), lost: nf.format(winRate.lost) })
        }
      />
      <Stat
        term={t('fig_sales_cycle')}
        value={days(cycle.meanDays)}
        detail={
          cycle.medianDays === null
            ? t('fig_none_won')
            : t('fig_cycle_detail', { median: decimal.format(cycle.medianDays), count: nf.format(cycle.count) })
        }
      />
      <Stat term={t('fig_won_value')} value={money(won.value.converted)} detail={perCurrency(won.value)} />
      <Stat
        term={t('fig_pipeline_value')}
        value={money(pipeline.total.converted)}
        detail={t('fig_open_total', { count: nf.format(pipeline.count), value: perCurrency(pipeline.total) })}
      />
      <Stat
        term={t('fig_response')}
        value={duration(replies.medianMs)}
        detail={`${t('fig_p90')}: ${duration(replies.p90Ms)}`}
      />
    </dl>
  );
}
