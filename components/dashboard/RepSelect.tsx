import type { Rep } from '@/lib/model';
import { t } from '../i18n';

/**
 * Picks a rep. With `allowAll`, an empty choice means "everyone" (null); "none" means records without an owner.
 * Without it, the empty choice means "no owner" (null).
 */
export function RepSelect({
  label,
  reps,
  value,
  allowAll = false,
  onChange,
}: {
  label: string;
  reps: Rep[];
  value: string | null;
  allowAll?: boolean;
  onChange(id: string | null): void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{allowAll ? t('dash_all_reps') : t('dash_no_owner')}</option>
        {allowAll ? <option value="none">{t('dash_no_owner')}</option> : null}
        {reps.map((rep) => (
          <option key={rep.id} value={rep.id}>
            {rep.name}
          </option>
        ))}
      </select>
    </label>
  );
}
