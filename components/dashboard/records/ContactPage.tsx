import { hashFor } from '@/lib/dashboard/links';
import { searchCompanies } from '@/lib/db/search';
import { dealsForContact, getRecord, tasksFor, timeline } from '@/lib/db/views';
import { mergesInto, possibleDuplicates } from '@/lib/merges/store';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { EditableField } from '../../EditableField';
import { lifecycleLabel, money, sourceLabel } from '../../format';
import { t } from '../../i18n';
import { RepSelect } from '../RepSelect';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { ActivityComposer } from './ActivityComposer';
import { CustomFields } from './CustomFields';
import { MergeSection } from './MergeSection';
import { RecordPicker } from './RecordPicker';
import { RecordTasks } from './RecordTasks';
import { recordActions } from './record-actions';
import { Timeline } from './Timeline';

type ContactPatch = Parameters<typeof call<'contact.update'>>[1]['patch'];

export function ContactPage({ app, param }: ViewProps) {
  const id = param ?? '';
  const data = useRead(
    app,
    async (db) => {
      const contact = await getRecord(db, 'contacts', id);
      if (!contact) {
        // A contact merged away points at the one it went into, which a bookmark or the history may still reach.
        const into = (await db.get('contacts', id))?.mergedInto;
        const survivor = into ? await getRecord(db, 'contacts', into) : null;
        return survivor ? { mergedInto: survivor } : null;
      }
      const [company, deals, activities, tasks, merges, duplicates] = await Promise.all([
        contact.companyId ? getRecord(db, 'companies', contact.companyId) : null,
        dealsForContact(db, id),
        timeline(db, { contactIds: [id] }),
        tasksFor(db, { contactIds: [id] }),
        mergesInto(db, id),
        possibleDuplicates(db, contact),
      ]);
      return { contact, company, deals, activities, tasks, merges, duplicates };
    },
    [id],
  );
  if (data === undefined) return <p class="muted">{t('loading')}</p>;
  if (data === null) return <p class="notice">{t('dash_record_gone')}</p>;
  if ('mergedInto' in data && data.mergedInto) {
    return (
      <p class="notice">
        <a href={hashFor('contact', data.mergedInto.id)}>{t('dash_merged_away', { name: data.mergedInto.name })}</a>
      </p>
    );
  }
  const { contact, company } = data;
  const update = (patch: ContactPatch) => call('contact.update', { id, patch });
  const quick = (patch: ContactPatch) => void app.attempt(() => update(patch));
  const actions = recordActions(app, { contactId: id, companyId: contact.companyId ?? undefined });
  const defs = app.propertyDefs.value.filter((d) => d.entity === 'contact');
  const db = app.db.value!;

  return (
    <article class="record" aria-labelledby="record-title">
      <div class="row spread">
        <h2 id="record-title" class="name">
          {contact.name}
        </h2>
        <button
          type="button"
          class="danger"
          onClick={() =>
            void app.attempt(async () => {
              await call('records.setDeleted', { entity: 'contacts', ids: [id], deleted: true });
              app.notify(t('dash_deleted_n', { count: 1 }), () =>
                call('records.setDeleted', { entity: 'contacts', ids: [id], deleted: false }),
              );
              location.hash = hashFor('contacts');
            })
          }
        >
          {t('dash_delete')}
        </button>
      </div>
      <div class="record-grid">
        <section aria-labelledby="contact-fields">
          <h3 id="contact-fields">{t('dash_details')}</h3>
          <EditableField label={t('contact_name')} value={contact.name} onSave={(name) => update({ name })} />
          <EditableField
            label={t('dash_emails')}
            type="text"
            value={contact.emails.map((e) => e.address).join(', ')}
            onSave={(text) =>
              update({
                emails: text
                  .split(/[,;\s]+/)
                  .filter(Boolean)
                  .map((address) => ({ address })),
              })
            }
          />
          <EditableField
            label={t('contact_phone')}
            type="tel"
            value={contact.phones.map((p) => p.number).join(', ')}
            onSave={(text) =>
              update({
                phones: text
                  .split(',')
                  .map((n) => n.trim())
                  .filter(Boolean)
                  .map((number) => ({ number })),
              })
            }
          />
          <EditableField
            label={t('contact_job_title')}
            value={contact.jobTitle}
            onSave={(jobTitle) => update({ jobTitle })}
          />
          <div class="row">
            <label>
              {t('contact_lifecycle')}
              <select
                value={contact.lifecycle}
                onChange={(e) => quick({ lifecycle: e.currentTarget.value as LifecycleStage })}
              >
                {LIFECYCLE_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {lifecycleLabel(s)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('contact_source')}
              <select
                value={contact.sourceId ?? ''}
                onChange={(e) => quick({ sourceId: e.currentTarget.value || null })}
              >
                <option value="">{t('field_empty')}</option>
                {app.sources.value.map((s) => (
                  <option key={s.id} value={s.id}>
                    {sourceLabel(s)}
                  </option>
                ))}
              </select>
            </label>
            <RepSelect
              label={t('dash_owner')}
              reps={app.reps.value}
              value={contact.ownerId}
              onChange={(ownerId) => quick({ ownerId })}
            />
          </div>
          <div class="field">
            <span class="field-label">{t('contact_company')}</span>
            {company ? (
              <span>
                <a href={hashFor('company', company.id)} class="name">
                  {company.name}
                </a>{' '}
                <button type="button" class="link" onClick={() => quick({ companyId: null })}>
                  {t('dash_unlink')}
                </button>
              </span>
            ) : (
              <RecordPicker
                label={t('dash_link_company')}
                search={async (q) => (await searchCompanies(db, q, 10)).map((c) => ({ id: c.id, label: c.name }))}
                onPick={(o) => quick({ companyId: o.id })}
              />
            )}
          </div>
          <h3>{t('dash_custom_properties')}</h3>
          <CustomFields
            idPrefix={`contact-${id}`}
            defs={defs}
            values={contact.custom}
            onSave={(custom) => update({ custom })}
          />
          <MergeSection app={app} db={db} contact={contact} merges={data.merges} suggestions={data.duplicates} />
        </section>
        <section aria-labelledby="contact-deals">
          <h3 id="contact-deals">{t('dash_nav_deals')}</h3>
          {data.deals.length === 0 ? <p class="muted">{t('deals_none')}</p> : null}
          <ul class="plain">
            {data.deals.map((d) => (
              <li key={d.id}>
                <a href={hashFor('deal', d.id)}>{d.title}</a> <span class="amount">{money(d.value)}</span>{' '}
                <span class="badge">{t(`dash_status_${d.status}`)}</span>
              </li>
            ))}
          </ul>
          <h3>{t('dash_nav_tasks')}</h3>
          <RecordTasks
            tasks={data.tasks}
            timeZone={app.timeZone.value}
            onCreate={actions.createTask}
            onComplete={actions.completeTask}
            onReopen={actions.reopenTask}
            onReschedule={actions.rescheduleTask}
          />
          <h3>{t('activities_title')}</h3>
          <ActivityComposer onAdd={actions.addActivity} />
          <Timeline activities={data.activities} timeZone={app.timeZone.value} onDelete={actions.deleteActivity} />
        </section>
      </div>
    </article>
  );
}
