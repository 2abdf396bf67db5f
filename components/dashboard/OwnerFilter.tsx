import { type OwnerChoice, parseOwnerChoice, storedOwnerChoice } from '@/lib/dashboard/team-view';
import type { Rep } from '@/lib/model';
import { t } from '../i18n';

/** Whose records to show: everyone's, mine (once this browser knows which rep it is), nobody's, or one rep's. */
export function OwnerFilter({
  reps,
  me,
  value,
  onChange,
}: {
  reps: Rep[];
  me: string | null;
  value: OwnerChoice;
  onChange(choice: OwnerChoice): void;
}) {
  const shown = value === 'mine' && me === null ? 'all' : storedOwnerChoice(value);
  return (
    <label>
      {t('dash_filter_rep')}
      <select value={shown} onChange={(e) => onChange(parseOwnerChoice(e.currentTarget.value))}>
        <option value="all">{t('dash_all_reps')}</option>
        {me === null ? null : <option value="mine">{t('owner_mine')}</option>}
        <option value="none">{t('dash_no_owner')}</option>
        {reps.map((rep) => (
          <option key={rep.id} value={storedOwnerChoice({ repId: rep.id })}>
            {rep.name}
          </option>
        ))}
      </select>
    </label>
  );
}
