import { z } from 'zod';
import { epochMs, recordId } from '../model/common';
import { lifecycleStage } from '../model/contact';
import { dealStatus } from '../model/deal';

/**
 * The draft of one imported row, written once: rows.ts makes it of a CSV row, import.rows carries it to the worker,
 * and the store builds the record from it.
 *
 * Drafts are checked for shape only, with generous bounds: a value the model refuses (a name too long, too many
 * addresses) must cost its row, not the whole chunk, so the store validates each record and reports the row.
 */
const loose = (max: number) => z.string().max(max);

const customValue = z.union([loose(200_000), z.number(), z.boolean(), z.null()]);
export type CustomValue = z.infer<typeof customValue>;

const draftBase = {
  /**
   * The record's own id, from an ID column such as our export writes: the plan matches the record by it, and the
   * page sends it as the row's update target rather than in the draft.
   */
  id: recordId.nullable(),
  custom: z.record(loose(100), customValue),
  /** Fields and custom properties the row gave a value for: an update writes these and leaves the rest alone. */
  provided: z.array(loose(100)).max(1000),
  /** Rep named in an owner column (name or email); the store resolves it. */
  ownerName: loose(1000).nullable(),
};
/** Resolved to a Company (or a new one) by the page, which sends its id as the row's companyId instead. */
const companyName = loose(1000).nullable();

const contactDraft = z.object({
  entity: z.literal('contact'),
  name: loose(10_000),
  emails: z.array(z.object({ address: loose(1000) })).max(1000),
  phones: z.array(z.object({ number: loose(1000) })).max(1000),
  jobTitle: loose(10_000),
  companyName,
  lifecycle: lifecycleStage,
  sourceName: loose(1000).nullable(),
  /** Becomes a note Activity: contacts have no notes field. */
  notes: loose(200_000),
  ...draftBase,
});
const companyDraft = z.object({
  entity: z.literal('company'),
  name: loose(10_000),
  domains: z.array(loose(1000)).max(1000),
  phone: loose(1000),
  address: loose(10_000),
  ...draftBase,
});
const dealDraft = z.object({
  entity: z.literal('deal'),
  title: loose(10_000),
  value: z.object({ amount: z.number().int(), currency: loose(3) }),
  pipelineId: recordId,
  stageId: recordId,
  status: dealStatus,
  expectedCloseAt: epochMs.nullable(),
  companyName,
  contactEmails: z.array(loose(1000)).max(1000),
  ...draftBase,
});

/** What rows.ts makes of a row. */
export type ImportDraft = z.infer<typeof contactDraft> | z.infer<typeof companyDraft> | z.infer<typeof dealDraft>;

/** The email addresses a draft names, as written: a contact's own, or a deal's contacts'. */
export function draftAddresses(
  draft:
    | { entity: 'contact'; emails: readonly { address: string }[] }
    | { entity: 'company' }
    | { entity: 'deal'; contactEmails: readonly string[] },
): readonly string[] {
  if (draft.entity === 'contact') return draft.emails.map((email) => email.address);
  return draft.entity === 'deal' ? draft.contactEmails : [];
}

const sent = { companyName: true, id: true } as const;
/**
 * The draft as import.rows carries it: the company name is left behind, resolved to the row's companyId, and the
 * id, resolved to the row's target.
 */
const sentDraft = z.discriminatedUnion('entity', [
  contactDraft.omit(sent),
  companyDraft.omit({ id: true }),
  dealDraft.omit(sent),
]);

const rowNumber = z
  .number()
  .int()
  .min(1)
  .max(2 ** 48 - 1);

/** The record an update writes to: one in the store, or the one an earlier row of this file creates. */
const updateTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id: recordId }),
  z.object({ kind: z.literal('row'), row: rowNumber }),
]);
export type UpdateTarget = z.infer<typeof updateTarget>;

/** One planned row as the store applies it. */
export const importRowInput = z.object({
  /** 1-based data row of the file. */
  row: rowNumber,
  action: z.enum(['new', 'update']),
  /** For updates: a stored record, or the record an earlier row of this import created. */
  target: updateTarget.nullable(),
  /** The company a contact or deal links to, already resolved (created by createImportCompanies if new). */
  companyId: recordId.nullable(),
  draft: sentDraft,
});
export type ImportRowInput = z.infer<typeof importRowInput>;
