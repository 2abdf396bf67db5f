import { useState } from 'preact/hooks';
import { hashFor } from '@/lib/dashboard/links';
import { newRecordBase } from '@/lib/model';
import { listCompetitors } from '@/lib/winloss/store';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import { AddForm } from '../settings/AddForm';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';

/** #/competitors: the businesses the team meets on deals, and adding one. */
export function CompetitorsView({ app }: ViewProps) {
  const competitors = useRead(app, listCompetitors, []);
  const [name, setName] = useState('');
  const [website, setWebsite] = useState('');
  return (
    <section aria-labelledby="competitors-title">
      <h2 id="competitors-title">{t('winloss_competitors_title')}</h2>
      <p class="muted">{t('winloss_competitors_intro')}</p>
      {competitors === undefined ? <p class="muted">{t('loading')}</p> : null}
      {competitors?.length === 0 ? <p class="muted">{t('winloss_competitors_none')}</p> : null}
      <ul class="plain" aria-label={t('winloss_competitors_title')}>
        {(competitors ?? []).map((competitor) => (
          <li key={competitor.id}>
            <a href={hashFor('competitor', competitor.id)} class="name">
              {competitor.name}
            </a>
            {competitor.website ? <span class="muted"> · {competitor.website}</span> : null}
          </li>
        ))}
      </ul>
      <h3>{t('winloss_competitor_add')}</h3>
      <AddForm
        app={app}
        submitLabel={t('winloss_competitor_add')}
        add={() => call('competitor.save', { ...newRecordBase(Date.now()), name, website, notes: '' })}
        onAdded={() => {
          setName('');
          setWebsite('');
        }}
      >
        <label>
          {t('winloss_competitor_name')}
          <input required maxLength={120} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('winloss_competitor_website')}
          <input maxLength={300} value={website} onInput={(e) => setWebsite(e.currentTarget.value)} />
        </label>
      </AddForm>
    </section>
  );
}
