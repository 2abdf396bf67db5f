import { useState } from 'preact/hooks';
import { hashFor } from '@/lib/dashboard/links';
import type { Competitor } from '@/lib/model';
import { dealsWithCompetitor } from '@/lib/winloss/store';
import { call } from '@/lib/worker/client';
import { EditableField } from '../../EditableField';
import { money } from '../../format';
import { t } from '../../i18n';
import { ConfirmButton } from '../ConfirmButton';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';

/** #/competitor/<id>: who they are, what the team knows of them, the deals they were on and those they took. */
export function CompetitorPage({ app, param }: ViewProps) {
  const id = param ?? '';
  const [asking, setAsking] = useState(false);
  const data = useRead(
    app,
    async (db) => {
      const competitor = await db.get('competitors', id);
      if (!competitor || competitor.deletedAt !== null) return null;
      return { competitor, deals: await dealsWithCompetitor(db, id) };
    },
    [id],
  );
  if (data === undefined) return <p class="muted">{t('loading')}</p>;
  if (data === null) return <p class="notice">{t('dash_record_gone')}</p>;
  const { competitor, deals } = data;
  const save = (patch: Partial<Competitor>) => call('competitor.save', { ...competitor, ...patch });
  const took = deals.filter((deal) => deal.lostToCompetitorId === id);
  const beaten = deals.filter((deal) => deal.status === 'won');

  return (
    <article aria-labelledby="competitor-title">
      <p>
        <a href={hashFor('competitors')}>{t('winloss_competitors_all')}</a>
      </p>
      <h2 id="competitor-title">{competitor.name}</h2>
      <div class="record-grid">
        <section aria-label={t('dash_details')}>
          <EditableField
            label={t('winloss_competitor_name')}
            value={competitor.name}
            onSave={(name) => save({ name })}
          />
          <EditableField
            label={t('winloss_competitor_website')}
            value={competitor.website}
            onSave={(website) => save({ website })}
          />
          <label class="stack">
            {t('winloss_competitor_notes')}
            <textarea
              rows={6}
              maxLength={5000}
              value={competitor.notes}
              onChange={(e) => void app.attempt(() => save({ notes: e.currentTarget.value }))}
            />
          </label>
          {asking ? (
            <ConfirmButton
              question={t('winloss_competitor_remove_confirm', { name: competitor.name })}
              confirmLabel={t('winloss_competitor_remove')}
              onCancel={() => setAsking(false)}
              onConfirm={() =>
                void app.attempt(async () => {
                  await save({ deletedAt: Date.now() });
                  location.hash = hashFor('competitors');
                })
              }
            />
          ) : (
            <div class="row">
              <button type="button" onClick={() => setAsking(true)}>
                {t('winloss_competitor_remove')}
              </button>
            </div>
          )}
        </section>
        <section aria-labelledby="competitor-deals">
          <h3 id="competitor-deals">{t('winloss_competitor_deals')}</h3>
          <p class="muted">
            {t('winloss_competitor_record', { faced: deals.length, won: beaten.length, took: took.length })}
          </p>
          {deals.length === 0 ? <p class="muted">{t('winloss_competitor_no_deals')}</p> : null}
          <ul class="plain">
            {deals.map((deal) => (
              <li key={deal.id}>
                <a href={hashFor('deal', deal.id)} class="name">
                  {deal.title}
                </a>{' '}
                <span class="muted">
                  {money(deal.value)} ·{' '}
                  {deal.lostToCompetitorId === id ? t('winloss_they_won') : t(`dash_status_${deal.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
