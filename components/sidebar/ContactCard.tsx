import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { LifecycleStage, Pipeline, Rep, Settings, Source } from '@/lib/model';
import { call } from '@/lib/worker/client';
import type { ContactCardView } from '@/lib/worker/contract';
import { EditableField } from '../EditableField';
import { ErrorText } from '../ErrorText';
import { errorText } from '../format';
import { formatDateTime, t } from '../i18n';
import { LifecycleOptions } from '../LifecycleOptions';
import { NewDealForm } from '../NewDealForm';
import { PhonesField } from '../PhonesField';
import { SourceOptions } from '../SourceOptions';
import { ActivityList } from './ActivityList';
import { DealList } from './DealList';
import { FollowUpForm } from './FollowUpForm';

/** A select under its label, laid out like the card's editable fields. */
function SelectField({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}

export function ContactCard({
  card,
  settings,
  pipelines,
  sources,
  reps,
  thread,
}: {
  card: ContactCardView;
  settings: Settings;
  pipelines: Pipeline[];
  sources: Source[];
  reps: Rep[];
  thread: { id: string; subject: string } | null;
}) {
  const { contact, company } = card;
  const [panel, setPanel] = useState<'none' | 'deal' | 'followup'>('none');
  const [error, setError] = useState<string | null>(null);
  const update = (patch: Parameters<typeof call<'contact.update'>>[1]['patch']) =>
    call('contact.update', { id: contact.id, patch });
  const quick = async (patch: Parameters<typeof update>[0]) => {
    setError(null);
    try {
      await update(patch);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section class="card" aria-label={t('card_of', { name: contact.name })}>
      <EditableField label={t('contact_name')} value={contact.name} onSave={(name) => update({ name })} />
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
      <PhonesField phones={contact.phones} onSave={(phones) => update({ phones })} />
      <SelectField
        id={`lifecycle-${contact.id}`}
        label={t('contact_lifecycle')}
        value={contact.lifecycle}
        onChange={(value) => void quick({ lifecycle: value as LifecycleStage })}
      >
        <LifecycleOptions />
      </SelectField>
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
          <option value="">{t('field_empty')}</option>
          {reps.map((rep) => (
            <option key={rep.id} value={rep.id}>
              {rep.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <ErrorText message={error} />

      <h3>{t('deals_open')}</h3>
      <DealList deals={card.openDeals} pipelines={pipelines} />
      {panel === 'deal' ? (
        <NewDealForm
          subject={thread?.subject ?? ''}
          contactIds={[contact.id]}
          companyId={company?.id ?? null}
          threadId={thread?.id ?? null}
          settings={settings}
          pipelines={pipelines}
          onDone={() => setPanel('none')}
        />
      ) : (
        <button type="button" onClick={() => setPanel('deal')}>
          {t('deal_new')}
        </button>
      )}

      <h3>{t('task_next')}</h3>
      {card.nextTask ? (
        <p>
          {card.nextTask.title} — {formatDateTime(card.nextTask.dueAt, settings.timeZone)}
          {card.nextTask.kind === 'no-reply' ? <span class="badge"> {t('task_no_reply_badge')}</span> : null}
        </p>
      ) : (
        <p class="muted">{t('task_none')}</p>
      )}
      {panel === 'followup' ? (
        <FollowUpForm
          title={t('followup_default_title', { name: contact.name })}
          contactId={contact.id}
          inThread={thread !== null}
          timeZone={settings.timeZone}
          onDone={() => setPanel('none')}
        />
      ) : (
        <button type="button" onClick={() => setPanel('followup')}>
          {t('followup_title')}
        </button>
      )}

      <h3>{t('activities_title')}</h3>
      <ActivityList activities={card.recentActivities} timeZone={settings.timeZone} />
    </section>
  );
}
