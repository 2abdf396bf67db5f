import { useEffect, useState } from 'preact/hooks';
import { addStage, parsePercent, removeStage, shiftStage, updateStage } from '@/lib/dashboard/pipeline-edit';
import type { Pipeline, Rep } from '@/lib/model';
import { RpcFailure } from '@/lib/worker/client';
import { ErrorText } from '../../ErrorText';
import { FormFooter } from '../../FormFooter';
import { errorText, stageName } from '../../format';
import { t } from '../../i18n';
import { RepSelect } from '../RepSelect';

/** A stage the store refused to remove, with how many deals stand in it. */
interface Blocked {
  stageId: string;
  count: number;
}

/**
 * One pipeline as a draft: rename it, give it to a rep, add, rename, reorder and remove stages, set each stage's win
 * probability; Save sends it whole. When the store refuses to remove a stage that still has deals, the form says so
 * and offers to move those deals to another stage first.
 */
export function PipelineEditor({
  pipeline,
  reps,
  isDefault,
  onSave,
  onMoveDeals,
  onDelete,
  onMakeDefault,
}: {
  pipeline: Pipeline;
  reps: Rep[];
  isDefault: boolean;
  onSave(pipeline: Pipeline): Promise<unknown>;
  onMoveDeals(fromStageId: string, toStageId: string): Promise<unknown>;
  onDelete(): void;
  onMakeDefault(): void;
}) {
  const [draft, setDraft] = useState(pipeline);
  const [percents, setPercents] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const [newStage, setNewStage] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setDraft(pipeline);
    setPercents({});
  }, [pipeline]);

  const save = async (next: Pipeline) => {
    setError(null);
    setSaved(false);
    for (const stage of next.stages) {
      const text = percents[stage.id];
      if (text === undefined) continue;
      const p = parsePercent(text);
      if (p === null) return setError(t('dash_probability_invalid', { stage: stage.name }));
      next = updateStage(next, stage.id, { probability: p });
    }
    try {
      await onSave(next);
      setBlocked(null);
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
      const details = e instanceof RpcFailure ? e.error.details : undefined;
      if (e instanceof RpcFailure && e.error.code === 'conflict' && details?.stageId) {
        setBlocked({ stageId: details.stageId, count: Number(details.count ?? 0) });
        setMoveTo(draft.stages[0]?.id ?? '');
      }
    }
  };
  const blockedStage = blocked ? pipeline.stages.find((s) => s.id === blocked.stageId) : undefined;

  return (
    <form
      class="pipeline-editor card-form stack"
      aria-label={pipeline.name}
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <div class="row">
        <label class="grow">
          {t('dash_pipeline_name')}
          <input
            required
            maxLength={80}
            value={draft.name}
            onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
        </label>
        <RepSelect
          label={t('dash_pipeline_owner')}
          reps={reps}
          value={draft.ownerId}
          onChange={(ownerId) => setDraft({ ...draft, ownerId })}
        />
        <label class="check">
          <input type="radio" name="default-pipeline" checked={isDefault} onChange={onMakeDefault} />
          {t('dash_default_pipeline')}
        </label>
      </div>
      <table class="stages">
        <thead>
          <tr>
            <th scope="col">{t('deal_stage')}</th>
            <th scope="col">{t('dash_probability')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('dash_actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.stages.map((stage, i) => (
            <tr key={stage.id}>
              <td>
                <input
                  aria-label={t('dash_stage_name_n', { n: i + 1 })}
                  required
                  maxLength={80}
                  value={stage.name}
                  onInput={(e) => setDraft(updateStage(draft, stage.id, { name: e.currentTarget.value }))}
                />
              </td>
              <td>
                <input
                  aria-label={t('dash_stage_probability', { stage: stage.name })}
                  inputMode="decimal"
                  size={5}
                  value={percents[stage.id] ?? String(Math.round(stage.probability * 100))}
                  onInput={(e) => setPercents({ ...percents, [stage.id]: e.currentTarget.value })}
                />
                %
              </td>
              <td class="row">
                <button
                  type="button"
                  disabled={i === 0}
                  aria-label={t('dash_stage_up', { stage: stage.name })}
                  onClick={() => setDraft(shiftStage(draft, stage.id, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === draft.stages.length - 1}
                  aria-label={t('dash_stage_down', { stage: stage.name })}
                  onClick={() => setDraft(shiftStage(draft, stage.id, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  disabled={draft.stages.length === 1}
                  aria-label={t('dash_stage_remove', { stage: stage.name })}
                  onClick={() => setDraft(removeStage(draft, stage.id))}
                >
                  {t('dash_remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row">
        <label>
          {t('dash_new_stage')}
          <input value={newStage} maxLength={80} onInput={(e) => setNewStage(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          disabled={!newStage.trim()}
          onClick={() => {
            setDraft(addStage(draft, newStage.trim()));
            setNewStage('');
          }}
        >
          {t('dash_add_stage')}
        </button>
      </div>
      <ErrorText message={error} />
      {blocked && blockedStage ? (
        <fieldset class="notice stack">
          <legend>{t('dash_move_deals_title')}</legend>
          <p>{t('dash_stage_has_deals', { count: blocked.count, stage: stageName(blockedStage) })}</p>
          <div class="row">
            <label>
              {t('dash_move_deals_to')}
              <select value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)}>
                {draft.stages
                  .filter((s) => s.id !== blocked.stageId)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="button"
              class="primary"
              onClick={async () => {
                const target = moveTo || draft.stages.find((s) => s.id !== blocked.stageId)?.id;
                if (!target) return;
                try {
                  await onMoveDeals(blocked.stageId, target);
                  await save(draft);
                } catch (e) {
                  setError(errorText(e));
                }
              }}
            >
              {t('dash_move_and_save')}
            </button>
          </div>
        </fieldset>
      ) : null}
      <FormFooter submitLabel={t('dash_save_pipeline')} saved={saved}>
        <button type="button" class="danger" onClick={onDelete}>
          {t('dash_delete_pipeline')}
        </button>
      </FormFooter>
    </form>
  );
}
