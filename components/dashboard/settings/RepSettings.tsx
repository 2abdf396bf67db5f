import { useState } from 'preact/hooks';
import { newRecordBase, type Rep, type Settings } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { EditableField } from '../../EditableField';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { AddForm } from './AddForm';
import { NameEmailFields } from './NameEmailFields';
import { RemoveButton } from './RemoveButton';

const splitAddresses = (text: string) => text.split(/[,;\s]+/).filter(Boolean);

/** The reps: name, email, which signed-in Gmail addresses are theirs, and which one is "me" in this browser. */
export function RepSettings({ app, settings }: { app: Dashboard; settings: Settings }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const reps = app.reps.value;
  const save = (rep: Rep) => call('rep.save', rep);
  return (
    <section class="settings-section" aria-labelledby="reps-title">
      <h3 id="reps-title">{t('dash_settings_reps')}</h3>
      {reps.length === 0 ? <p class="muted">{t('dash_reps_none')}</p> : null}
      <ul class="plain">
        {reps.map((rep) => (
          <li key={rep.id} class="card-form stack">
            <EditableField label={t('contact_name')} value={rep.name} onSave={(next) => save({ ...rep, name: next })} />
            <EditableField
              label={t('dash_email')}
              type="email"
              value={rep.email}
              onSave={(next) => save({ ...rep, email: next })}
            />
            <EditableField
              label={t('dash_rep_accounts')}
              value={rep.accountEmails.join(', ')}
              onSave={(next) => save({ ...rep, accountEmails: splitAddresses(next) })}
            />
            <div class="row">
              <label class="check">
                <input
                  type="radio"
                  name="current-rep"
                  checked={settings.currentRepId === rep.id}
                  onChange={() => void app.attempt(() => call('settings.update', { currentRepId: rep.id }))}
                />
                {t('dash_rep_is_me')}
              </label>
              <RemoveButton app={app} name={rep.name} setDeletedAt={(deletedAt) => save({ ...rep, deletedAt })} />
            </div>
          </li>
        ))}
      </ul>
      <AddForm
        app={app}
        submitLabel={t('dash_add_rep')}
        add={() =>
          save({
            ...newRecordBase(Date.now()),
            name: name.trim(),
            email: email.trim(),
            accountEmails: [email.trim()],
          })
        }
        onAdded={() => {
          setName('');
          setEmail('');
        }}
      >
        <NameEmailFields name={name} email={email} onName={setName} onEmail={setEmail} />
      </AddForm>
    </section>
  );
}
