import { useState } from 'preact/hooks';
import type { Contact, CustomPropertyDef, Pipeline, Rep, Settings, SnapshotParticipant, Source } from '@/lib/model';
import type { WebmailSnapshot } from '@/lib/model/snapshot';
import { call } from '@/lib/worker/client';
import type { ContactCardView } from '@/lib/worker/contract';
import { ErrorText } from '../ErrorText';
import { errorText } from '../format';
import { t } from '../i18n';
import type { Toaster } from '../toaster';
import { ContactCard } from './ContactCard';
import { PersonHead } from './PersonHead';

/** Offers to put this address on a contact the rep already has, so a second address never makes a duplicate. */
function AttachToExisting({ person }: { person: SnapshotParticipant }) {
  const [query, setQuery] = useState(person.name);
  const [matches, setMatches] = useState<Contact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      setMatches((await call('search.all', { query, limit: 5 })).contacts);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="stack attach" onSubmit={search}>
      <label>
        {t('attach_search')}
        <input value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <button type="submit">{t('search')}</button>
      {matches?.length === 0 ? <p class="muted">{t('search_none')}</p> : null}
      {matches && matches.length > 0 ? (
        <ul class="plain">
          {matches.map((contact) => (
            <li key={contact.id}>
              <button
                type="button"
                onClick={async () => {
                  try {
                    await call('contact.addEmail', { id: contact.id, email: person.email });
                  } catch (err) {
                    setError(errorText(err));
                  }
                }}
              >
                {t('attach_to', { email: person.email, name: contact.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorText message={error} />
    </form>
  );
}

export function ParticipantItem({
  person,
  card,
  known,
  settings,
  pipelines,
  sources,
  reps,
  propertyDefs,
  thread,
  toaster,
}: {
  person: SnapshotParticipant;
  card: ContactCardView | undefined;
  known: boolean;
  settings: Settings;
  pipelines: Pipeline[];
  sources: Source[];
  reps: Rep[];
  propertyDefs: CustomPropertyDef[];
  thread: WebmailSnapshot['thread'];
  toaster: Toaster;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const displayName = person.name || person.email;

  const capture = async () => {
    setBusy(true);
    setError(null);
    try {
      const { contact } = await call('contact.capture', { name: person.name, email: person.email, tabSnapshot: true });
      toaster.notify(t('toast_contact_added', { name: contact.name }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="participant">
      {card ? (
        <ContactCard
          card={card}
          person={person}
          settings={settings}
          pipelines={pipelines}
          sources={sources}
          reps={reps}
          propertyDefs={propertyDefs}
          thread={thread}
          toaster={toaster}
        />
      ) : (
        <>
          <PersonHead person={person} name={person.name}>
            <span class="name" dir="auto">
              {displayName}
            </span>
          </PersonHead>
          {known ? (
            <p class="muted">{t('loading')}</p>
          ) : (
            <div class="stack">
              <button type="button" class="primary" disabled={busy} onClick={capture}>
                {t('contact_add', { name: displayName })}
              </button>
              <button type="button" class="link" aria-expanded={attaching} onClick={() => setAttaching(!attaching)}>
                {t('attach_offer')}
              </button>
              {attaching ? <AttachToExisting person={person} /> : null}
            </div>
          )}
        </>
      )}
      <ErrorText message={error} />
    </li>
  );
}
