import { z } from 'zod';
import { recordBase, requiredText } from './common';
import { emailAddress } from './email';
import { normaliseEmail } from './email-address';

export const repSchema = z.object({
  ...recordBase,
  name: requiredText(120),
  email: emailAddress,
  /** Signed-in webmail addresses that are this rep (normalised): the rep's own mail is never a contact. */
  accountEmails: z.array(emailAddress).max(20),
});
export type Rep = z.infer<typeof repSchema>;

/**
 * The rep a signed-in webmail account belongs to: the live rep who has it among their accounts, else the one whose
 * own address it is; null when no rep has it.
 */
export function repForAccount(reps: readonly Rep[], account: string | null): Rep | null {
  if (!account) return null;
  const key = normaliseEmail(account);
  const live = reps.filter((rep) => rep.deletedAt === null);
  return (
    live.find((rep) => (rep.accountEmails ?? []).some((address) => normaliseEmail(address) === key)) ??
    live.find((rep) => normaliseEmail(rep.email) === key) ??
    null
  );
}
