import { z } from 'zod';
import { recordBase, requiredText } from './common';

export const DEFAULT_SOURCE_KEYS = ['trade-show', 'website-form', 'webinar', 'referral', 'email', 'other'] as const;

export const sourceSchema = z.object({
  ...recordBase,
  name: requiredText(80),
  /** Built-in sources carry a key so their name can be translated and "email" can be found by code. */
  key: z.enum(DEFAULT_SOURCE_KEYS).nullable(),
  order: z.number().int(),
});
export type Source = z.infer<typeof sourceSchema>;
