import { useEffect, useState } from 'preact/hooks';
import { type Backup, type BackupData, mergeBackup, parseBackup } from '@/lib/backup/format';
import { isProfileEmpty, readBackupData } from '@/lib/backup/store';
import { call } from '@/lib/worker/client';
import { errorText } from '../../format';
import { formatCount, formatDateTime, t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { ProgressBar } from '../import/ProgressBar';
import { restoreSteps, restoreTotal } from './restore-steps';

type Mode = 'replace' | 'merge';
type Merged = ReturnType<typeof mergeBackup>;

/**
 * Restore from a backup file: checked whole with parseBackup before anything is sent (its first problem is shown
 * with its path), then written by the worker a chunk at a time. A replace is offered only into an empty profile.
 */
export function RestoreSection({ app }: { app: Dashboard }) {
  const [backup, setBackup] = useState<Backup | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [empty, setEmpty] = useState<boolean | null>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [merged, setMerged] = useState<Merged | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<{ id: string; reason: string }[]>([]);
  const db = app.db.value;
  const revision = app.revision.value;

  useEffect(() => {
    if (!db) return;
    let current = true;
    void isProfileEmpty(db).then((answer) => {
      if (!current) return;
      setEmpty(answer);
      if (!answer) setMode('merge');
    });
    return () => {
      current = false;
    };
  }, [db, revision]);

  const choose = async (file: File) => {
    setBackup(null);
    setProblem(null);
    setResult(null);
    setMerged(null);
    setConflicts([]);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setProblem(t('exp_restore_bad_json', { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const parsed = parseBackup(json);
    if (!parsed.ok) {
      setProblem(t('exp_restore_invalid', { path: parsed.error.path, message: parsed.error.message }));
      return;
    }
    setBackup(parsed.value);
    if (db) setMerged(mergeBackup(await readBackupData(db), parsed.value.data));
    if (empty) setMode('replace');
  };

  const restore = async () => {
    if (!backup) return;
    const data: BackupData = mode === 'merge' && merged ? { ...backup.data, ...merged.write } : backup.data;
    const total = restoreTotal(data, mode);
    setProgress({ done: 0, total });
    setResult(null);
    const totals = { written: 0, unchanged: 0 };
    const left: { id: string; reason: string }[] = [...(mode === 'merge' ? (merged?.conflicts ?? []) : [])];
    try {
      if (mode === 'replace') await call('backup.replaceConfig', data);
      let done = 0;
      for (const chunk of restoreSteps(data, mode)) {
        const answer = await call('backup.put', { mode, chunk });
        totals.written += answer.written;
        totals.unchanged += answer.unchanged;
        left.push(...answer.conflicts);
        done += chunk.records.length;
        setProgress({ done, total });
      }
      setResult(
        t('exp_restored', { written: t('count_records', { count: totals.written }), unchanged: totals.unchanged }),
      );
      await app.loadConfig();
    } catch (error) {
      setResult(t('exp_restore_failed', { message: errorText(error) }));
    } finally {
      setConflicts(left);
      setProgress(null);
    }
  };

  const data = backup?.data;
  return (
    <section aria-labelledby="exp-restore-title">
      <h3 id="exp-restore-title">{t('exp_restore')}</h3>
      <label class="field">
        <span class="field-label">{t('exp_restore_file')}</span>
        <input
          type="file"
          accept=".json,application/json"
          disabled={progress !== null}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void choose(file);
          }}
        />
      </label>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {backup && data && (
        <>
          <p>
            {t('exp_restore_about', {
              date: formatDateTime(backup.exportedAt, app.timeZone.value),
              contacts: t('count_contacts', { count: data.contacts.length }),
              companies: t('count_companies', { count: data.companies.length }),
              deals: t('count_deals', { count: data.deals.length }),
              activities: t('count_activities', { count: data.activities.length }),
              tasks: t('count_tasks', { count: data.tasks.length }),
            })}
          </p>
          <fieldset class="plain-fieldset" disabled={progress !== null}>
            <legend>{t('exp_mode')}</legend>
            <label class="imp-choice">
              <input
                type="radio"
                name="exp-mode"
                checked={mode === 'replace'}
                disabled={empty !== true}
                onChange={() => setMode('replace')}
              />{' '}
              {t('exp_mode_replace')}
            </label>
            {empty === false && <p class="muted small">{t('exp_mode_replace_blocked')}</p>}
            <label class="imp-choice">
              <input type="radio" name="exp-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{' '}
              {t('exp_mode_merge')}
            </label>
            {mode === 'merge' && merged && <p class="muted">{t('exp_merge_preview', merged.counts)}</p>}
          </fieldset>
          <button type="button" class="primary" disabled={progress !== null} onClick={() => void restore()}>
            {t('exp_restore_start')}
          </button>
        </>
      )}
      {progress && (
        <ProgressBar
          label={t('exp_restore_progress')}
          done={progress.done}
          total={progress.total}
          text={t('exp_progress_text', { done: progress.done, count: progress.total })}
        />
      )}
      <div role="status" aria-live="polite">
        {result && <p class="notice">{result}</p>}
      </div>
      {conflicts.length > 0 && (
        <details>
          <summary>
            {t('exp_restore_conflicts')} ({formatCount(conflicts.length)})
          </summary>
          <ul>
            {conflicts.slice(0, 200).map((c) => (
              <li key={c.id}>
                {c.id}: {c.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
