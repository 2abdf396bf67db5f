import { z } from 'zod';
import { customValues, epochMs, recordBase, recordId, requiredText, shortText } from './common';
import { money } from './money';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export const dealStatus = z.enum(DEAL_STATUSES);

export const dealSchema = z.object({
  ...recordBase,
  title: requiredText(200),
  value: money,
  pipelineId: recordId,
  stageId: recordId,
  status: dealStatus,
  lostReason: shortText(500),
  expectedCloseAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
  /** A rep's own win probability for this deal, overriding the stage's (0..1). */
  probabilityOverride: z.number().min(0).max(1).nullable(),
  contactIds: z.array(recordId).max(100),
  companyId: recordId.nullable(),
  ownerId: recordId.nullable(),
  /** Gmail thread the deal was created from, to open it again. */
  threadId: shortText(100).nullable(),
  stageChangedAt: epochMs,
  custom: customValues,
});
export type Deal = z.infer<typeof dealSchema>;
