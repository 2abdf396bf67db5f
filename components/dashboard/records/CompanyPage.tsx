import { hashFor } from '@/lib/dashboard/links';
import { contactsForCompany, dealsForCompany, getRecord, tasksFor, timeline } from '@/lib/db/views';
import { call } from '@/lib/worker/client';
import { EditableField } from '../../EditableField';
import { lifecycleLabel } from '../../format';
import { t } from '../../i18n';
import { RepSelect } from '../RepSelect';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { CustomFields } from './CustomFields';
import { DealLinks } from './DealLinks';
import { RecordActivity } from './RecordActivity';
import { RecordPage } from './RecordPage';

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
  const defs = app.propertyDefs.value.filter((d) => d.entity === 'company');
  const openDeals = data.deals.filter((d) => d.status === 'open');

  return (
    <RecordPage app={app} entity="companies" id={id} title={company.name}>
      <p class="muted">
        {t('dash_company_summary', {
          contacts: t('count_contacts', { count: data.contacts.length }),
          deals: t('count_open_deals', { count: openDeals.length }),
        })}
      </p>
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
          <DealLinks deals={data.deals} />
        </section>
        <section aria-labelledby="company-activity">
          <RecordActivity
            app={app}
            link={{ companyId: id }}
            tasks={data.tasks}
            activities={data.activities}
            headingId="company-activity"
          />
        </section>
      </div>
    </RecordPage>
  );
}
