import type { Company, Contact, RecordBase } from '../model';
import { contactSchema, emailDomain, isFreeMailDomain, newRecordBase, normalizeEmail } from '../model';
import { newCompanyRecord } from './companies';
import { StoreError, validate } from './errors';
import { companyRow, contactRow, stripRow } from './rows';
import type { CompanyRow, ContactRow, CrmDb } from './schema';

export type ContactDraft = Partial<Omit<Contact, keyof RecordBase>> & { name: string };

export function toContact(row: ContactRow): Contact {
  return stripRow(row) as Contact;
}

/** The contact a draft makes: the draft over the defaults. Not yet validated; `id` defaults to a new one. */
export function newContact(draft: ContactDraft, now: number, id?: string): Contact {
  return {
    ...newRecordBase(now, id),
    emails: [],
    phones: [],
    jobTitle: '',
    companyId: null,
    lifecycle: 'lead',
    sourceId: null,
    ownerId: null,
    custom: {},
    mergedInto: null,
    lastContactedAt: null,
    ...draft,
  };
}

async function companyName(db: CrmDb, companyId: string | null): Promise<string> {
  if (!companyId) return '';
  const company = await db.get('companies', companyId);
  return company && company.deletedAt === null ? company.name : '';
}

/** Refuses an address that is already another live contact's, naming that contact so the UI can offer to open it. */
async function assertEmailsFree(db: CrmDb, contact: Contact): Promise<void> {
  const index = db.transaction('contacts').store.index('byEmail');
  for (const { address } of contact.emails) {
    const owner = await index.get(normalizeEmail(address));
    if (owner && owner.id !== contact.id) {
      throw new StoreError('conflict', `${address} already belongs to ${owner.name}`, 'emails', {
        contactId: owner.id,
        email: normalizeEmail(address),
      });
    }
  }
}

export async function getContact(db: CrmDb, id: string): Promise<Contact | null> {
  const row = await db.get('contacts', id);
  return row ? toContact(row) : null;
}

export async function findContactByEmail(db: CrmDb, email: string): Promise<Contact | null> {
  const row = await db.getFromIndex('contacts', 'byEmail', normalizeEmail(email));
  return row ? toContact(row) : null;
}

export async function createContact(db: CrmDb, draft: ContactDraft, now: number): Promise<Contact> {
  const contact = validate(contactSchema, newContact(draft, now), 'Contact');
  await assertEmailsFree(db, contact);
  const row = contactRow(contact, await companyName(db, contact.companyId));
  await db.add('contacts', row);
  return contact;
}

export async function updateContact(
  db: CrmDb,
  id: string,
  patch: Partial<Omit<Contact, keyof RecordBase>>,
  now: number,
): Promise<Contact> {
  const current = await getContact(db, id);
  if (!current || current.deletedAt !== null) throw new StoreError('not-found', 'This contact no longer exists.');
  const next = validate(contactSchema, { ...current, ...patch, id, updatedAt: now }, 'Contact');
  await assertEmailsFree(db, next);
  await db.put('contacts', contactRow(next, await companyName(db, next.companyId)));
  return next;
}

export async function addEmailToContact(db: CrmDb, id: string, address: string, now: number): Promise<Contact> {
  const current = await getContact(db, id);
  if (!current) throw new StoreError('not-found', 'This contact no longer exists.');
  const known = current.emails.some((e) => normalizeEmail(e.address) === normalizeEmail(address));
  if (known) return current;
  return updateContact(db, id, { emails: [...current.emails, { address: address.trim() }] }, now);
}

export async function setContactDeleted(db: CrmDb, id: string, deleted: boolean, now: number): Promise<Contact> {
  const current = await getContact(db, id);
  if (!current) throw new StoreError('not-found', 'This contact no longer exists.');
  const next: Contact = { ...current, deletedAt: deleted ? now : null, updatedAt: now };
  // Undo re-claims the addresses; if someone else took one meanwhile, the undo is refused rather than losing data.
  if (!deleted) await assertEmailsFree(db, next);
  await db.put('contacts', contactRow(next, await companyName(db, next.companyId)));
  return next;
}

/**
 * Capture from an email: reuses the contact that already has this address (a second "Add" is not a duplicate),
 * links the company of the address's domain, creating it when new, unless the domain is free mail.
 */
export async function captureContact(
  db: CrmDb,
  input: { name: string; email: string; jobTitle?: string; phone?: string | null; sourceId: string | null },
  now: number,
): Promise<{ contact: Contact; company: Company | null; created: boolean }> {
  const existing = await findContactByEmail(db, input.email);
  if (existing && existing.deletedAt === null) {
    const company = existing.companyId ? ((await db.get('companies', existing.companyId)) ?? null) : null;
    return { contact: existing, company: company ? (stripRow(company) as Company) : null, created: false };
  }
  const domain = emailDomain(input.email);
  let company: Company | null = null;
  let newCompany: CompanyRow | null = null;
  if (domain && !isFreeMailDomain(domain)) {
    const found = await db.getFromIndex('companies', 'byDomain', domain);
    if (found && found.deletedAt === null) company = stripRow(found) as Company;
    else {
      company = newCompanyRecord(domain, now);
      newCompany = companyRow(company);
    }
  }
  const contact = validate(
    contactSchema,
    newContact(
      {
        name: input.name.trim() || input.email,
        emails: [{ address: input.email.trim() }],
        phones: input.phone ? [{ number: input.phone }] : [],
        jobTitle: input.jobTitle ?? '',
        companyId: company?.id ?? null,
        sourceId: input.sourceId,
      },
      now,
    ),
    'Contact',
  );
  const tx = db.transaction(['contacts', 'companies'], 'readwrite');
  if (newCompany) void tx.objectStore('companies').add(newCompany);
  void tx.objectStore('contacts').add(contactRow(contact, company?.name ?? ''));
  await tx.done;
  return { contact, company, created: true };
}
