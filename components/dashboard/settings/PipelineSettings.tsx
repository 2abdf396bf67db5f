import { useState } from 'preact/hooks';
import { newRecordBase, type Settings } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { ConfirmButton } from '../ConfirmButton';
import { AddForm } from './AddForm';
import { PipelineEditor } from './PipelineEditor';

/** Several pipelines, each with its stages; a pipeline may belong to one rep. */
export function PipelineSettings({ app, settings }: { app: Dashboard; settings: Settings }) {
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const pipelines = app.pipelines.value;
  return (
    <section class="settings-section" aria-labelledby="pipelines-title">
      <h3 id="pipelines-title">{t('dash_settings_pipelines')}</h3>
      {pipelines.map((p) => (
        <div key={p.id}>
          <PipelineEditor
            pipeline={p}
            reps={app.reps.value}
            isDefault={settings.defaultPipelineId === p.id}
            onSave={(next) => call('pipeline.save', next)}
            onMoveDeals={(fromStageId, toStageId) =>
              call('pipeline.moveStageDeals', { pipelineId: p.id, fromStageId, toStageId })
            }
            onDelete={() => setConfirming(p.id)}
            onMakeDefault={() => void app.attempt(() => call('settings.update', { defaultPipelineId: p.id }))}
          />
          {confirming === p.id ? (
            <ConfirmButton
              question={t('dash_delete_pipeline_confirm', { name: p.name })}
              confirmLabel={t('dash_delete_pipeline')}
              onConfirm={() => {
                setConfirming(null);
                void app.attempt(() => call('pipeline.delete', { id: p.id }));
              }}
              onCancel={() => setConfirming(null)}
            />
          ) : null}
        </div>
      ))}
      <AddForm
        app={app}
        submitLabel={t('dash_add_pipeline')}
        add={() =>
          call('pipeline.save', {
            ...newRecordBase(Date.now()),
            name: name.trim(),
            stages: [{ id: crypto.randomUUID(), name: t('dash_first_stage'), probability: 0.1 }],
            ownerId: null,
            order: pipelines.length,
          })
        }
        onAdded={() => setName('')}
      >
        <label>
          {t('dash_new_pipeline')}
          <input required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
      </AddForm>
    </section>
  );
}
