import { z } from 'zod';
import { activitySchema, epochMs, recordId, requestId, serviceThreadSchema, threadKindSchema } from '../model';
import type { ContractShape } from '../rpc/define';

const deadline = z.object({
  threadId: z.string(),
  dueAt: epochMs,
  nearingAt: epochMs,
  state: z.enum(['due', 'nearing', 'over']),
  ms: z.number().int().nonnegative(),
});
const threadIdInput = z.object({ threadId: z.string().min(1).max(100) });

/** Serving customers on time: owned with lib/service/handlers.ts. */
export const serviceContract = {
  'service.kinds': { input: z.object({}), output: z.array(threadKindSchema) },
  'service.kind.save': { input: threadKindSchema, output: threadKindSchema },
  /**
   * The thread open in the sender's tab as the policy sees it: its record (null until the rep acts or it has been on
   * screen for a while), the kind the rules suggest, and its deadline. `private` when the rep chose not to log it.
   */
  'service.thread': {
    input: z.object({}),
    output: z.object({
      private: z.boolean(),
      record: serviceThreadSchema.nullable(),
      suggestedKindId: recordId.nullable(),
      waiting: z.boolean(),
      deadline: deadline.nullable(),
      /** A score the last message from the customer holds (lib/service/score.ts), offered for recording. */
      offeredScore: z.number().int().min(1).max(5).nullable(),
    }),
  },
  /** The thread has been on screen long enough: it gets its record and owner (this rep) if it waits for an answer. */
  'service.seen': { input: threadIdInput, output: serviceThreadSchema.nullable() },
  'service.setKind': { input: threadIdInput.extend({ kindId: recordId.nullable() }), output: serviceThreadSchema },
  'service.assign': { input: threadIdInput.extend({ repId: recordId.nullable() }), output: serviceThreadSchema },
  /** Waiting threads nearing or over their target, the most urgent first. */
  'service.urgent': {
    input: z.object({}),
    output: z.array(z.object({ record: serviceThreadSchema, deadline })),
  },
  /** A customer's score, 1 to 5, on the contact and the open thread (its kind and owner go with it). */
  'service.recordScore': {
    input: z.object({
      contactId: recordId.nullable(),
      threadId: z.string().max(100).nullable(),
      score: z.number().int().min(1).max(5),
      requestId: requestId.optional(),
    }),
    output: activitySchema,
  },
} satisfies ContractShape;
