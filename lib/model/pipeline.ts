import { z } from 'zod';
import { recordBase, recordId, requiredText } from './common';

export const dealStage = z.object({
  id: recordId,
  name: requiredText(80),
  /** Chance a deal in this stage is won, 0..1; used for the weighted forecast. */
  probability: z.number().min(0).max(1),
});
export type DealStage = z.infer<typeof dealStage>;

export const pipelineSchema = z.object({
  ...recordBase,
  name: requiredText(80),
  /** Ordered: index 0 is the first stage. */
  stages: z.array(dealStage).min(1, { error: 'needs at least one stage' }).max(30),
  /** A rep's own pipeline; null when the whole team shares it. */
  ownerId: recordId.nullable(),
  order: z.number().int(),
});
export type Pipeline = z.infer<typeof pipelineSchema>;
