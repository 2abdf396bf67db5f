import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ErrorText } from './ErrorText';
import { errorText } from './format';
import { t } from './i18n';

/**
 * A value shown as text that turns into an input in place. Enter saves, Escape cancels; a refused save keeps the
 * input open with the reason beside it. When the edit ends, focus is back on the value, so a keyboard user keeps
 * their place.
 */
export function EditableField({
  label,
  value,
  display = value,
  type = 'text',
  hideLabel = false,
  onSave,
}: {
  label: string;
  value: string;
  /** The value as the rep reads it, where it differs from what the input edits (a date in words, not 2027-01-02). */
  display?: string;
  type?: 'text' | 'tel' | 'email' | 'date';
  /** The label for screen readers only, where a value says what it is by its place (a name atop a card). */
  hideLabel?: boolean;
  onSave(next: string): Promise<unknown>;
}) {
  const labelClass = hideLabel ? 'field-label visually-hidden' : 'field-label';
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // True between the end of an edit and the render that brings the button back; never on the first render.
  const ended = useRef(false);

  // Focus moves by script, not `autofocus`: Chrome ignores autofocus in a cross-origin frame, which the sidebar is
  // inside Gmail. A script may move focus there because the click or key that opened the field just happened.
  useLayoutEffect(() => {
    if (editing) {
      input.current?.focus();
      input.current?.select();
    } else if (ended.current) {
      ended.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const end = () => {
    ended.current = true;
    setEditing(false);
  };

  if (!editing) {
    const shown = display || t('field_empty');
    // The name starts with the value a sighted rep sees on the button, as speech input users say what they see,
    // then says what the button does.
    return (
      <div class="field">
        <span class={labelClass}>{label}</span>
        <button
          ref={button}
          type="button"
          class="field-value"
          aria-label={t('edit_field', { value: shown, field: label })}
          onClick={() => {
            setDraft(value);
            setError(null);
            setEditing(true);
          }}
        >
          {display || <span class="muted">{shown}</span>}
        </button>
      </div>
    );
  }

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      await onSave(draft.trim());
      end();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      class="field editing"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || saving) return;
        // Escape belongs to this field while it is open, not to a dialog or view around it.
        e.preventDefault();
        e.stopPropagation();
        end();
      }}
    >
      <label>
        <span class={labelClass}>{label}</span>
        <input
          ref={input}
          type={type}
          value={draft}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={saving}>
          {t('save')}
        </button>
        <button type="button" onClick={end}>
          {t('cancel')}
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
