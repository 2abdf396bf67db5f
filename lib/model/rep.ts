import { z } from 'zod';
import { recordBase, requiredText } from './common';
import { emailAddress } from './email';

export const repSchema = z.object({
  ...recordBase,
  name: requiredText(120),
  email: emailAddress,
  /** Signed-in webmail addresses that are this rep (normalised): the rep's own mail is never a contact. */
  accountEmails: z.array(emailAddress).max(20),
});
export type Rep = z.infer<typeof repSchema>;
