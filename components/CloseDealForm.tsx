import { useEffect, useState } from 'preact/hooks';
import type { CloseReason, Competitor, Deal } from '@/lib/model';
import { newRecordBase, reasonName } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { ErrorText } from './ErrorText';
import { errorText } from './format';
import { language, t } from './i18n';

export type DealPatch = Parameters<typeof call<'deal.update'>>[1]['patch'];

const OTHER = 'other';
const NEW_COMPETITOR = 'new';

/** The business's reasons and competitors, read when a close form opens (both lists are short). */
function useWinLossLists() {
  const [lists, setLists] = useState<{ reasons: CloseReason[]; competitors: Competitor[] } | null>(null);
  useEffect(() => {
    void Promise.all([call('closeReasons.list', {}), call('competitors.list', {})]).then(
      ([reasons, competitors]) => setLists({ reasons, competitors }),
      () => setLists({ reasons: [], competitors: [] }),
    );
  }, []);
  return lists;
}

/**
 * Closing a deal: why it was won or lost, from the business's list or in the rep's own words ("Other"), and for a
 * lost deal the competitor it went to, picked or named on the spot. `onClose` gets the patch that closes it.
 */
export function CloseDealForm({
  deal,
  outcome,
  onClose,
}: {
  deal: Pick<Deal, 'title' | 'competitorIds'>;
  outcome: 'won' | 'lost';
  onClose(patch: DealPatch): Promise<unknown>;
}) {
  const lists = useWinLossLists();
  const [reasonId, setReasonId] = useState('');
  const [other, setOther] = useState('');
  const [competitorId, setCompetitorId] = useState('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasons = (lists?.reasons ?? []).filter((reason) => reason.outcome === outcome);
  const label = t(outcome === 'won' ? 'winloss_close_won_named' : 'winloss_close_lost_named', { title: deal.title });

  const competitorFor = async (): Promise<string | null> => {
    if (outcome !== 'lost' || competitorId === '') return null;
    if (competitorId !== NEW_COMPETITOR) return competitorId;
    const now = Date.now();
    const created = await call('competitor.save', { ...newRecordBase(now), name: newName, website: '', notes: '' });
    return created.id;
  };

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const lostTo = await competitorFor();
      const listed = reasons.find((reason) => reason.id === reasonId);
      const words = listed ? listed.name : other.trim();
      const on = deal.competitorIds ?? [];
      await onClose({
        status: outcome,
        closeReasonId: listed ? listed.id : null,
        closeReasonOther: listed ? '' : other.trim(),
        lostReason: outcome === 'lost' ? words : '',
        lostToCompetitorId: lostTo,
        competitorIds: lostTo && !on.includes(lostTo) ? [...on, lostTo] : on,
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="stack card-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t(outcome === 'won' ? 'winloss_why_won' : 'winloss_why_lost')}
        <select required value={reasonId} onChange={(e) => setReasonId(e.currentTarget.value)}>
          <option value="" disabled>
            {lists === null ? t('loading') : t('winloss_choose_reason')}
          </option>
          {reasons.map((reason) => (
            <option key={reason.id} value={reason.id}>
              {reasonName(reason, language.value)}
            </option>
          ))}
          <option value={OTHER}>{t('winloss_reason_other')}</option>
        </select>
      </label>
      {reasonId === OTHER ? (
        <label>
          {t('winloss_reason_in_words')}
          <input required maxLength={500} value={other} onInput={(e) => setOther(e.currentTarget.value)} />
        </label>
      ) : null}
      {outcome === 'lost' ? (
        <label>
          {t('winloss_lost_to')}
          <select value={competitorId} onChange={(e) => setCompetitorId(e.currentTarget.value)}>
            <option value="">{t('winloss_no_competitor')}</option>
            {(lists?.competitors ?? []).map((competitor) => (
              <option key={competitor.id} value={competitor.id}>
                {competitor.name}
              </option>
            ))}
            <option value={NEW_COMPETITOR}>{t('winloss_new_competitor')}</option>
          </select>
        </label>
      ) : null}
      {outcome === 'lost' && competitorId === NEW_COMPETITOR ? (
        <label>
          {t('winloss_competitor_name')}
          <input required maxLength={120} value={newName} onInput={(e) => setNewName(e.currentTarget.value)} />
        </label>
      ) : null}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t(outcome === 'won' ? 'winloss_confirm_won' : 'deal_confirm_lost')}
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
