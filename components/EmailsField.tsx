import type { Contact } from '@/lib/model';
import { EditableField } from './EditableField';
import { t } from './i18n';

/** A contact's email addresses, edited in place as one list: commas, semicolons or spaces between them. */
export function EmailsField({
  emails,
  onSave,
}: {
  emails: Contact['emails'];
  onSave(emails: { address: string }[]): Promise<unknown>;
}) {
  return (
    <EditableField
      label={t('dash_emails')}
      value={emails.map((e) => e.address).join(', ')}
      onSave={(text) =>
        onSave(
          text
            .split(/[,;\s]+/)
            .filter(Boolean)
            .map((address) => ({ address })),
        )
      }
    />
  );
}
