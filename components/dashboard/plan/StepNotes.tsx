import { useEffect, useState } from 'preact/hooks';
import type { PlanStep } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** What the business writes for one step, saved when the rep leaves the box; printed as text, not as a box. */
export function StepNotes({ app, step, text }: { app: Dashboard; step: PlanStep; text: string }) {
  const [draft, setDraft] = useState(text);
  // A teammate's edit arrives while this box is not being written in: show it.
  useEffect(() => setDraft(text), [text]);
  const save = () => {
    if (draft.trim() === text) return;
    void app.attempt(async () => {
      await call('plan.notes.save', { [step]: draft });
    });
  };
  return (
    <div class="plan-notes">
      <label>
        {t('plan_notes_label')}
        <textarea
          class="no-print"
          rows={4}
          maxLength={5000}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onBlur={save}
        />
      </label>
      <p class="print-only plan-notes-text">{draft.trim() === '' ? '—' : draft}</p>
    </div>
  );
}
