import { z } from 'zod';
import { epochMs, recordBase, recordId, requiredText } from './common';

/**
 * A reply template: words the business answers with, in one language, for one kind of thread or any. Business-wide
 * and synced like contacts. The fields it may hold are TEMPLATE_FIELDS, written `{{contact.firstName}}`; lib/templates
 * fills them from the CRM.
 */
export const TEMPLATE_FIELDS = [
  'contact.firstName',
  'contact.name',
  'company.name',
  'rep.name',
  'deal.title',
  'deal.amount',
  'deal.closeDate',
  'date.today',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const templateLanguage = z.enum(['en', 'km']);

export const templateSchema = z.object({
  ...recordBase,
  name: requiredText(120),
  language: templateLanguage,
  /** The kind of thread it answers (an inquiry, a complaint …), or null for any. */
  kindId: recordId.nullable(),
  body: requiredText(10_000),
  /**
   * How often a rep of this browser's team inserted or copied it. Synced as one field, so two reps using it between
   * two syncs count once: a figure for "which templates are used", not an audit.
   */
  usageCount: z.number().int().nonnegative(),
  lastUsedAt: epochMs.nullable(),
});
export type Template = z.infer<typeof templateSchema>;
