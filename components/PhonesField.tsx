import type { Contact } from '@/lib/model';
import { EditableField } from './EditableField';
import { t } from './i18n';

/** A contact's phone numbers, edited in place as one comma-separated list. */
export function PhonesField({
  phones,
  onSave,
}: {
  phones: Contact['phones'];
  onSave(phones: { number: string }[]): Promise<unknown>;
}) {
  return (
    <EditableField
      label={t('contact_phone')}
      type="tel"
      value={phones.map((p) => p.number).join(', ')}
      onSave={(text) =>
        onSave(
          text
            .split(',')
            .map((number) => number.trim())
            .filter(Boolean)
            .map((number) => ({ number })),
        )
      }
    />
  );
}
