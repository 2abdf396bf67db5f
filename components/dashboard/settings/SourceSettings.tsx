import { useState } from 'preact/hooks';
import { newRecordBase } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { EditableField } from '../../EditableField';
import { sourceLabel } from '../../format';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { AddForm } from './AddForm';
import { RemoveButton } from './RemoveButton';

/** Where leads come from: rename, add, remove (a tombstone, so contacts keep pointing at it). */
export function SourceSettings({ app }: { app: Dashboard }) {
  const [name, setName] = useState('');
  const sources = app.sources.value;
  return (
    <section class="settings-section" aria-labelledby="sources-title">
      <h3 id="sources-title">{t('dash_settings_sources')}</h3>
      <ul class="plain">
        {sources.map((source) => (
          <li key={source.id} class="row">
            <div class="grow">
              <EditableField
                label={t('dash_source_name')}
                value={sourceLabel(source)}
                // A renamed built-in source is the rep's own words now: drop the key that translated it.
                onSave={(next) =>
                  call('source.save', { ...source, name: next, key: next === sourceLabel(source) ? source.key : null })
                }
              />
            </div>
            <RemoveButton
              app={app}
              name={sourceLabel(source)}
              setDeletedAt={(deletedAt) => call('source.save', { ...source, deletedAt })}
            />
          </li>
        ))}
      </ul>
      <AddForm
        app={app}
        submitLabel={t('dash_add')}
        add={() =>
          call('source.save', { ...newRecordBase(Date.now()), name: name.trim(), key: null, order: sources.length })
        }
        onAdded={() => setName('')}
      >
        <label>
          {t('dash_new_source')}
          <input required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
      </AddForm>
    </section>
  );
}
