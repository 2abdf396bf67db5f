import { z } from 'zod';
import { recordId, templateSchema } from '../model';
import type { ContractShape } from '../rpc/define';

/** Reply templates: owned with lib/templates/handlers.ts. */
export const templatesContract = {
  'templates.list': { input: z.object({}), output: z.array(templateSchema) },
  /** Saves a template, or with `deletedAt` set removes it (a tombstone the undo clears). */
  'template.save': { input: templateSchema, output: templateSchema },
  /**
   * The template filled for a reply: from the contact (their company and newest open deal unless `dealId` says
   * which), the rep signed in on the sender's tab (else this browser's rep), the rep's time zone and digits.
   */
  'template.render': {
    input: z.object({ id: recordId, contactId: recordId.nullable(), dealId: recordId.nullable().optional() }),
    output: z.object({
      text: z.string(),
      missing: z.array(z.string()),
      unknown: z.array(z.string()),
    }),
  },
  /** Counts one use: call it once the filled text went into a reply or to the clipboard. */
  'template.used': { input: z.object({ id: recordId }), output: templateSchema },
} satisfies ContractShape;
