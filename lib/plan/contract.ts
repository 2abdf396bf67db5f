import { z } from 'zod';
import {
  PLAN_PARTS,
  PLAN_STEPS,
  planBudgetLineSchema,
  planOwnerSchema,
  planSchema,
  planTargetSchema,
  recordId,
  shortText,
} from '../model';
import type { ContractShape } from '../rpc/define';

const notes = z.partialRecord(z.enum(PLAN_STEPS), shortText(5000));

/** The customer-relationship plan: owned with lib/plan/handlers.ts. The dashboard reads it from the store. */
export const planContract = {
  /** The steps' text the rep changed; the other steps are left as they are. */
  'plan.notes.save': { input: notes, output: planSchema },
  /** Adds a budget line. */
  'plan.budget.save': { input: planBudgetLineSchema, output: planBudgetLineSchema },
  /** Changes some fields of a line, or (deletedAt) removes it. */
  'plan.budget.update': {
    input: z.object({
      id: recordId,
      patch: planBudgetLineSchema.omit({ id: true, createdAt: true, updatedAt: true }).partial(),
    }),
    output: planBudgetLineSchema,
  },
  /** Adds, edits or (with deletedAt) removes a target. */
  'plan.target.save': { input: planTargetSchema, output: planTargetSchema },
  /** Gives a part of the plan, or a kind of thread, a new owner (null: nobody); the change is kept with its author. */
  'plan.owner.set': {
    input: z.union([
      z.object({ part: z.enum(PLAN_PARTS), kindId: z.null(), repId: recordId.nullable() }),
      z.object({ part: z.null(), kindId: recordId, repId: recordId.nullable() }),
    ]),
    output: planOwnerSchema,
  },
} satisfies ContractShape;
