import { hashFor } from '@/lib/dashboard/links';
import { searchContacts } from '@/lib/db/search';
import { contactsByIds, getRecord, tasksFor, timeline } from '@/lib/db/views';
import { parseMoneyInput } from '@/lib/model';
import { calendarDayOf, instantOfCalendarDay } from '@/lib/time/calendar-day';
import { call } from '@/lib/worker/client';
import { EditableField } from '../../EditableField';
import { money } from '../../format';
import { t } from '../../i18n';
import { PipelineSelect } from '../../PipelineSelect';
import { StageSelect } from '../../StageSelect';
import { DealWinLoss } from '../competitors/DealWinLoss';
import { RepSelect } from '../RepSelect';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { CompanyField } from './CompanyField';
import { CustomFields } from './CustomFields';
import { RecordActivity } from './RecordActivity';
import { RecordPage } from './RecordPage';
import { RecordPicker } from './RecordPicker';

type DealPatch = Parameters<typeof call<'deal.update'>>[1]['patch'];

export function DealPage({ app, param }: ViewProps) {
  const id = param ?? '';
  const data = useRead(
    app,
    async (db) => {
      const deal = await getRecord(db, 'deals', id);
      if (!deal) return null;
      const [company, contacts, activities, tasks] = await Promise.all([
        deal.companyId ? getRecord(db, 'companies', deal.companyId) : null,
        contactsByIds(db, deal.contactIds),
        timeline(db, { dealId: id }),
        tasksFor(db, { dealIds: [id] }),
      ]);
      return { deal, company, contacts, activities, tasks };
    },
    [id],
  );
  if (data === undefined) return <p class="muted">{t('loading')}</p>;
  if (data === null) return <p class="notice">{t('dash_record_gone')}</p>;
  const { deal, company } = data;
  const settings = app.settings.value!;
  const update = (patch: DealPatch) => call('deal.update', { id, patch });
  const quick = (patch: DealPatch) => void app.attempt(() => update(patch));
  const defs = app.propertyDefs.value.filter((d) => d.entity === 'deal');
  const pipeline = app.pipelines.value.find((p) => p.id === deal.pipelineId);
  const db = app.db.value!;
  const currencies = [...new Set([...settings.enabledCurrencies, deal.value.currency])];

  return (
    <RecordPage
      app={app}
      entity="deals"
      id={id}
      name={deal.title}
      title={
        <>
          {deal.title} <span class="badge">{t(`dash_status_${deal.status}`)}</span>
        </>
      }
    >
      <div class="record-grid">
        <section aria-labelledby="deal-fields">
          <h3 id="deal-fields">{t('dash_details')}</h3>
          <EditableField label={t('deal_title')} value={deal.title} onSave={(title) => update({ title })} />
          <div class="row">
            <EditableField
              label={t('deal_amount')}
              value={money(deal.value)}
              onSave={async (text) => {
                const amount = parseMoneyInput(text, deal.value.currency);
                if (amount === null) throw new Error(t('deal_amount_invalid'));
                await update({ value: { amount, currency: deal.value.currency } });
              }}
            />
            <label>
              {t('deal_currency')}
              <select
                value={deal.value.currency}
                onChange={(e) => quick({ value: { amount: deal.value.amount, currency: e.currentTarget.value } })}
              >
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="row">
            <PipelineSelect
              pipelines={app.pipelines.value}
              value={deal.pipelineId}
              onChange={(pipelineId) => {
                const next = app.pipelines.value.find((p) => p.id === pipelineId);
                if (next?.stages[0]) quick({ pipelineId: next.id, stageId: next.stages[0].id });
              }}
            />
            {pipeline ? (
              <div class="field">
                <span class="field-label">{t('deal_stage')}</span>
                <StageSelect pipeline={pipeline} stageId={deal.stageId} onChange={(stageId) => quick({ stageId })} />
              </div>
            ) : null}
          </div>
          <div class="row">
            <label>
              {t('deal_close_date')}
              <input
                type="date"
                value={calendarDayOf(deal.expectedCloseAt)}
                onChange={(e) => quick({ expectedCloseAt: instantOfCalendarDay(e.currentTarget.value) })}
              />
            </label>
            <label>
              {t('dash_probability')}
              <input
                type="number"
                min={0}
                max={100}
                value={deal.probabilityOverride === null ? '' : Math.round(deal.probabilityOverride * 100)}
                placeholder={String(
                  Math.round((pipeline?.stages.find((s) => s.id === deal.stageId)?.probability ?? 0) * 100),
                )}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  quick({ probabilityOverride: v === '' ? null : Math.min(100, Math.max(0, Number(v))) / 100 });
                }}
              />
            </label>
            <RepSelect
              label={t('dash_owner')}
              reps={app.reps.value}
              value={deal.ownerId}
              onChange={(ownerId) => quick({ ownerId })}
            />
          </div>
          <DealWinLoss app={app} deal={deal} onPatch={(patch) => app.attempt(() => update(patch))} />
          <CompanyField db={db} company={company} onLink={(companyId) => quick({ companyId })} />
          <h3>{t('dash_nav_contacts')}</h3>
          <ul class="plain">
            {data.contacts.map((c) => (
              <li key={c.id}>
                <a href={hashFor('contact', c.id)} class="name">
                  {c.name}
                </a>{' '}
                <button
                  type="button"
                  class="link"
                  aria-label={t('dash_unlink_named', { name: c.name })}
                  onClick={() => quick({ contactIds: deal.contactIds.filter((x) => x !== c.id) })}
                >
                  {t('dash_unlink')}
                </button>
              </li>
            ))}
          </ul>
          <RecordPicker
            label={t('dash_link_contact')}
            search={async (q) =>
              (await searchContacts(db, q, 10))
                .filter((c) => !deal.contactIds.includes(c.id))
                .map((c) => ({ id: c.id, label: c.emails[0] ? `${c.name} <${c.emails[0].address}>` : c.name }))
            }
            onPick={(o) => quick({ contactIds: [...deal.contactIds, o.id] })}
          />
          <h3>{t('dash_custom_properties')}</h3>
          <CustomFields
            idPrefix={`deal-${id}`}
            defs={defs}
            values={deal.custom}
            onSave={(custom) => update({ custom })}
          />
        </section>
        <section aria-labelledby="deal-activity">
          <RecordActivity
            app={app}
            link={{ dealId: id, contactId: deal.contactIds[0], companyId: deal.companyId ?? undefined }}
            tasks={data.tasks}
            activities={data.activities}
            headingId="deal-activity"
          />
        </section>
      </div>
    </RecordPage>
  );
}
