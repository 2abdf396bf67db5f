import { useModel } from '@preact/signals';
import type { MessageKey } from '@/lib/i18n/translate';
import type { ImportEntity } from '@/lib/import/mapping';
import type { DuplicatePolicy } from '@/lib/import/plan';
import { formatCount, t } from '../../i18n';
import type { ViewProps } from '../view-props';
import { ImportHistory } from './ImportHistory';
import { ImportModel, PREVIEW_ROWS } from './import-model';
import { MappingStep } from './MappingStep';
import { NamedRowList } from './NamedRowList';
import { PreviewTable } from './PreviewTable';
import { ProgressBar } from './ProgressBar';
import './import.css';

const ENTITIES: { value: ImportEntity; label: MessageKey }[] = [
  { value: 'contact', label: 'dash_entity_contact' },
  { value: 'company', label: 'dash_entity_company' },
  { value: 'deal', label: 'dash_entity_deal' },
];
const POLICIES: { value: DuplicatePolicy; label: MessageKey }[] = [
  { value: 'skip', label: 'imp_policy_skip' },
  { value: 'update', label: 'imp_policy_update' },
  { value: 'create', label: 'imp_policy_create' },
];

/** The CSV import wizard: file → what the rows are and where each column goes → dry run → import; and the history. */
export function ImportView({ app }: ViewProps) {
  const wizard = useModel(() => new ImportModel(app));
  const step = wizard.step.value;
  const file = wizard.parsed.value;
  const resume = wizard.resumeOf.value;
  const summary = wizard.summary.value;
  const plan = wizard.plan.value;
  const outcome = wizard.outcome.value;
  const checking = wizard.checking.value;
  const progress = wizard.progress.value;
  const mismatch = wizard.resumeMismatch.value;
  const invalidCount = (summary?.invalid ?? 0) + wizard.rejected.value.length;
  const busy = step === 'running' || checking !== null;

  return (
    <div class="imp">
      <h2>{t('imp_title')}</h2>

      <section>
        {resume && (
          <p class="notice row">
            <span class="grow">{t('imp_resume_hint', { name: resume.fileName })}</span>
            <button type="button" onClick={wizard.stopResume} disabled={busy}>
              {t('cancel')}
            </button>
          </p>
        )}
        <label class="field">
          <span class="field-label">{t('imp_file')}</span>
          <input
            id="imp-file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            disabled={busy}
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0];
              if (chosen) void wizard.chooseFile(chosen);
            }}
          />
        </label>
        <p class="muted small">{t('imp_file_hint')}</p>
        {wizard.reading.value && <p role="status">{t('imp_reading')}</p>}
        {file && (
          <p role="status">
            {t('imp_file_summary', {
              name: wizard.fileName.value,
              rows: t('count_rows', { count: file.rows.length }),
              columns: t('count_columns', { count: file.headers.length }),
              encoding: `${file.encoding}, ${file.delimiter === '\t' ? 'tab' : file.delimiter}`,
            })}
          </p>
        )}
        {wizard.fileError.value && (
          <p class="error" role="alert">
            {wizard.fileError.value}
          </p>
        )}
        {mismatch && (
          <p class="error" role="alert">
            {t('imp_resume_mismatch', { count: mismatch.rows, expected: mismatch.expected })}
          </p>
        )}
        {file && file.problems.length > 0 && (
          <details>
            <summary>
              {t('imp_file_problems')} ({formatCount(file.problems.length)})
            </summary>
            <ul>
              {file.problems.slice(0, 100).map((p) => (
                <li key={`${p.row}${p.message}`}>{t('imp_problem_row', { row: p.row, message: p.message })}</li>
              ))}
            </ul>
          </details>
        )}
      </section>

      {file && file.rows.length > 0 && !mismatch && step !== 'file' && (
        <>
          <fieldset class="plain-fieldset" disabled={busy || resume !== null}>
            <legend>{t('imp_entity')}</legend>
            <div class="row">
              {ENTITIES.map((option) => (
                <label key={option.value}>
                  <input
                    type="radio"
                    name="imp-entity"
                    value={option.value}
                    checked={wizard.entity.value === option.value}
                    onChange={() => wizard.applyEntity(option.value)}
                  />{' '}
                  {t(option.label)}
                </label>
              ))}
            </div>
          </fieldset>

          <MappingStep wizard={wizard} />

          <section aria-labelledby="imp-preview-title">
            <h3 id="imp-preview-title">{t('imp_preview')}</h3>
            <p class="muted">{t('imp_preview_hint', { count: Math.min(PREVIEW_ROWS, file.rows.length) })}</p>
            <PreviewTable
              entity={wizard.entity.value}
              rows={wizard.preview.value}
              headers={file.headers}
              mapping={wizard.mapping.value}
              defs={wizard.defs.value}
              pipelines={app.pipelines.value}
              reps={app.reps.value}
              timeZone={app.timeZone.value}
            />
          </section>

          <fieldset class="plain-fieldset" disabled={busy}>
            <legend>{t('imp_duplicates')}</legend>
            {POLICIES.map((option) => (
              <label key={option.value} class="imp-choice">
                <input
                  type="radio"
                  name="imp-policy"
                  value={option.value}
                  checked={wizard.policy.value === option.value}
                  onChange={() => wizard.setPolicy(option.value)}
                />{' '}
                {t(option.label)}
              </label>
            ))}
          </fieldset>

          {!plan && (
            <div class="row">
              <button
                type="button"
                class="primary"
                disabled={busy || wizard.missing.value.length > 0}
                onClick={() => void wizard.check()}
              >
                {t('imp_check')}
              </button>
              {checking && (
                <ProgressBar
                  label={t('imp_check')}
                  done={checking.done}
                  total={checking.total}
                  text={t('imp_checking', checking)}
                />
              )}
            </div>
          )}
        </>
      )}

      {plan && summary && (
        <section aria-labelledby="imp-summary-title">
          <h3 id="imp-summary-title">{t('imp_summary')}</h3>
          <dl class="imp-summary">
            <div>
              <dt>{t('imp_sum_new')}</dt>
              <dd>{summary.new}</dd>
            </div>
            <div>
              <dt>{t('imp_sum_updated')}</dt>
              <dd>{summary.updated}</dd>
            </div>
            <div>
              <dt>{t('imp_sum_skipped')}</dt>
              <dd>{summary.skipped}</dd>
            </div>
            <div>
              <dt>{t('imp_sum_invalid')}</dt>
              <dd>{invalidCount}</dd>
            </div>
          </dl>
          {plan.companiesToCreate.length > 0 && (
            <p class="muted">{t('imp_sum_companies', { count: plan.companiesToCreate.length })}</p>
          )}
          <NamedRowList id="imp-skipped-title" title={t('imp_skipped_title')} rows={wizard.skipped.value} />
          <NamedRowList id="imp-warned-title" title={t('imp_warned_title')} rows={wizard.warned.value} />
          {invalidCount > 0 && (
            <p>
              <button type="button" onClick={wizard.downloadInvalid}>
                {t('imp_download_invalid')}
              </button>
            </p>
          )}
          {step === 'review' && (
            <div class="row">
              <button type="button" class="primary" onClick={() => void wizard.run()}>
                {resume
                  ? t('imp_resume_start', { from: wizard.afterRow.value + 1 })
                  : `${t('imp_start')} (${summary.new + summary.updated})`}
              </button>
            </div>
          )}
        </section>
      )}

      {(step === 'running' || step === 'finished') && (
        <section aria-labelledby="imp-run-title">
          <h3 id="imp-run-title" class="visually-hidden">
            {t('imp_progress')}
          </h3>
          <ProgressBar
            label={t('imp_progress')}
            done={progress.done}
            total={progress.total}
            text={t('imp_progress_text', { done: progress.done, count: progress.total })}
          />
          {step === 'running' && (
            <button type="button" onClick={wizard.cancel} disabled={wizard.cancelRequested.value}>
              {t('imp_cancel')}
            </button>
          )}
          <div role="status" aria-live="polite">
            {outcome?.kind === 'done' && <p class="notice">{t('imp_done', outcome)}</p>}
            {outcome?.kind === 'cancelled' && <p class="notice">{t('imp_cancelled', { count: outcome.done })}</p>}
            {outcome?.kind === 'failed' && <p class="error">{t('imp_failed', { message: outcome.message })}</p>}
            {wizard.rejected.value.length > 0 && (
              <p class="notice">{t('imp_rejected', { count: wizard.rejected.value.length })}</p>
            )}
          </div>
          {step === 'finished' && (
            <button type="button" onClick={wizard.reset}>
              {t('imp_new_file')}
            </button>
          )}
        </section>
      )}

      <ImportHistory app={app} wizard={wizard} />
    </div>
  );
}
