import { z } from 'zod';
import { recordId } from '../model';
import type { ContractShape } from '../rpc/define';
import { formDefinitionSchema, formSchema } from './definition';

/** The manager's forms, asked of the team service by the worker (lib/forms/handlers.ts) with this browser's token. */
export const formsContract = {
  'forms.list': { input: z.object({}), output: z.array(formSchema) },
  /** A new form when `id` is null; the service answers what it keeps. */
  'forms.save': { input: z.object({ id: recordId.nullable(), definition: formDefinitionSchema }), output: formSchema },
  'forms.archive': { input: z.object({ id: recordId, archived: z.boolean() }), output: formSchema },
} satisfies ContractShape;
