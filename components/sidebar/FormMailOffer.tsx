import { useState } from 'preact/hooks';
import { formMailLead } from '@/lib/forms/form-mail';
import type { Source } from '@/lib/model';
import type { SnapshotMessage } from '@/lib/model/snapshot';
import { dashboardUrl } from '../browser';
import { createContactFromDetails } from '../contact-from-details';
import { ErrorText } from '../ErrorText';
import { errorText } from '../format';
import { t } from '../i18n';
import { LabelledValues } from '../LabelledValues';

interface Props {
  messages: readonly SnapshotMessage[];
  /** Settings → Form notifications: the addresses the business's form notifications come from. */
  senders: readonly string[];
  sources: readonly Source[];
}

/**
 * A thread from one of the business's form senders carries a lead in its body: offered here, read from the lines the
 * snapshot already holds. Nothing is written until the rep presses the button; the lead is a contact with the source
 * Website form, its message kept as a note.
 */
export function FormMailOffer({ messages, senders, sources }: Props) {
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lead = formMailLead(messages, senders);
  if (!lead) return null;
  const name = lead.name || lead.email;
  const add = async () => {
    setError(null);
    try {
      const contact = await createContactFromDetails(
        {
          ...lead,
          name,
          jobTitle: '',
          lifecycle: 'lead',
          sourceId: sources.find((source) => source.key === 'website-form' && source.deletedAt === null)?.id ?? null,
        },
        { subject: t('form_mail_note'), body: lead.message },
      );
      setAdded({ id: contact.id, name });
    } catch (err) {
      setError(errorText(err));
    }
  };
  if (added) {
    return (
      <p class="notice" role="status">
        {t('form_mail_added', { name: added.name })}{' '}
        <a href={dashboardUrl('contact', added.id)} target="_blank" rel="noreferrer">
          {t('form_mail_open')}
        </a>
      </p>
    );
  }
  return (
    <section class="notice" aria-labelledby="form-mail-title">
      <h3 id="form-mail-title">{t('form_mail_title')}</h3>
      <p>
        <LabelledValues
          lines={[
            [t('contact_name'), lead.name],
            [t('dash_email'), lead.email],
            [t('contact_phone'), lead.phone],
            [t('contact_company'), lead.company],
          ]}
        />
      </p>
      <button type="button" onClick={() => void add()}>
        {t('form_mail_add')}
      </button>
      <ErrorText message={error} />
    </section>
  );
}
