import { useState } from 'preact/hooks';
import type {
  CustomPropertyDef,
  LifecycleStage,
  Pipeline,
  Rep,
  Settings,
  SnapshotParticipant,
  Source,
} from '@/lib/model';
import type { WebmailSnapshot } from '@/lib/model/snapshot';
import { call } from '@/lib/worker/client';
import type { ContactCardView } from '@/lib/worker/contract';
import { dashboardUrl } from '../browser';
import { ChangedBy } from '../ChangedBy';
import { EditableField } from '../EditableField';
import { EmailsField } from '../EmailsField';
import { ErrorText } from '../ErrorText';
import { useFormFocus } from '../form-focus';
import { errorText } from '../format';
import { formatDateTime, t } from '../i18n';
import { Icon } from '../icons';
import { LifecycleOptions } from '../LifecycleOptions';
import { NewDealForm } from '../NewDealForm';
import { PhonesField } from '../PhonesField';
import { useRecordChanges } from '../record-changes';
import { SourceOptions } from '../SourceOptions';
import type { Toaster } from '../toaster';
import { ActivityList } from './ActivityList';
import { CustomValues } from './CustomValues';
import { DealList } from './DealList';
import { FollowUpForm } from './FollowUpForm';
import { moreOpen, rememberMore } from './more-preference';
import { PersonHead } from './PersonHead';
import { RepOptions, SelectField } from './SelectField';
import { SignatureOffer } from './SignatureOffer';

/**
 * A contact in the sidebar, compact: who they are, their company and stage, the next follow-up and the open deals
 * first; phones, addresses, source, owner and the last activities behind "More".
 */
export function ContactCard({
  card,
  person,
  settings,
  pipelines,
  sources,
  reps,
  propertyDefs,
  thread,
  toaster,
}: {
  card: ContactCardView;
  person: SnapshotParticipant;
  settings: Settings;
  pipelines: Pipeline[];
  sources: Source[];
  reps: Rep[];
  propertyDefs: CustomPropertyDef[];
  thread: WebmailSnapshot['thread'];
  toaster: Toaster;
}) {
  const { contact, company } = card;
  const [panel, setPanel] = useState<'none' | 'deal' | 'followup'>('none');
  // Follows the rep's last choice until this card's own button is used.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const more = toggled ?? moreOpen.value;
  const [error, setError] = useState<string | null>(null);
  const dealFocus = useFormFocus(panel === 'deal');
  const followUpFocus = useFormFocus(panel === 'followup');
  const update = (patch: Parameters<typeof call<'contact.update'>>[1]['patch']) =>
    call('contact.update', { id: contact.id, patch });
  const attempt = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const quick = (patch: Parameters<typeof update>[0]) => attempt(() => update(patch));
  const toggle = (which: 'deal' | 'followup') => setPanel(panel === which ? 'none' : which);
  const changes = useRecordChanges('contacts', contact.id, contact.updatedAt);
  const ids = { more: `more-${contact.id}`, deal: `new-deal-${contact.id}`, followUp: `follow-up-${contact.id}` };

  return (
    <section class="card" aria-label={t('card_of', { name: contact.name })}>
      <PersonHead person={person} name={contact.name}>
        <EditableField label={t('contact_name')} hideLabel value={contact.name} onSave={(name) => update({ name })} />
      </PersonHead>
      <ChangedBy changes={changes} timeZone={settings.timeZone} />

      <div class="card-fields">
        <EditableField
          label={t('contact_job_title')}
          value={contact.jobTitle}
          onSave={(jobTitle) => update({ jobTitle })}
        />
        <EditableField
          label={t('contact_company')}
          value={company?.name ?? ''}
          onSave={async (name) => {
            if (company) await call('company.update', { id: company.id, patch: { name } });
          }}
        />
        <SelectField
          id={`lifecycle-${contact.id}`}
          label={t('contact_lifecycle')}
          value={contact.lifecycle}
          onChange={(value) => void quick({ lifecycle: value as LifecycleStage })}
        >
          <LifecycleOptions />
        </SelectField>
      </div>
      <ErrorText message={error} />
      <SignatureOffer contact={contact} messages={thread?.messages ?? []} />

      <div class="card-section">
        <h3>{t('task_next')}</h3>
        {card.nextTask ? (
          <p class="next-task">
            <Icon name="clock" />
            <span>
              {card.nextTask.title} — {formatDateTime(card.nextTask.dueAt, settings.timeZone)}
              {card.nextTask.kind === 'no-reply' ? <span class="badge"> {t('task_no_reply_badge')}</span> : null}
            </span>
          </p>
        ) : (
          <p class="muted">{t('task_none')}</p>
        )}
      </div>

      <div class="card-section">
        <h3>{t('deals_open')}</h3>
        <DealList
          deals={card.openDeals}
          pipelines={pipelines}
          reps={reps}
          timeZone={settings.timeZone}
          toaster={toaster}
        />
      </div>

      <div class="card-actions">
        <button
          ref={followUpFocus.opener}
          type="button"
          class="tonal"
          aria-expanded={panel === 'followup'}
          aria-controls={ids.followUp}
          onClick={() => toggle('followup')}
        >
          <Icon name="clock" />
          {t('followup_title')}
        </button>
        <button
          ref={dealFocus.opener}
          type="button"
          class="tonal"
          aria-expanded={panel === 'deal'}
          aria-controls={ids.deal}
          onClick={() => toggle('deal')}
        >
          <Icon name="plus" />
          {t('deal_new')}
        </button>
      </div>
      <div ref={followUpFocus.panel} id={ids.followUp} hidden={panel !== 'followup'}>
        {panel === 'followup' ? (
          <FollowUpForm
            title={t('followup_default_title', { name: contact.name })}
            contactId={contact.id}
            inThread={thread !== null}
            timeZone={settings.timeZone}
            onDone={(task) => {
              setPanel('none');
              if (task) {
                const when = formatDateTime(task.dueAt, settings.timeZone);
                toaster.notify(t('toast_followup_set', { title: task.title, when }));
              }
            }}
          />
        ) : null}
      </div>
      <div ref={dealFocus.panel} id={ids.deal} hidden={panel !== 'deal'}>
        {panel === 'deal' ? (
          <NewDealForm
            subject={thread?.subject ?? ''}
            contactIds={[contact.id]}
            companyId={company?.id ?? null}
            threadId={thread?.id ?? null}
            settings={settings}
            pipelines={pipelines}
            onDone={(deal) => {
              setPanel('none');
              if (deal) {
                toaster.notify(t('toast_deal_created', { title: deal.title }), () =>
                  call('deal.setDeleted', { id: deal.id, deleted: true }),
                );
              }
            }}
          />
        ) : null}
      </div>

      <button
        type="button"
        class="disclosure"
        aria-expanded={more}
        aria-controls={ids.more}
        onClick={() => {
          setToggled(!more);
          rememberMore(!more);
        }}
      >
        {t('card_more')}
        <Icon name="chevron" />
      </button>
      <div id={ids.more} class="more" hidden={!more}>
        {more ? (
          <>
            <PhonesField phones={contact.phones} onSave={(phones) => update({ phones })} />
            <EmailsField emails={contact.emails} onSave={(emails) => update({ emails })} />
            <SelectField
              id={`source-${contact.id}`}
              label={t('contact_source')}
              value={contact.sourceId ?? ''}
              onChange={(value) => void quick({ sourceId: value || null })}
            >
              <SourceOptions sources={sources} />
            </SelectField>
            {reps.length > 0 ? (
              <SelectField
                id={`owner-${contact.id}`}
                label={t('contact_owner')}
                value={contact.ownerId ?? ''}
                onChange={(value) => void quick({ ownerId: value || null })}
              >
                <RepOptions reps={reps} />
              </SelectField>
            ) : null}
            {company && reps.length > 0 ? (
              <SelectField
                id={`company-owner-${contact.id}`}
                label={t('company_owner')}
                value={company.ownerId ?? ''}
                onChange={(value) =>
                  void attempt(() => call('company.update', { id: company.id, patch: { ownerId: value || null } }))
                }
              >
                <RepOptions reps={reps} />
              </SelectField>
            ) : null}
            <CustomValues defs={propertyDefs} values={contact.custom} />
            <h3>{t('activities_title')}</h3>
            <ActivityList activities={card.recentActivities} timeZone={settings.timeZone} />
            <button
              type="button"
              class="link small"
              onClick={() => window.open(dashboardUrl('contact', contact.id), '_blank')}
            >
              {t('deal_open_record')}
              <Icon name="external" />
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}
