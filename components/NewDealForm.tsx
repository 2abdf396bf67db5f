import { useState } from 'preact/hooks';
import type { Deal, Pipeline, Settings } from '@/lib/model';
import { parseMoneyInput } from '@/lib/model';
import { instantOfCalendarDay } from '@/lib/time/calendar-day';
import { call } from '@/lib/worker/client';
import { FormFooter } from './FormFooter';
import { errorText } from './format';
import { t } from './i18n';
import { PipelineSelect } from './PipelineSelect';
import { StageSelect } from './StageSelect';

/** A deal from the open thread: title from the subject, contacts and company from the card. */
export function NewDealForm({
  subject,
  contactIds,
  companyId,
  threadId,
  settings,
  pipelines,
  onDone,
}: {
  subject: string;
  contactIds: string[];
  companyId: string | null;
  threadId: string | null;
  settings: Settings;
  pipelines: Pipeline[];
  /** Called with the new deal once it is saved, without one when the rep cancels. */
  onDone(created?: Deal): void;
}) {
  const firstPipeline = pipelines.find((p) => p.id === settings.defaultPipelineId) ?? pipelines[0];
  const [title, setTitle] = useState(subject);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(settings.defaultCurrency);
  const [pipelineId, setPipelineId] = useState(firstPipeline?.id ?? '');
  const pipeline = pipelines.find((p) => p.id === pipelineId) ?? firstPipeline;
  const [stageId, setStageId] = useState(pipeline?.stages[0]?.id ?? '');
  const [closeDate, setCloseDate] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (!pipeline) return <p class="muted">{t('pipelines_none')}</p>;

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const minor = amount.trim() === '' ? 0 : parseMoneyInput(amount, currency);
    if (minor === null) return setError(t('deal_amount_invalid'));
    try {
      const created = await call('deal.create', {
        title,
        pipelineId: pipeline.id,
        stageId: pipeline.stages.some((s) => s.id === stageId) ? stageId : pipeline.stages[0]!.id,
        value: { amount: minor, currency },
        contactIds,
        companyId,
        threadId,
        expectedCloseAt: instantOfCalendarDay(closeDate),
        ownerId: settings.currentRepId,
      });
      onDone(created);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <form class="stack card-form" onSubmit={submit} aria-label={t('deal_new')}>
      <label>
        {t('deal_title')}
        <input required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <div class="row">
        <label class="grow">
          {t('deal_amount')}
          <input inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </label>
        <label>
          {t('deal_currency')}
          <select value={currency} onChange={(e) => setCurrency(e.currentTarget.value)}>
            {settings.enabledCurrencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
      </div>
      {pipelines.length > 1 ? (
        <PipelineSelect pipelines={pipelines} value={pipelineId} onChange={setPipelineId} />
      ) : null}
      <StageSelect pipeline={pipeline} stageId={stageId} onChange={setStageId} label={t('deal_stage')} />
      <label>
        {t('deal_close_date')}
        <input type="date" value={closeDate} onInput={(e) => setCloseDate(e.currentTarget.value)} />
      </label>
      <FormFooter error={error} submitLabel={t('deal_create')} onCancel={() => onDone()} />
    </form>
  );
}
