import type { Pipeline } from '@/lib/model';
import { t } from './i18n';

/** Picks a pipeline by its name. With `allowAll`, as a filter, the empty choice means every pipeline. */
export function PipelineSelect({
  pipelines,
  value,
  allowAll = false,
  onChange,
}: {
  pipelines: Pipeline[];
  value: string;
  allowAll?: boolean;
  onChange(pipelineId: string): void;
}) {
  return (
    <label>
      {t('deal_pipeline')}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {allowAll ? <option value="">{t('dash_all')}</option> : null}
        {pipelines.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
