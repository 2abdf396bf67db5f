import { useState } from 'preact/hooks';
import { ErrorText } from './ErrorText';
import { errorText } from './format';
import { t } from './i18n';

/**
 * A value shown as text that turns into an input in place. Enter saves, Escape cancels; a refused save keeps the
 * input open with the reason beside it.
 */
export function EditableField({
  label,
  value,
  placeholder,
  type = 'text',
  onSave,
}: {
  label: string;
  value: string;
  placeholder?: string;
  type?: 'text' | 'tel' | 'email' | 'date';
  onSave(next: string): Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!editing) {
    return (
      <div class="field">
        <span class="field-label">{label}</span>
        <button
          type="button"
          class="field-value"
          aria-label={t('edit_field', { field: label })}
          onClick={() => {
            setDraft(value);
            setError(null);
            setEditing(true);
          }}
        >
          {value || <span class="muted">{placeholder ?? t('field_empty')}</span>}
        </button>
      </div>
    );
  }

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      await onSave(draft.trim());
      setEditing(false);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="field editing" onSubmit={save}>
      <label>
        <span class="field-label">{label}</span>
        <input
          type={type}
          value={draft}
          // biome-ignore lint/a11y/noAutofocus: the rep just asked to edit this field
          autoFocus
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(false);
          }}
        />
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={saving}>
          {t('save')}
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          {t('cancel')}
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
