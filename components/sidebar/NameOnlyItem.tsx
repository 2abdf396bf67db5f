import { useState } from 'preact/hooks';
import { type Contact, isEmailAddress, type SnapshotParticipant } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { ErrorText } from '../ErrorText';
import { errorText } from '../format';
import { t } from '../i18n';
import { PersonHead } from './PersonHead';

/**
 * A person the page showed by name alone (Outlook often hides addresses). The sidebar says so rather than guess: the
 * rep types the address, or finds the person among contacts by name; either makes them that address from then on.
 */
export function NameOnlyItem({ person, onComplete }: { person: SnapshotParticipant; onComplete(email: string): void }) {
  const [address, setAddress] = useState('');
  const [matches, setMatches] = useState<Contact[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const use = (e: Event) => {
    e.preventDefault();
    const email = address.trim();
    if (!isEmailAddress(email)) {
      setError(t('address_invalid'));
      return;
    }
    setError(null);
    onComplete(email);
  };
  const find = async () => {
    setError(null);
    try {
      const found = (await call('search.all', { query: person.name, limit: 5 })).contacts;
      setMatches(found.filter((contact) => contact.emails.length > 0));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <li class="participant">
      <PersonHead person={person} name={person.name}>
        <span class="name" dir="auto">
          {person.name}
        </span>
      </PersonHead>
      <p class="muted">{t('address_not_shown')}</p>
      {/* The browser's own check of an email field would stop the form silently, with no message in our words. */}
      <form class="stack" noValidate onSubmit={use}>
        <label>
          {t('address_complete')}
          <input type="email" dir="ltr" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('address_use')}</button>
      </form>
      <button type="button" class="link" onClick={find}>
        {t('address_find', { name: person.name })}
      </button>
      {matches?.length === 0 ? <p class="muted">{t('search_none')}</p> : null}
      {matches?.length ? (
        <ul class="plain">
          {matches.map((contact) => (
            <li key={contact.id}>
              <button type="button" onClick={() => onComplete(contact.emails[0]?.address ?? '')}>
                {t('address_is_contact', { name: contact.name, email: contact.emails[0]?.address ?? '' })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorText message={error} />
    </li>
  );
}
