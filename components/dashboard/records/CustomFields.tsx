import { useEffect, useState } from 'preact/hooks';
import { type CustomDraft, type CustomValue, draftFromValues, parseCustomDraft } from '@/lib/dashboard/custom-fields';
import type { MessageKey } from '@/lib/i18n/translate';
import type { CustomPropertyDef } from '@/lib/model';
import { FormFooter } from '../../FormFooter';
import { errorText } from '../../format';
import { t } from '../../i18n';

/**
 * Edits a record's custom properties, checked with the same schema the store uses before anything is sent. Values of
 * removed properties are kept and listed read-only, so nothing a rep typed is lost.
 */
export function CustomFields({
  idPrefix,
  defs,
  values,
  onSave,
}: {
  idPrefix: string;
  defs: CustomPropertyDef[];
  values: Record<string, CustomValue>;
  onSave(values: Record<string, CustomValue>): Promise<unknown>;
}) {
  const [draft, setDraft] = useState<CustomDraft>(() => draftFromValues(defs, values));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const valuesKey = JSON.stringify(values);
  useEffect(() => setDraft(draftFromValues(defs, values)), [valuesKey, defs]);
  if (defs.length === 0) return <p class="muted">{t('dash_custom_none')}</p>;
  const orphaned = Object.entries(values).filter(([key, v]) => v !== null && !defs.some((d) => d.key === key));

  const submit = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    setSaved(false);
    const parsed = parseCustomDraft(defs, draft, values);
    if (!parsed.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(parsed.errors).map(([k, code]) => [k, t(`dash_custom_error_${code}` as MessageKey)]),
        ),
      );
      return;
    }
    setErrors({});
    try {
      await onSave(parsed.values);
      setSaved(true);
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  return (
    <form class="stack custom-fields" onSubmit={submit} noValidate>
      {defs.map((def) => {
        const id = `${idPrefix}-${def.key}`;
        const error = errors[def.key];
        const value = draft[def.key];
        const set = (next: string | boolean) => setDraft({ ...draft, [def.key]: next });
        const common = {
          id,
          'aria-invalid': error ? ('true' as const) : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
          required: def.required,
        };
        return (
          <div class="field" key={def.id}>
            {def.type === 'checkbox' ? (
              <label class="check">
                <input
                  {...common}
                  type="checkbox"
                  checked={value === true}
                  onChange={(e) => set(e.currentTarget.checked)}
                />
                <span class="name">{def.label}</span>
              </label>
            ) : (
              <>
                <label for={id} class="field-label">
                  <span class="name">{def.label}</span>
                  {def.required ? <span aria-hidden="true"> *</span> : null}
                </label>
                {def.type === 'select' ? (
                  <select {...common} value={String(value ?? '')} onChange={(e) => set(e.currentTarget.value)}>
                    <option value="">{t('field_empty')}</option>
                    {def.options.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...common}
                    type={def.type === 'date' ? 'date' : 'text'}
                    inputMode={def.type === 'number' ? 'decimal' : undefined}
                    value={String(value ?? '')}
                    onInput={(e) => set(e.currentTarget.value)}
                  />
                )}
              </>
            )}
            {error ? (
              <p class="error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {orphaned.length > 0 ? (
        <details>
          <summary>{t('dash_custom_removed')}</summary>
          <ul class="plain">
            {orphaned.map(([key, v]) => (
              <li key={key}>
                <code>{key}</code>: <span class="subject">{String(v)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <FormFooter error={failure} submitLabel={t('dash_save_properties')} saved={saved} />
    </form>
  );
}
