import { useState } from 'preact/hooks';
import type { Deal, Pipeline } from '@/lib/model';
import { parseMoneyInput } from '@/lib/model';
import { calendarDayOf, instantOfCalendarDay } from '@/lib/time/calendar-day';
import { call, RpcFailure } from '@/lib/worker/client';
import { dashboardUrl } from '../browser';
import { EditableField } from '../EditableField';
import { ErrorText } from '../ErrorText';
import { errorText, money } from '../format';
import { t } from '../i18n';
import { StageSelect } from '../StageSelect';

type DealPatch = Parameters<typeof call<'deal.update'>>[1]['patch'];

function invalid(message: string): RpcFailure {
  return new RpcFailure({ code: 'invalid', message });
}

function DealItem({ deal, pipeline }: { deal: Deal; pipeline: Pipeline | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<'lost' | null>(null);
  const [reason, setReason] = useState('');
  const save = (patch: DealPatch) => call('deal.update', { id: deal.id, patch });
  const update = async (patch: DealPatch) => {
    setError(null);
    try {
      await save(patch);
      setClosing(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <li class="deal" aria-label={deal.title}>
      <div class="deal-head">
        <strong>{deal.title}</strong> <span class="amount">{money(deal.value)}</span>
      </div>
      {pipeline ? (
        <StageSelect
          pipeline={pipeline}
          stageId={deal.stageId}
          label={t('deal_stage_of', { title: deal.title })}
          onChange={(stageId) => void update({ stageId })}
        />
      ) : null}
      <EditableField
        label={t('deal_amount_in', { currency: deal.value.currency })}
        value={money(deal.value)}
        onSave={async (text) => {
          const amount = parseMoneyInput(text, deal.value.currency);
          if (amount === null) throw invalid(t('deal_amount_invalid'));
          await save({ value: { amount, currency: deal.value.currency } });
        }}
      />
      <EditableField
        label={t('deal_close_date')}
        type="date"
        value={calendarDayOf(deal.expectedCloseAt)}
        onSave={async (text) => {
          const expectedCloseAt = instantOfCalendarDay(text);
          if (text !== '' && expectedCloseAt === null) throw invalid(t('followup_pick_date'));
          await save({ expectedCloseAt });
        }}
      />
      <div class="row">
        <button type="button" onClick={() => void update({ status: 'won' })}>
          {t('deal_mark_won')}
        </button>
        <button type="button" onClick={() => setClosing('lost')}>
          {t('deal_mark_lost')}
        </button>
        <button type="button" class="link" onClick={() => window.open(dashboardUrl('deal', deal.id))}>
          {t('deal_open_record')}
        </button>
      </div>
      {closing === 'lost' ? (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void update({ status: 'lost', lostReason: reason });
          }}
        >
          <label>
            {t('deal_lost_reason')}
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('deal_confirm_lost')}</button>
        </form>
      ) : null}
      <ErrorText message={error} />
    </li>
  );
}

export function DealList({ deals, pipelines }: { deals: Deal[]; pipelines: Pipeline[] }) {
  if (deals.length === 0) return <p class="muted">{t('deals_none')}</p>;
  return (
    <ul class="deals" aria-label={t('deals_open')}>
      {deals.map((deal) => (
        <DealItem key={deal.id} deal={deal} pipeline={pipelines.find((p) => p.id === deal.pipelineId)} />
      ))}
    </ul>
  );
}
