import { useState } from 'preact/hooks';
import { hashFor } from '@/lib/dashboard/links';
import { call } from '@/lib/worker/client';
import { FormFooter } from '../../FormFooter';
import { errorText } from '../../format';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** A new contact (name, email) or company (name, domain); the record page then edits the rest. */
export function NewRecordForm({
  app,
  entity,
  onDone,
}: {
  app: Dashboard;
  entity: 'contacts' | 'companies';
  onDone(): void;
}) {
  const [name, setName] = useState('');
  const [extra, setExtra] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const ownerId = app.settings.value?.currentRepId ?? null;
    try {
      if (entity === 'contacts') {
        const contact = await call('contact.create', {
          name,
          emails: extra.trim() ? [{ address: extra.trim() }] : [],
          ownerId,
        });
        location.hash = hashFor('contact', contact.id);
      } else {
        const company = await call('company.create', {
          name,
          domains: extra.trim() ? [extra.trim()] : [],
          ownerId,
        });
        location.hash = hashFor('company', company.id);
      }
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form
      class="stack card-form"
      onSubmit={submit}
      aria-label={t(entity === 'contacts' ? 'dash_new_contact' : 'dash_new_company')}
    >
      <label>
        {t('contact_name')}
        <input required value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t(entity === 'contacts' ? 'dash_email' : 'dash_domain')}
        <input
          type={entity === 'contacts' ? 'email' : 'text'}
          value={extra}
          onInput={(e) => setExtra(e.currentTarget.value)}
        />
      </label>
      <FormFooter error={error} submitLabel={t('save')} onCancel={onDone} />
    </form>
  );
}
