import { useState } from 'preact/hooks';
import type { Form, FormDefinition, FormField } from '@/lib/forms/definition';
import { translate } from '@/lib/i18n/translate';
import type { TeamStatus } from '@/lib/team/contract';
import { call } from '@/lib/worker/client';
import { sourceLabel } from '../../format';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { teamAttempt } from '../settings/team-errors';
import { fieldKey, newDefinition, newField, type TargetChoice, targetChoices } from './draft';
import { FieldRow } from './FieldRow';

interface Props {
  app: Dashboard;
  reps: Extract<TeamStatus, { joined: true }>['reps'];
  me: string;
  form: Form | null;
  onSaved(form: Form): void;
  onCancel(): void;
}

const targetKey = (choice: TargetChoice) => `forms_target_${choice.target}` as const;

/** Making or changing a form: its fields, whose leads they are, and the sites that may post it. */
export function FormEditor({ app, reps, me, form, onSaved, onCancel }: Props) {
  const choices = targetChoices(app.propertyDefs.value);
  const labelOf = (choice: TargetChoice) =>
    choice.property
      ? (app.propertyDefs.value.find((def) => def.entity === 'contact' && def.key === choice.property)?.label ??
        choice.property)
      : t(targetKey(choice));
  // A property has one label, which the manager wrote; a contact field is named in both languages already.
  const labelsFor = (choice: TargetChoice) =>
    choice.property
      ? { en: labelOf(choice), km: labelOf(choice) }
      : { en: translate('en', targetKey(choice)), km: translate('km', targetKey(choice)) };
  const [draft, setDraft] = useState<FormDefinition>(
    () => form?.definition ?? newDefinition(me, { name: labelsFor(choices[0]!), email: labelsFor(choices[1]!) }),
  );
  const [origins, setOrigins] = useState(draft.allowedOrigins.join('\n'));
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<FormDefinition>) => setDraft({ ...draft, ...patch });
  const setField = (index: number, field: FormField) =>
    change({ fields: draft.fields.map((f, i) => (i === index ? field : f)) });
  const rotating = draft.owner.rule === 'rotate' ? draft.owner.repIds : [draft.owner.repId];
  const addField = () => {
    const unused =
      choices.find((c) => !draft.fields.some((f) => f.key === fieldKey(c.target, c.property))) ?? choices[0]!;
    change({ fields: [...draft.fields, newField(unused, labelsFor(unused), false)] });
  };
  const save = async () => {
    const allowedOrigins = origins
      .split(/[\s,]+/)
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean);
    setBusy(true);
    const saved = await teamAttempt(app, () =>
      call('forms.save', { id: form?.id ?? null, definition: { ...draft, allowedOrigins } }),
    );
    setBusy(false);
    if (saved) onSaved(saved);
  };
  return (
    <form
      class="stack"
      aria-label={t('forms_editor')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('forms_name')}
        <input required maxLength={120} value={draft.name} onInput={(e) => change({ name: e.currentTarget.value })} />
      </label>
      {draft.fields.map((field, index) => (
        <FieldRow
          key={index}
          field={field}
          index={index}
          choices={choices}
          choiceLabel={labelOf}
          labelsFor={labelsFor}
          onChange={(next) => setField(index, next)}
          onRemove={() => change({ fields: draft.fields.filter((_f, i) => i !== index) })}
        />
      ))}
      <button type="button" onClick={addField}>
        {t('forms_add_field')}
      </button>
      <p class="muted">{t('forms_email_rule')}</p>
      <label>
        {t('forms_source')}
        <select value={draft.sourceId ?? ''} onChange={(e) => change({ sourceId: e.currentTarget.value || null })}>
          <option value="">{t('forms_source_default')}</option>
          {app.sources.value
            .filter((source) => source.deletedAt === null && source.key !== 'website-form')
            .map((source) => (
              <option key={source.id} value={source.id}>
                {sourceLabel(source)}
              </option>
            ))}
        </select>
      </label>
      <fieldset class="stack">
        <legend>{t('forms_owner')}</legend>
        <p class="muted">{t('forms_owner_help')}</p>
        {reps.map((rep) => (
          <label key={rep.id}>
            <input
              type="checkbox"
              checked={rotating.includes(rep.id)}
              onChange={(e) => {
                const ids = e.currentTarget.checked ? [...rotating, rep.id] : rotating.filter((id) => id !== rep.id);
                if (ids.length === 0) return;
                change({ owner: ids.length === 1 ? { rule: 'rep', repId: ids[0]! } : { rule: 'rotate', repIds: ids } });
              }}
            />
            {rep.name} ({rep.email})
          </label>
        ))}
      </fieldset>
      <label>
        {t('forms_follow_up_hours')}
        <input
          type="number"
          min={1}
          max={336}
          required
          value={draft.followUpHours}
          onInput={(e) => change({ followUpHours: Number(e.currentTarget.value) || 1 })}
        />
      </label>
      <label>
        {t('forms_origins')}
        <textarea
          rows={3}
          required
          placeholder="https://www.example.com"
          value={origins}
          onInput={(e) => setOrigins(e.currentTarget.value)}
        />
      </label>
      <p class="muted">{t('forms_origins_help')}</p>
      <div class="row">
        <button type="submit" disabled={busy}>
          {t('forms_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('forms_cancel')}
        </button>
      </div>
    </form>
  );
}
