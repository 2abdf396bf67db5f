import type { Pipeline } from '@/lib/model';
import type { PipelineValue, StageValue } from '@/lib/reports/deal-figures';
import { money } from '../../../format';
import { locale, t } from '../../../i18n';
import { FigureCard } from '../FigureCard';
import { moneyTotal, perCurrency } from '../report-format';

/** What is open now, per stage, in the default currency and per currency. */
export function PipelineValueFigure({
  value,
  pipelines,
  defaultCurrency,
}: {
  value: PipelineValue;
  pipelines: readonly Pipeline[];
  defaultCurrency: string;
}) {
  const nf = new Intl.NumberFormat(locale());
  // Stage names repeat across pipelines (every pipeline may have a "Demo"): name the pipeline when there are several.
  const multiPipeline = new Set(value.stages.map((stage) => stage.pipelineId)).size > 1;
  const stageLabel = (stage: StageValue) => {
    const name = stage.stageName ?? t('fig_stage_gone');
    if (!multiPipeline) return name;
    return `${pipelines.find((p) => p.id === stage.pipelineId)?.name ?? ''} › ${name}`;
  };
  return (
    <FigureCard
      title={t('fig_pipeline_value')}
      hint={t('fig_pipeline_value_hint')}
      columns={[
        t('fig_stage'),
        t('fig_deals'),
        t('fig_by_currency'),
        t('fig_converted', { currency: defaultCurrency }),
      ]}
      rows={value.stages.map((stage) => ({
        key: stage.stageId,
        head: stageLabel(stage),
        cells: [nf.format(stage.count), perCurrency(stage.value), moneyTotal(stage.value)],
        plot: {
          values: [stage.value.converted.amount],
          text: `${money(stage.value.converted)} (${nf.format(stage.count)})`,
        },
      }))}
      total={[nf.format(value.count), perCurrency(value.total), moneyTotal(value.total)]}
    />
  );
}
