import { useState } from 'preact/hooks';
import { hashFor } from '@/lib/dashboard/links';
import type { Deal } from '@/lib/model';
import { reasonName } from '@/lib/model';
import { allReasonsAndCompetitors } from '@/lib/winloss/store';
import { CloseDealForm, type DealPatch } from '../../CloseDealForm';
import { language, t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { useRead } from '../use-read';

/**
 * A deal's page, on win and loss: closing it with its reason (and, lost, the competitor it went to), why a closed
 * one closed, and the competitors the customer is also talking to.
 */
export function DealWinLoss({
  app,
  deal,
  onPatch,
}: {
  app: Dashboard;
  deal: Deal;
  onPatch(patch: DealPatch): Promise<unknown>;
}) {
  const [closing, setClosing] = useState<'won' | 'lost' | null>(null);
  const named = useRead(app, allReasonsAndCompetitors, []);
  const competitors = named?.competitors ?? [];
  const liveCompetitors = competitors.filter((c) => c.deletedAt === null);
  const on = deal.competitorIds ?? [];
  const nameOf = (id: string) => competitors.find((c) => c.id === id)?.name ?? t('winloss_competitor_gone');
  const reason = named?.reasons.find((r) => r.id === deal.closeReasonId);
  const reasonText = reason
    ? reasonName(reason, language.value)
    : (deal.closeReasonOther ?? '') || (deal.status === 'lost' ? deal.lostReason : '');

  return (
    <div class="stack">
      {deal.status === 'open' ? (
        <>
          <div class="row">
            {(['won', 'lost'] as const).map((outcome) => (
              <button
                key={outcome}
                type="button"
                class={outcome === 'won' ? 'primary' : undefined}
                aria-expanded={closing === outcome}
                onClick={() => setClosing(closing === outcome ? null : outcome)}
              >
                {t(outcome === 'won' ? 'deal_mark_won' : 'deal_mark_lost')}
              </button>
            ))}
          </div>
          {closing ? <CloseDealForm deal={deal} outcome={closing} onClose={onPatch} /> : null}
        </>
      ) : (
        <div class="row">
          {reasonText ? (
            <span class="subject">
              {t(deal.status === 'won' ? 'winloss_won_because' : 'winloss_lost_because', { reason: reasonText })}
            </span>
          ) : null}
          {deal.lostToCompetitorId ? (
            <span>
              {t('winloss_lost_to_label')}{' '}
              <a href={hashFor('competitor', deal.lostToCompetitorId)}>{nameOf(deal.lostToCompetitorId)}</a>
            </span>
          ) : null}
          <button type="button" onClick={() => void onPatch({ status: 'open' })}>
            {t('dash_reopen')}
          </button>
        </div>
      )}
      <div class="field">
        <span class="field-label">{t('winloss_also_talking_to')}</span>
        {on.length === 0 ? <span class="muted">{t('winloss_no_competitors_on_deal')}</span> : null}
        <ul class="plain">
          {on.map((id) => (
            <li key={id}>
              <a href={hashFor('competitor', id)}>{nameOf(id)}</a>{' '}
              {deal.lostToCompetitorId === id ? null : (
                <button
                  type="button"
                  class="link"
                  aria-label={t('winloss_remove_competitor_named', { name: nameOf(id) })}
                  onClick={() => void onPatch({ competitorIds: on.filter((x) => x !== id) })}
                >
                  {t('dash_unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {liveCompetitors.some((c) => !on.includes(c.id)) ? (
          <label>
            {t('winloss_add_competitor')}
            <select
              value=""
              onChange={(e) => {
                const id = e.currentTarget.value;
                if (id) void onPatch({ competitorIds: [...on, id] });
              }}
            >
              <option value="">{t('winloss_pick_competitor')}</option>
              {liveCompetitors
                .filter((c) => !on.includes(c.id))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
          </label>
        ) : (
          <a href={hashFor('competitors')}>{t('winloss_manage_competitors')}</a>
        )}
      </div>
    </div>
  );
}
