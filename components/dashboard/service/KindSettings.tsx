import { useState } from 'preact/hooks';
import { MAX_TARGET_MINUTES, newRecordBase, type ThreadKind } from '@/lib/model';
import { ruleList } from '@/lib/service/kinds';
import { listKinds } from '@/lib/service/store';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import type { Dashboard } from '../app-model';
import { AddForm } from '../settings/AddForm';
import { RemoveButton } from '../settings/RemoveButton';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';

/** Working hours as typed ("4", "0.5", "៤"), in whole minutes; null when empty, undefined when not a target. */
function targetMinutes(text: string): number | null | undefined {
  const plain = text.trim().replace(/[០-៩]/g, (digit) => String('០១២៣៤៥៦៧៨៩'.indexOf(digit)));
  if (plain === '') return null;
  const minutes = Math.round(Number(plain) * 60);
  return Number.isFinite(minutes) && minutes >= 15 && minutes <= MAX_TARGET_MINUTES ? minutes : undefined;
}

/** One kind: its name, target and rules, saved together. */
function KindForm({ app, kind }: { app: Dashboard; kind: ThreadKind }) {
  const [name, setName] = useState(kindLabel(kind));
  const [hours, setHours] = useState(kind.targetMinutes === null ? '' : String(kind.targetMinutes / 60));
  const [words, setWords] = useState(kind.words.join('\n'));
  const [labels, setLabels] = useState(kind.labels.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const id = `kind-${kind.id}`;
  const save = (e: Event) => {
    e.preventDefault();
    const target = targetMinutes(hours);
    if (target === undefined) return setError(t('service_target_invalid'));
    setError(null);
    // A built-in kind keeps following the rep's language until it is given a name of the business's own.
    const renamed = name.trim() === kindLabel(kind) && kind.name === '' ? '' : name.trim();
    void app.attempt(async () => {
      await call('service.kind.save', {
        ...kind,
        name: renamed,
        targetMinutes: target,
        words: ruleList(words),
        labels: ruleList(labels),
      });
      app.notify(t('service_kind_saved'));
    });
  };
  return (
    <li>
      <form class="settings-section kind-form" aria-labelledby={`${id}-title`} onSubmit={save}>
        <h3 id={`${id}-title`}>{kindLabel(kind)}</h3>
        <label>
          {t('service_kind_name')}
          <input
            required={kind.builtIn === null}
            maxLength={80}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('service_target_hours')}
          <input inputMode="decimal" value={hours} onInput={(e) => setHours(e.currentTarget.value)} />
        </label>
        <label>
          {t('service_rule_words')}
          <textarea rows={3} value={words} onInput={(e) => setWords(e.currentTarget.value)} />
        </label>
        <label>
          {t('service_rule_labels')}
          <textarea rows={2} value={labels} onInput={(e) => setLabels(e.currentTarget.value)} />
        </label>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="row">
          <button type="submit">{t('save')}</button>
          <RemoveButton
            app={app}
            name={kindLabel(kind)}
            setDeletedAt={(deletedAt) => call('service.kind.save', { ...kind, deletedAt })}
          />
        </div>
      </form>
    </li>
  );
}

/** Settings of the response policy: the kinds of thread, the target of each, and the rules that suggest them. */
export function KindSettings({ app }: ViewProps) {
  const kinds = useRead(app, listKinds, []);
  const [name, setName] = useState('');
  return (
    <section aria-labelledby="kinds-title">
      <h2 id="kinds-title">{t('service_kinds_title')}</h2>
      <p class="muted">{t('service_kinds_hint')}</p>
      <ul class="plain">
        {(kinds ?? []).map((kind) => (
          // Keyed by version too, so a teammate's change shows instead of what the form was first filled with.
          <KindForm key={`${kind.id}-${kind.updatedAt}`} app={app} kind={kind} />
        ))}
      </ul>
      <AddForm
        app={app}
        submitLabel={t('service_kind_add')}
        add={() =>
          call('service.kind.save', {
            ...newRecordBase(Date.now()),
            builtIn: null,
            name: name.trim(),
            order: (kinds ?? []).length,
            targetMinutes: null,
            labels: [],
            words: [],
          })
        }
        onAdded={() => setName('')}
      >
        <label>
          {t('service_kind_new')}
          <input required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
      </AddForm>
    </section>
  );
}
