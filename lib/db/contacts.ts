import type { Company, Contact, RecordBase } from '../model';
import { contactSchema, emailDomain, isFreeMailDomain, newRecordBase, normaliseEmail } from '../model';
import { findCompanyByDomain, findCompanyByName, newCompanyRecord } from './companies';
import { commit, StoreError, validate } from './errors';
import { putRecord, recordTx, writeRecord } from './record-write';
import { companyNameLookup, companyRow, contactRow, stripRow } from './rows';
import type { ContactRow, CrmDb } from './schema';

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
    const owner = await index.get(normaliseEmail(address));
    if (owner && owner.id !== contact.id) {
      throw new StoreError('conflict', `${address} already belongs to ${owner.name}`, 'emails', {
        contactId: owner.id,
        email: normaliseEmail(address),
        name: owner.name,
      });
    }
  }
}

export async function getContact(db: CrmDb, id: string): Promise<Contact | null> {
  const row = await db.get('contacts', id);
  return row ? toContact(row) : null;
}

export async function findContactByEmail(db: CrmDb, email: string): Promise<Contact | null> {
  const row = await db.getFromIndex('contacts', 'byEmail', normaliseEmail(email));
  return row ? toContact(row) : null;
}

export async function createContact(db: CrmDb, draft: ContactDraft, now: number): Promise<Contact> {
  const contact = validate(contactSchema, newContact(draft, now), 'Contact');
  await assertEmailsFree(db, contact);
  const row = contactRow(contact, await companyName(db, contact.companyId));
  await writeRecord(db, 'contacts', row, 'add');
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
  await writeRecord(db, 'contacts', contactRow(next, await companyName(db, next.companyId)));
  return next;
}

export async function addEmailToContact(db: CrmDb, id: string, address: string, now: number): Promise<Contact> {
  const current = await getContact(db, id);
  if (!current) throw new StoreError('not-found', 'This contact no longer exists.');
  const known = current.emails.some((e) => normaliseEmail(e.address) === normaliseEmail(address));
  if (known) return current;
  return updateContact(db, id, { emails: [...current.emails, { address: address.trim() }] }, now);
}

export async function setContactDeleted(db: CrmDb, id: string, deleted: boolean, now: number): Promise<Contact> {
  const current = await getContact(db, id);
  if (!current) throw new StoreError('not-found', 'This contact no longer exists.');
  const next: Contact = { ...current, deletedAt: deleted ? now : null, updatedAt: now };
  // Undo re-claims the addresses; if someone else took one meanwhile, the undo is refused rather than losing data.
  if (!deleted) await assertEmailsFree(db, next);
  await writeRecord(db, 'contacts', contactRow(next, await companyName(db, next.companyId)));
  return next;
}

/**
 * The company a captured address belongs to: the one its signature names, else its work domain's, else a new one
 * (named as the signature says, or after the domain). Free-mail domains belong to no company. `asShown`: the rep
 * accepted this very name, so a company of another name is not linked in its place, even its domain's.
 */
async function companyForCapture(
  db: CrmDb,
  email: string,
  signatureCompany: string | null,
  now: number,
  asShown = false,
): Promise<{ company: Company | null; isNew: boolean }> {
  const domain = emailDomain(email);
  const workDomain = domain && !isFreeMailDomain(domain) ? domain : null;
  const named = signatureCompany ? await findCompanyByName(db, signatureCompany) : null;
  if (named) return { company: named, isNew: false };
  const byDomain = workDomain ? await findCompanyByDomain(db, workDomain) : null;
  if (byDomain && !asShown) return { company: byDomain, isNew: false };
  if (!signatureCompany && !workDomain) return { company: null, isNew: false };
  // A domain stays with the company that has it already.
  return { company: newCompanyRecord(byDomain ? null : workDomain, now, signatureCompany), isNew: true };
}

/**
 * Capture from an email: reuses the contact that already has this address (a second "Add" is not a duplicate),
 * links the company its signature names or its domain's (companyForCapture), creating it when new.
 */
export async function captureContact(
  db: CrmDb,
  input: {
    name: string;
    email: string;
    jobTitle?: string;
    phone?: string | null;
    /** The company the sender's signature names. */
    company?: string | null;
    sourceId: string | null;
  },
  now: number,
): Promise<{ contact: Contact; company: Company | null; created: boolean }> {
  const existing = await findContactByEmail(db, input.email);
  if (existing && existing.deletedAt === null) {
    const company = existing.companyId ? ((await db.get('companies', existing.companyId)) ?? null) : null;
    return { contact: existing, company: company ? (stripRow(company) as Company) : null, created: false };
  }
  const { company, isNew } = await companyForCapture(db, input.email, input.company ?? null, now);
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
  const tx = recordTx(db, ['contacts', 'companies']);
  await commit(tx, async () => {
    if (company && isNew) await putRecord(tx, 'companies', companyRow(company), 'add');
    await putRecord(tx, 'contacts', contactRow(contact, company?.name ?? ''), 'add');
  });
  return { contact, company, created: true };
}

/** What a later signature may add to a contact, as the rep accepted it. */
export interface SignatureFill {
  jobTitle: string | null;
  phone: string | null;
  company: string | null;
}

/**
 * Fills a known contact's EMPTY job title, phones and company from their signature, once the rep accepted the
 * offer. A field that has a value is never overwritten, even one set between the offer and the acceptance: the
 * contact is read again in the writing transaction.
 */
export async function fillFromSignature(db: CrmDb, id: string, fill: SignatureFill, now: number): Promise<Contact> {
  const before = await getContact(db, id);
  if (!before || before.deletedAt !== null) throw new StoreError('not-found', 'This contact no longer exists.');
  const link =
    fill.company && before.companyId === null
      ? await companyForCapture(db, before.emails[0]?.address ?? '', fill.company, now, true)
      : { company: null, isNew: false };
  const tx = recordTx(db, ['contacts', 'companies']);
  return commit(tx, async () => {
    const row = await tx.objectStore('contacts').get(id);
    if (!row || row.deletedAt !== null) throw new StoreError('not-found', 'This contact no longer exists.');
    const current = toContact(row);
    const company = current.companyId === null ? link.company : null;
    const next = validate(
      contactSchema,
      {
        ...current,
        jobTitle: current.jobTitle.trim() === '' && fill.jobTitle ? fill.jobTitle : current.jobTitle,
        phones: current.phones.length === 0 && fill.phone ? [{ number: fill.phone }] : current.phones,
        companyId: current.companyId ?? company?.id ?? null,
        updatedAt: now,
      },
      'Contact',
    );
    if (company && link.isNew) await putRecord(tx, 'companies', companyRow(company), 'add');
    const companyName = company?.name ?? (await companyNameLookup(tx.objectStore('companies'))(next.companyId));
    await putRecord(tx, 'contacts', contactRow(next, companyName));
    return next;
  });
}
