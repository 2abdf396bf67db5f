import { z } from 'zod';
import { closeReasonSchema, competitorSchema } from '../model';
import type { ContractShape } from '../rpc/define';

/** Reasons deals are won and lost for, and competitors: owned with lib/winloss/handlers.ts. */
export const winLossContract = {
  'closeReasons.list': { input: z.object({}), output: z.array(closeReasonSchema) },
  /** Adds, edits or (with deletedAt) removes a reason; a reason never moves to the other list. */
  'closeReason.save': { input: closeReasonSchema, output: closeReasonSchema },
  'competitors.list': { input: z.object({}), output: z.array(competitorSchema) },
  /** Adds, edits or (with deletedAt) removes a competitor; two live competitors never share a name. */
  'competitor.save': { input: competitorSchema, output: competitorSchema },
} satisfies ContractShape;
