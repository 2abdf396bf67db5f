import type { ComponentChildren } from 'preact';
import type { Rep } from '@/lib/model';
import { t } from '../i18n';

/**
 * A select under its label, laid out like the card's editable fields. `name`, when given, is what a screen reader
 * says instead of the label: several deals in one card each have an "Owner".
 */
export function SelectField({
  id,
  label,
  name,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  name?: string;
  value: string;
  onChange(value: string): void;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <select id={id} aria-label={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}

/** The reps a record can belong to, after "nobody". */
export function RepOptions({ reps }: { reps: Rep[] }) {
  return (
    <>
      <option value="">{t('field_empty')}</option>
      {reps.map((rep) => (
        <option key={rep.id} value={rep.id}>
          {rep.name}
        </option>
      ))}
    </>
  );
}
