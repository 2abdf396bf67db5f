import type { Pipeline } from '@/lib/model';
import type { PipelineValue, StageValue } from '@/lib/reports/deal-figures';
import { money, stageName } from '../../../format';
import { formatCount, t } from '../../../i18n';
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
  // Stage names repeat across pipelines (every pipeline may have a "Demo"): name the pipeline when there are several.
  const multiPipeline = new Set(value.stages.map((stage) => stage.pipelineId)).size > 1;
  const stageLabel = (stage: StageValue) => {
    const name = stage.stageName === null ? t('fig_stage_gone') : stageName({ name: stage.stageName });
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
        cells: [formatCount(stage.count), perCurrency(stage.value), moneyTotal(stage.value)],
        plot: {
          values: [stage.value.converted.amount],
          text: `${money(stage.value.converted)} (${formatCount(stage.count)})`,
        },
      }))}
      total={[formatCount(value.count), perCurrency(value.total), moneyTotal(value.total)]}
    />
  );
}
