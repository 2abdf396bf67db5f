import { useState } from 'preact/hooks';
import type { CrmDb } from '@/lib/db/schema';
import { searchContacts } from '@/lib/db/search';
import type { MergeSummary } from '@/lib/merges/store';
import type { Contact } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { formatDateTime, t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { type PickerOption, RecordPicker } from './RecordPicker';

const pickLabel = (c: Contact) => (c.emails[0] ? `${c.name} — ${c.emails[0].address}` : c.name);

/**
 * Merging a duplicate into the open contact, after a confirmation that says what moves, and undoing it: at once
 * from the toast, or later from the list of merges into this contact.
 */
export function MergeSection({
  app,
  db,
  contact,
  merges,
  suggestions,
}: {
  app: Dashboard;
  db: CrmDb;
  contact: Contact;
  merges: MergeSummary[];
  /** Other contacts with the same name (possibleDuplicates). */
  suggestions: Contact[];
}) {
  const [duplicate, setDuplicate] = useState<PickerOption | null>(null);
  const [busy, setBusy] = useState(false);
  const unmerge = (mergeId: string, name: string) =>
    app.attempt(async () => {
      await call('contact.unmerge', { mergeId });
      app.notify(t('dash_unmerged_named', { name }));
    });
  const merge = async (dropId: string, name: string) => {
    setBusy(true);
    try {
      const done = await app.undoable(
        () => call('contact.merge', { keepId: contact.id, dropId }),
        t('dash_merged_named', { name, into: contact.name }),
        (merged) => call('contact.unmerge', { mergeId: merged.mergeId }),
      );
      if (done) setDuplicate(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="contact-merges" class="merges">
      <h3 id="contact-merges">{t('dash_duplicates')}</h3>
      {duplicate ? (
        <div class="confirm">
          <p>{t('dash_merge_confirm', { name: duplicate.label, into: contact.name })}</p>
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => void merge(duplicate.id, duplicate.label)}
            >
              {t('dash_merge')}
            </button>
            <button type="button" disabled={busy} onClick={() => setDuplicate(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {suggestions.length > 0 ? (
            <ul class="plain" aria-label={t('dash_possible_duplicates')}>
              {suggestions.map((c) => (
                <li key={c.id}>
                  <button type="button" class="link" onClick={() => setDuplicate({ id: c.id, label: pickLabel(c) })}>
                    {t('dash_review_merge', { name: pickLabel(c) })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <RecordPicker
            label={t('dash_merge_pick')}
            search={async (q) =>
              (await searchContacts(db, q, 10))
                .filter((c) => c.id !== contact.id)
                .map((c) => ({ id: c.id, label: pickLabel(c) }))
            }
            onPick={setDuplicate}
          />
        </>
      )}
      {merges.length > 0 ? (
        <ul class="plain" aria-label={t('dash_merged_here')}>
          {merges.map((m) => (
            <li key={m.id}>
              {t('dash_merged_on', { name: m.dropName, date: formatDateTime(m.mergedAt, app.timeZone.value) })}{' '}
              <button
                type="button"
                class="link"
                aria-label={t('dash_unmerge_named', { name: m.dropName })}
                onClick={() => void unmerge(m.id, m.dropName)}
              >
                {t('dash_unmerge')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
