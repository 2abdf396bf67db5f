import { useState } from 'preact/hooks';
import type { Deal, Pipeline, Rep } from '@/lib/model';
import { parseMoneyInput } from '@/lib/model';
import { calendarDayOf, instantOfCalendarDay } from '@/lib/time/calendar-day';
import { call, RpcFailure } from '@/lib/worker/client';
import { dashboardUrl } from '../browser';
import { ChangedBy } from '../ChangedBy';
import { CloseDealForm, type DealPatch } from '../CloseDealForm';
import { EditableField } from '../EditableField';
import { ErrorText } from '../ErrorText';
import { useFormFocus } from '../form-focus';
import { errorText, money } from '../format';
import { formatCalendarDay, t } from '../i18n';
import { Icon } from '../icons';
import { useRecordChanges } from '../record-changes';
import { StageSelect } from '../StageSelect';
import type { Toaster } from '../toaster';
import { RepOptions, SelectField } from './SelectField';

function invalid(message: string): RpcFailure {
  return new RpcFailure({ code: 'invalid', message });
}

interface ListProps {
  reps: Rep[];
  timeZone: string;
  toaster: Toaster;
}

function DealItem({
  deal,
  pipeline,
  reps,
  timeZone,
  toaster,
}: ListProps & { deal: Deal; pipeline: Pipeline | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<'won' | 'lost' | null>(null);
  const wonFocus = useFormFocus(closing === 'won');
  const lostFocus = useFormFocus(closing === 'lost');
  const changes = useRecordChanges('deals', deal.id, deal.updatedAt);
  const save = (patch: DealPatch) => call('deal.update', { id: deal.id, patch });
  /** Saves, then says so in the toast, with the write that takes it back. */
  const update = async (patch: DealPatch, message: string, undo: DealPatch) => {
    setError(null);
    try {
      await save(patch);
      setClosing(null);
      toaster.notify(message, () => save(undo));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const stageName = (stageId: string) => pipeline?.stages.find((s) => s.id === stageId)?.name ?? '';
  return (
    <li class="deal" aria-label={deal.title}>
      <div class="deal-head">
        <strong>{deal.title}</strong>
        <button
          type="button"
          class="icon-button"
          aria-label={t('deal_open_record')}
          title={t('deal_open_record')}
          onClick={() => window.open(dashboardUrl('deal', deal.id))}
        >
          <Icon name="external" />
        </button>
      </div>
      <ChangedBy changes={changes} timeZone={timeZone} />
      {pipeline ? (
        <StageSelect
          pipeline={pipeline}
          stageId={deal.stageId}
          label={t('deal_stage_of', { title: deal.title })}
          onChange={(stageId) =>
            void update({ stageId }, t('dash_moved_to', { title: deal.title, stage: stageName(stageId) }), {
              stageId: deal.stageId,
            })
          }
        />
      ) : null}
      <div class="deal-fields">
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
          display={formatCalendarDay(deal.expectedCloseAt)}
          onSave={async (text) => {
            const expectedCloseAt = instantOfCalendarDay(text);
            if (text !== '' && expectedCloseAt === null) throw invalid(t('followup_pick_date'));
            await save({ expectedCloseAt });
          }}
        />
        {reps.length > 0 ? (
          <SelectField
            id={`deal-owner-${deal.id}`}
            label={t('contact_owner')}
            name={t('deal_owner_of', { title: deal.title })}
            value={deal.ownerId ?? ''}
            onChange={(value) => {
              setError(null);
              save({ ownerId: value || null }).catch((e: unknown) => setError(errorText(e)));
            }}
          >
            <RepOptions reps={reps} />
          </SelectField>
        ) : null}
      </div>
      <div class="row">
        <button
          ref={wonFocus.opener}
          type="button"
          class="small"
          aria-expanded={closing === 'won'}
          onClick={() => setClosing(closing === 'won' ? null : 'won')}
        >
          <Icon name="check" />
          {t('deal_mark_won')}
        </button>
        <button
          ref={lostFocus.opener}
          type="button"
          class="small"
          aria-expanded={closing === 'lost'}
          onClick={() => setClosing(closing === 'lost' ? null : 'lost')}
        >
          <Icon name="close" />
          {t('deal_mark_lost')}
        </button>
      </div>
      {closing ? (
        <div ref={closing === 'won' ? wonFocus.panel : lostFocus.panel}>
          <CloseDealForm
            deal={deal}
            outcome={closing}
            onClose={(patch) =>
              update(patch, t(closing === 'won' ? 'dash_marked_won' : 'dash_marked_lost', { title: deal.title }), {
                status: 'open',
              })
            }
          />
        </div>
      ) : null}
      <ErrorText message={error} />
    </li>
  );
}

export function DealList({ deals, pipelines, ...shared }: ListProps & { deals: Deal[]; pipelines: Pipeline[] }) {
  if (deals.length === 0) return <p class="muted">{t('deals_none')}</p>;
  return (
    <ul class="deals" aria-label={t('deals_open')}>
      {deals.map((deal) => (
        <DealItem key={deal.id} deal={deal} pipeline={pipelines.find((p) => p.id === deal.pipelineId)} {...shared} />
      ))}
    </ul>
  );
}
