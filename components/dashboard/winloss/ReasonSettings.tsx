import { useState } from 'preact/hooks';
import type { CloseOutcome, CloseReason } from '@/lib/model';
import { newRecordBase } from '@/lib/model';
import { listCloseReasons } from '@/lib/winloss/store';
import { call } from '@/lib/worker/client';
import { EditableField } from '../../EditableField';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { AddForm } from '../settings/AddForm';
import { RemoveButton } from '../settings/RemoveButton';
import { useRead } from '../use-read';

/** One of the two lists: each reason in English and Khmer, renamed in place, removed, or added at the end. */
function ReasonList({ app, outcome, reasons }: { app: Dashboard; outcome: CloseOutcome; reasons: CloseReason[] }) {
  const [name, setName] = useState('');
  const [nameKm, setNameKm] = useState('');
  const save = (reason: CloseReason) => call('closeReason.save', reason);
  const heading = t(outcome === 'won' ? 'winloss_reasons_won' : 'winloss_reasons_lost');
  return (
    <div class="stack">
      <h4>{heading}</h4>
      <ul class="plain" aria-label={heading}>
        {reasons.map((reason) => (
          <li key={reason.id} class="row">
            <div class="grow">
              <EditableField
                label={t('winloss_reason_en')}
                value={reason.name}
                onSave={(next) => save({ ...reason, name: next })}
              />
            </div>
            <div class="grow">
              <EditableField
                label={t('winloss_reason_km')}
                value={reason.nameKm}
                onSave={(next) => save({ ...reason, nameKm: next })}
              />
            </div>
            <RemoveButton app={app} name={reason.name} setDeletedAt={(deletedAt) => save({ ...reason, deletedAt })} />
          </li>
        ))}
      </ul>
      <AddForm
        app={app}
        submitLabel={t('dash_add')}
        add={() =>
          save({
            ...newRecordBase(Date.now()),
            outcome,
            name: name.trim(),
            nameKm: nameKm.trim(),
            order: Math.max(-1, ...reasons.map((r) => r.order)) + 1,
          })
        }
        onAdded={() => {
          setName('');
          setNameKm('');
        }}
      >
        <label>
          {t('winloss_reason_en')}
          <input required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('winloss_reason_km')}
          <input maxLength={80} value={nameKm} onInput={(e) => setNameKm(e.currentTarget.value)} />
        </label>
      </AddForm>
    </div>
  );
}

/** Settings → why deals are won and lost: the business's two lists, shared with the team. */
export function ReasonSettings({ app }: { app: Dashboard }) {
  const reasons = useRead(app, listCloseReasons, []) ?? [];
  return (
    <section class="settings-section" aria-labelledby="reasons-title">
      <h3 id="reasons-title">{t('winloss_reasons_title')}</h3>
      <p class="muted">{t('winloss_reasons_help')}</p>
      {(['won', 'lost'] as const).map((outcome) => (
        <ReasonList
          key={outcome}
          app={app}
          outcome={outcome}
          reasons={reasons.filter((reason) => reason.outcome === outcome)}
        />
      ))}
    </section>
  );
}
