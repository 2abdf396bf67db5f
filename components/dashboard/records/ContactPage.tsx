import { hashFor } from '@/lib/dashboard/links';
import { dealsForContact, getRecord, tasksFor, timeline } from '@/lib/db/views';
import { mergesInto, possibleDuplicates } from '@/lib/merges/store';
import type { LifecycleStage } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { Avatar } from '../../Avatar';
import { EditableField } from '../../EditableField';
import { EmailsField } from '../../EmailsField';
import { t } from '../../i18n';
import { LifecycleOptions } from '../../LifecycleOptions';
import { PhonesField } from '../../PhonesField';
import { SourceOptions } from '../../SourceOptions';
import { RepSelect } from '../RepSelect';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { CompanyField } from './CompanyField';
import { CustomFields } from './CustomFields';
import { DealLinks } from './DealLinks';
import { MergeSection } from './MergeSection';
import { RecordActivity } from './RecordActivity';
import { RecordPage } from './RecordPage';

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
  const defs = app.propertyDefs.value.filter((d) => d.entity === 'contact');
  const db = app.db.value!;

  return (
    <RecordPage
      app={app}
      entity="contacts"
      id={id}
      name={contact.name}
      title={
        <>
          <Avatar name={contact.name} email={contact.emails[0]?.address ?? ''} size="lg" />
          {contact.name}
        </>
      }
    >
      <div class="record-grid">
        <section aria-labelledby="contact-fields">
          <h3 id="contact-fields">{t('dash_details')}</h3>
          <EditableField label={t('contact_name')} value={contact.name} onSave={(name) => update({ name })} />
          <EmailsField emails={contact.emails} onSave={(emails) => update({ emails })} />
          <PhonesField phones={contact.phones} onSave={(phones) => update({ phones })} />
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
                <LifecycleOptions />
              </select>
            </label>
            <label>
              {t('contact_source')}
              <select
                value={contact.sourceId ?? ''}
                onChange={(e) => quick({ sourceId: e.currentTarget.value || null })}
              >
                <SourceOptions sources={app.sources.value} />
              </select>
            </label>
            <RepSelect
              label={t('dash_owner')}
              reps={app.reps.value}
              value={contact.ownerId}
              onChange={(ownerId) => quick({ ownerId })}
            />
          </div>
          <CompanyField db={db} company={company} onLink={(companyId) => quick({ companyId })} />
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
          <DealLinks deals={data.deals} />
          <RecordActivity
            app={app}
            link={{ contactId: id, companyId: contact.companyId ?? undefined }}
            tasks={data.tasks}
            activities={data.activities}
          />
        </section>
      </div>
    </RecordPage>
  );
}
