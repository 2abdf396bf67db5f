import { z } from 'zod';
import { customValues, epochMs, recordBase, recordId, requiredText, shortText } from './common';
import { emailAddress } from './email';

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'opportunity', 'customer', 'evangelist', 'other'] as const;
export const lifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof lifecycleStage>;

export const contactEmail = z.object({
  address: emailAddress,
  label: shortText(40).optional(),
});

export const contactPhone = z.object({
  number: requiredText(40).regex(/^[+()\d\s.\-/ext]+$/i, { error: 'has characters a phone number cannot have' }),
  label: shortText(40).optional(),
});

export const contactSchema = z.object({
  ...recordBase,
  name: requiredText(200),
  emails: z.array(contactEmail).max(20),
  phones: z.array(contactPhone).max(20),
  jobTitle: shortText(200),
  companyId: recordId.nullable(),
  lifecycle: lifecycleStage,
  sourceId: recordId.nullable(),
  ownerId: recordId.nullable(),
  custom: customValues,
  /** Set when this contact was merged into another: undo of a merge restores from here. */
  mergedInto: recordId.nullable(),
  lastContactedAt: epochMs.nullable(),
});
export type Contact = z.infer<typeof contactSchema>;
