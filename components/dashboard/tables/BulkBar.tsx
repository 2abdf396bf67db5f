import { useState } from 'preact/hooks';
import type { TableEntity } from '@/lib/db/views';
import type { LifecycleStage, Pipeline, Rep } from '@/lib/model';
import { stageName } from '../../format';
import { t } from '../../i18n';
import { LifecycleOptions } from '../../LifecycleOptions';

export type BulkChange =
  | { kind: 'owner'; ownerId: string | null }
  | { kind: 'lifecycle'; lifecycle: LifecycleStage }
  | { kind: 'stage'; pipelineId: string; stageId: string };

/** Edits every selected row at once, or deletes them (the toast offers undo). */
export function BulkBar({
  entity,
  count,
  reps,
  pipelines,
  onApply,
  onDelete,
  onClear,
}: {
  entity: TableEntity;
  count: number;
  reps: Rep[];
  pipelines: Pipeline[];
  onApply(change: BulkChange): void;
  onDelete(): void;
  onClear(): void;
}) {
  const [field, setField] = useState<'owner' | 'lifecycle' | 'stage'>('owner');
  const [value, setValue] = useState('');
  if (count === 0) return null;
  const apply = (e: Event) => {
    e.preventDefault();
    if (field === 'owner') onApply({ kind: 'owner', ownerId: value || null });
    else if (field === 'lifecycle' && value) onApply({ kind: 'lifecycle', lifecycle: value as LifecycleStage });
    else if (field === 'stage' && value) {
      const [pipelineId = '', stageId = ''] = value.split('|');
      onApply({ kind: 'stage', pipelineId, stageId });
    }
  };
  return (
    <form class="bulk row" onSubmit={apply} aria-label={t('dash_bulk_label')}>
      <strong>{t('dash_selected', { count })}</strong>
      <label>
        {t('dash_bulk_field')}
        <select
          value={field}
          onChange={(e) => {
            setField(e.currentTarget.value as typeof field);
            setValue('');
          }}
        >
          <option value="owner">{t('dash_owner')}</option>
          {entity === 'contacts' ? <option value="lifecycle">{t('contact_lifecycle')}</option> : null}
          {entity === 'deals' ? <option value="stage">{t('deal_stage')}</option> : null}
        </select>
      </label>
      <label>
        {t('dash_bulk_value')}
        <select value={value} onChange={(e) => setValue(e.currentTarget.value)}>
          {field === 'owner' ? (
            <>
              <option value="">{t('dash_no_owner')}</option>
              {reps.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </>
          ) : field === 'lifecycle' ? (
            <>
              <option value="">—</option>
              <LifecycleOptions />
            </>
          ) : (
            <>
              <option value="">—</option>
              {pipelines.map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.stages.map((s) => (
                    <option key={s.id} value={`${p.id}|${s.id}`}>
                      {stageName(s)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </>
          )}
        </select>
      </label>
      <button type="submit" class="primary">
        {t('dash_apply')}
      </button>
      <button type="button" class="danger" onClick={onDelete}>
        {t('dash_delete_selected')}
      </button>
      <button type="button" onClick={onClear}>
        {t('dash_clear_selection')}
      </button>
    </form>
  );
}
