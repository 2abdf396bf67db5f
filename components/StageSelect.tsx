import type { Pipeline } from '@/lib/model';
import { stageName } from './format';
import { formatCount, t } from './i18n';

/** Moves a deal to any stage of its pipeline in one action. */
export function StageSelect({
  pipeline,
  stageId,
  onChange,
  label,
}: {
  pipeline: Pipeline;
  stageId: string;
  onChange(stageId: string): void;
  label?: string;
}) {
  return (
    <select
      aria-label={label ?? t('deal_stage')}
      value={stageId}
      onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
    >
      {pipeline.stages.map((stage) => (
        <option key={stage.id} value={stage.id}>
          {stageName(stage)} ({formatCount(stage.probability, { style: 'percent', maximumFractionDigits: 0 })})
        </option>
      ))}
    </select>
  );
}
