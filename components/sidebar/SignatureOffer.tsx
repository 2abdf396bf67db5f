import { useState } from 'preact/hooks';
import type { Contact } from '@/lib/model';
import type { SnapshotMessage } from '@/lib/model/snapshot';
import { senderSignature, signatureOffer } from '@/lib/webmail/signature';
import { call } from '@/lib/worker/client';
import { ErrorText } from '../ErrorText';
import { errorText } from '../format';
import { t } from '../i18n';
import { LabelledValues } from '../LabelledValues';

/**
 * What the contact's latest signature in the thread on screen would add to their empty job title, phone and company,
 * offered to the rep: nothing is written until they press "Add", and the store then fills empty fields only. Read
 * from the sidebar's own snapshot, which may be ahead of the worker's.
 */
export function SignatureOffer({ contact, messages }: { contact: Contact; messages: readonly SnapshotMessage[] }) {
  const [dismissed, setDismissed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const addresses = contact.emails.map((email) => email.address);
  const offer = signatureOffer(senderSignature(messages, addresses), contact);

  if (!offer || dismissed) return null;
  const lines = [
    [t('contact_job_title'), offer.jobTitle],
    [t('contact_phone'), offer.phone],
    [t('contact_company'), offer.company],
  ] as const;
  // "Add" alone says little to a screen reader moving from button to button: the offer's text describes it.
  const textId = `signature-offer-${contact.id}`;

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('contact.fillFromSignature', { id: contact.id, ...offer });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="notice sig-offer">
      <p id={textId}>
        {t('sig_offer_title')} <LabelledValues lines={lines} />
      </p>
      <div class="row">
        <button type="button" class="primary" disabled={busy} aria-describedby={textId} onClick={add}>
          {t('sig_offer_add')}
        </button>
        <button type="button" class="link" onClick={() => setDismissed(true)}>
          {t('sig_offer_dismiss')}
        </button>
      </div>
      <ErrorText message={error} />
    </div>
  );
}
