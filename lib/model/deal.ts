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
  /** The reason in words, for lost deals: kept beside closeReasonId/closeReasonOther for exports and older versions. */
  lostReason: shortText(500),
  /**
   * Why the deal was won or lost: a reason from the business's list (lib/model/winloss.ts), or null with the rep's own
   * words in closeReasonOther ("other"). Optional rather than defaulted for the reason Settings.reportSchedules is:
   * deal.update takes a partial of this schema, which would fill defaults into every patch. Deals stored before
   * schema v10 get them from the upgrade; read them as `?? null`, `?? ''`, `?? []`.
   */
  closeReasonId: recordId.nullable().optional(),
  closeReasonOther: shortText(500).optional(),
  /** The competitor a lost deal went to. */
  lostToCompetitorId: recordId.nullable().optional(),
  /** Competitors the customer is also talking to (and, once lost, the one it went to). */
  competitorIds: z.array(recordId).max(50).optional(),
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
