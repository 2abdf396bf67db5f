import { t } from '../../i18n';

/** The name and address of a person being added: a rep in Settings → Reps, an invitee in Settings → Team. */
export function NameEmailFields({
  name,
  email,
  onName,
  onEmail,
}: {
  name: string;
  email: string;
  onName(value: string): void;
  onEmail(value: string): void;
}) {
  return (
    <>
      <label>
        {t('contact_name')}
        <input required maxLength={120} value={name} onInput={(e) => onName(e.currentTarget.value)} />
      </label>
      <label>
        {t('dash_email')}
        <input required type="email" value={email} onInput={(e) => onEmail(e.currentTarget.value)} />
      </label>
    </>
  );
}
