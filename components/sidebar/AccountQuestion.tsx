import { useState } from 'preact/hooks';
import type { Rep } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { ErrorText } from '../ErrorText';
import { errorText } from '../format';
import { t } from '../i18n';

/**
 * "Which rep is you on this account?", asked while the signed-in account of the sidebar's tab belongs to no rep:
 * the worker adds that account to the rep chosen (or to a new one), and the question goes, since the account then
 * has its rep. The address is not repeated here: it is the Gmail beside the sidebar, and the people list must not
 * seem to hold the rep.
 */
export function AccountQuestion({ reps, outlook = false }: { reps: Rep[]; outlook?: boolean }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answer = async (repId: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await call('rep.claimAccount', repId === null ? { repId, name: name.trim() || undefined } : { repId });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="notice stack" aria-labelledby="account-question">
      <h2 id="account-question">{t('account_question')}</h2>
      <p class="muted">{t(outlook ? 'account_question_hint_outlook' : 'account_question_hint')}</p>
      {reps.map((rep) => (
        <button key={rep.id} type="button" disabled={busy} onClick={() => void answer(rep.id)}>
          {rep.name}
        </button>
      ))}
      <label>
        {t('account_your_name')}
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={120} />
      </label>
      <button type="button" disabled={busy} onClick={() => void answer(null)}>
        {t('account_add_me')}
      </button>
      <ErrorText message={error} />
    </section>
  );
}
