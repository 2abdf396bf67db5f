import type { Contact } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { t } from './i18n';

/** A person's details read from a page or a message, as the rep confirmed them. */
export interface ContactDetails {
  name: string;
  email: string;
  phone: string;
  jobTitle: string;
  company: string;
  lifecycle?: Contact['lifecycle'];
  sourceId?: string | null;
  ownerId?: string | null;
}

/**
 * Makes the contact, then fills title, phone and company the way an accepted signature does (the company found by
 * name or made), then keeps where the details came from as a note.
 */
export async function createContactFromDetails(
  details: ContactDetails,
  note: { subject: string; body: string } | null,
): Promise<Contact> {
  const email = details.email.trim();
  const contact = await call('contact.create', {
    name: details.name.trim() || email,
    emails: email ? [{ address: email }] : [],
    ...(details.lifecycle ? { lifecycle: details.lifecycle } : {}),
    sourceId: details.sourceId ?? null,
    ownerId: details.ownerId ?? null,
  });
  const fill = {
    jobTitle: details.jobTitle.trim() || null,
    phone: details.phone.trim() || null,
    company: details.company.trim() || null,
  };
  const filled =
    fill.jobTitle || fill.phone || fill.company
      ? await call('contact.fillFromSignature', { id: contact.id, ...fill })
      : contact;
  if (note?.body) {
    await call('activity.add', {
      type: 'note',
      occurredAt: Date.now(),
      contactId: contact.id,
      subject: note.subject || t('capture_note_subject'),
      body: note.body,
    });
  }
  return filled;
}
