import { z } from 'zod';
import { contactSchema, recordId } from '../model';
import type { ContractShape } from '../rpc/define';

/** Contact merges: owned with lib/merges/handlers.ts. */
export const mergesContract = {
  /** One transaction, journaled: contact.unmerge with the answer's mergeId undoes it. */
  'contact.merge': {
    input: z.object({ keepId: recordId, dropId: recordId }),
    output: z.object({ contact: contactSchema, mergeId: recordId }),
  },
  'contact.unmerge': {
    input: z.object({ mergeId: recordId }),
    output: z.object({ keep: contactSchema, drop: contactSchema }),
  },
} satisfies ContractShape;
