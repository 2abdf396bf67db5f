import { useState } from 'preact/hooks';
import { keyFromLabel } from '@/lib/dashboard/pipeline-edit';
import type { MessageKey } from '@/lib/i18n/translate';
import { CUSTOM_PROPERTY_ENTITIES, CUSTOM_PROPERTY_TYPES, type CustomPropertyDef, newRecordBase } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { ErrorText } from '../../ErrorText';
import { errorText } from '../../format';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { ConfirmButton } from '../ConfirmButton';

type Entity = CustomPropertyDef['entity'];
type PropertyType = CustomPropertyDef['type'];

function NewProperty({ entity, defs, onDone }: { entity: Entity; defs: CustomPropertyDef[]; onDone(): void }) {
  const [label, setLabel] = useState('');
  const [type, setType] = useState<PropertyType>('text');
  const [options, setOptions] = useState('');
  const [required, setRequired] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await call('propertyDef.save', {
        ...newRecordBase(Date.now()),
        entity,
        key: keyFromLabel(label, new Set(defs.map((d) => d.key))),
        label: label.trim(),
        type,
        options:
          type === 'select'
            ? options
                .split(',')
                .map((o) => o.trim())
                .filter(Boolean)
            : [],
        required,
        order: defs.length,
      });
      setLabel('');
      setOptions('');
      setRequired(false);
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form
      class="row card-form"
      onSubmit={submit}
      aria-label={t('dash_add_property_for', { entity: t(`dash_entity_${entity}` as MessageKey) })}
    >
      <label>
        {t('dash_property_label')}
        <input required maxLength={80} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </label>
      <label>
        {t('dash_property_type')}
        <select value={type} onChange={(e) => setType(e.currentTarget.value as PropertyType)}>
          {CUSTOM_PROPERTY_TYPES.map((kind) => (
            <option key={kind} value={kind}>
              {t(`dash_type_${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {type === 'select' ? (
        <label class="grow">
          {t('dash_property_options')}
          <input required value={options} onInput={(e) => setOptions(e.currentTarget.value)} />
        </label>
      ) : null}
      <label class="check">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
        {t('dash_property_required')}
      </label>
      <button type="submit">{t('dash_add_property')}</button>
      <ErrorText message={error} />
    </form>
  );
}

/** Custom properties of contacts, companies and deals. Removing one keeps every value already stored. */
export function PropertySettings({ app }: { app: Dashboard }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const defs = app.propertyDefs.value;
  return (
    <section class="settings-section" aria-labelledby="properties-title">
      <h3 id="properties-title">{t('dash_custom_properties')}</h3>
      {CUSTOM_PROPERTY_ENTITIES.map((entity) => {
        const mine = defs.filter((d) => d.entity === entity);
        return (
          <div key={entity} class="stack">
            <h4>{t(`dash_entity_${entity}` as MessageKey)}</h4>
            {mine.length === 0 ? <p class="muted">{t('dash_custom_none')}</p> : null}
            <ul class="plain">
              {mine.map((def) => (
                <li key={def.id} class="row">
                  <span class="name grow">
                    {def.label} <code>{def.key}</code>{' '}
                    <span class="badge">{t(`dash_type_${def.type}` as MessageKey)}</span>
                    {def.required ? <span class="badge">{t('dash_property_required')}</span> : null}
                    {def.type === 'select' ? <span class="muted"> {def.options.join(', ')}</span> : null}
                  </span>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={def.required}
                      onChange={(e) => {
                        const required = e.currentTarget.checked;
                        void app.attempt(() => call('propertyDef.save', { ...def, required }));
                      }}
                    />
                    {t('dash_property_required')}
                  </label>
                  <button
                    type="button"
                    aria-label={t('dash_remove_named', { name: def.label })}
                    onClick={() => setConfirming(def.id)}
                  >
                    {t('dash_remove')}
                  </button>
                  {confirming === def.id ? (
                    <ConfirmButton
                      question={t('dash_remove_property_confirm', { name: def.label })}
                      confirmLabel={t('dash_remove')}
                      onConfirm={() => {
                        setConfirming(null);
                        void app.attempt(async () => {
                          await call('propertyDef.delete', { id: def.id });
                          app.notify(t('dash_property_removed', { name: def.label }), () =>
                            call('propertyDef.save', { ...def, deletedAt: null }),
                          );
                        });
                      }}
                      onCancel={() => setConfirming(null)}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
            <NewProperty entity={entity} defs={mine} onDone={() => undefined} />
          </div>
        );
      })}
    </section>
  );
}
