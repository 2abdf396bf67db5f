import { hashFor } from '@/lib/dashboard/links';
import { contactsForCompany, dealsForCompany, getRecord, tasksFor, timeline } from '@/lib/db/views';
import { call } from '@/lib/worker/client';
import { EditableField } from '../../EditableField';
import { lifecycleLabel, money } from '../../format';
import { t } from '../../i18n';
import { RepSelect } from '../RepSelect';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { ActivityComposer } from './ActivityComposer';
import { CustomFields } from './CustomFields';
import { RecordTasks } from './RecordTasks';
import { recordActions } from './record-actions';
import { Timeline } from './Timeline';

type CompanyPatch = Parameters<typeof call<'company.update'>>[1]['patch'];

/** A company with everything under it: its contacts, its deals, and their activity merged into one timeline. */
export function CompanyPage({ app, param }: ViewProps) {
  const id = param ?? '';
  const data = useRead(
    app,
    async (db) => {
      const company = await getRecord(db, 'companies', id);
      if (!company) return null;
      const [contacts, deals] = await Promise.all([contactsForCompany(db, id), dealsForCompany(db, id)]);
      const contactIds = contacts.slice(0, 200).map((c) => c.id);
      const [activities, tasks] = await Promise.all([
        timeline(db, { contactIds, companyId: id }),
        tasksFor(db, { contactIds, dealIds: deals.map((d) => d.id) }),
      ]);
      return { company, contacts, deals, activities, tasks };
    },
    [id],
  );
  if (data === undefined) return <p class="muted">{t('loading')}</p>;
  if (data === null) return <p class="notice">{t('dash_record_gone')}</p>;
  const { company } = data;
  const update = (patch: CompanyPatch) => call('company.update', { id, patch });
  const actions = recordActions(app, { companyId: id });
  const defs = app.propertyDefs.value.filter((d) => d.entity === 'company');
  const openDeals = data.deals.filter((d) => d.status === 'open');

  return (
    <article class="record" aria-labelledby="record-title">
      <div class="row spread">
        <h2 id="record-title" class="name">
          {company.name}
        </h2>
        <button
          type="button"
          class="danger"
          onClick={() =>
            void app.attempt(async () => {
              const done = await call('records.setDeleted', { entity: 'companies', ids: [id], deleted: true });
              app.notify(t('dash_deleted_n', { count: 1 }), () =>
                call('records.setDeleted', { entity: 'companies', ids: [id], deleted: false, links: done.links }),
              );
              location.hash = hashFor('companies');
            })
          }
        >
          {t('dash_delete')}
        </button>
      </div>
      <p class="muted">{t('dash_company_summary', { contacts: data.contacts.length, deals: openDeals.length })}</p>
      <div class="record-grid">
        <section aria-labelledby="company-fields">
          <h3 id="company-fields">{t('dash_details')}</h3>
          <EditableField label={t('contact_name')} value={company.name} onSave={(name) => update({ name })} />
          <EditableField
            label={t('dash_domains')}
            value={company.domains.join(', ')}
            onSave={(text) => update({ domains: text.split(/[,\s]+/).filter(Boolean) })}
          />
          <EditableField
            label={t('contact_phone')}
            type="tel"
            value={company.phone}
            onSave={(phone) => update({ phone })}
          />
          <EditableField label={t('dash_address')} value={company.address} onSave={(address) => update({ address })} />
          <RepSelect
            label={t('dash_owner')}
            reps={app.reps.value}
            value={company.ownerId}
            onChange={(ownerId) => void app.attempt(() => update({ ownerId }))}
          />
          <h3>{t('dash_custom_properties')}</h3>
          <CustomFields
            idPrefix={`company-${id}`}
            defs={defs}
            values={company.custom}
            onSave={(custom) => update({ custom })}
          />
          <h3>{t('dash_nav_contacts')}</h3>
          {data.contacts.length === 0 ? <p class="muted">{t('dash_table_empty')}</p> : null}
          <ul class="plain">
            {data.contacts.slice(0, 200).map((c) => (
              <li key={c.id}>
                <a href={hashFor('contact', c.id)} class="name">
                  {c.name}
                </a>{' '}
                <span class="muted">
                  {c.jobTitle ? `${c.jobTitle} · ` : ''}
                  {lifecycleLabel(c.lifecycle)}
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('dash_nav_deals')}</h3>
          <ul class="plain">
            {data.deals.map((d) => (
              <li key={d.id}>
                <a href={hashFor('deal', d.id)}>{d.title}</a> <span class="amount">{money(d.value)}</span>{' '}
                <span class="badge">{t(`dash_status_${d.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="company-activity">
          <h3>{t('dash_nav_tasks')}</h3>
          <RecordTasks
            tasks={data.tasks}
            timeZone={app.timeZone.value}
            onCreate={actions.createTask}
            onComplete={actions.completeTask}
            onReopen={actions.reopenTask}
            onReschedule={actions.rescheduleTask}
          />
          <h3 id="company-activity">{t('activities_title')}</h3>
          <ActivityComposer onAdd={actions.addActivity} />
          <Timeline activities={data.activities} timeZone={app.timeZone.value} onDelete={actions.deleteActivity} />
        </section>
      </div>
    </article>
  );
}
