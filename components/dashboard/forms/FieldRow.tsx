import type { FormField } from '@/lib/forms/definition';
import { t } from '../../i18n';
import { newField, type TargetChoice } from './draft';

interface Props {
  field: FormField;
  index: number;
  choices: readonly TargetChoice[];
  /** How each choice is named in the select. */
  choiceLabel(choice: TargetChoice): string;
  /** A field that comes to fill something else takes that thing's name as its labels. */
  labelsFor(choice: TargetChoice): FormField['label'];
  onChange(field: FormField): void;
  onRemove(): void;
}

/** One field of the form being edited: what it fills, its label in English and Khmer, and whether it is required. */
export function FieldRow({ field, index, choices, choiceLabel, labelsFor, onChange, onRemove }: Props) {
  const current = field.target === 'custom' ? `custom:${field.property}` : field.target;
  const n = index + 1;
  return (
    <fieldset class="row" data-testid="form-field">
      <legend>{t('forms_field_n', { n })}</legend>
      <label>
        {t('forms_field_fills')}
        <select
          value={current}
          onChange={(e) => {
            const choice = choices.find((c) => c.value === e.currentTarget.value);
            if (choice) onChange(newField(choice, labelsFor(choice), field.required));
          }}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choiceLabel(choice)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('forms_label_en')}
        <input
          required
          maxLength={80}
          value={field.label.en}
          onInput={(e) => onChange({ ...field, label: { ...field.label, en: e.currentTarget.value } })}
        />
      </label>
      <label>
        {t('forms_label_km')}
        <input
          required
          lang="km"
          maxLength={80}
          value={field.label.km}
          onInput={(e) => onChange({ ...field, label: { ...field.label, km: e.currentTarget.value } })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={field.required}
          onChange={(e) => onChange({ ...field, required: e.currentTarget.checked })}
        />
        {t('forms_field_required')}
      </label>
      <button type="button" onClick={onRemove} aria-label={t('forms_field_remove', { n })}>
        {t('forms_remove')}
      </button>
    </fieldset>
  );
}
