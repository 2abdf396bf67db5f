/**
 * Filling a template's fields from the CRM. Pure: the records, the rep, the clock and the rep's settings come in,
 * text comes out. Money is the deal's own currency (riel in whole riel), dates are in the rep's time zone, both in
 * the template's language (a Khmer reply reads Khmer whatever the rep's UI is) with Khmer digits unless the rep
 * turned them off. A field with nothing to fill stays visible in the text as `[contact.firstName]`, and a name the
 * renderer does not know stays as written: the rep sees both before sending, never an "undefined".
 */
import { formatDate } from '../i18n/dates';
import { localeOf } from '../i18n/locale';
import { formatMoney } from '../i18n/numbers';
import type { Company, Contact, Deal, Rep, Settings, Template, TemplateField } from '../model';
import { TEMPLATE_FIELDS } from '../model';

/** What the fields are filled from: only the parts of each record a field reads. */
export interface TemplateContext {
  contact: Pick<Contact, 'name'> | null;
  company: Pick<Company, 'name'> | null;
  deal: Pick<Deal, 'title' | 'value' | 'expectedCloseAt'> | null;
  rep: Pick<Rep, 'name'> | null;
  now: number;
  settings: Pick<Settings, 'timeZone' | 'khmerDigits'>;
}

export type TemplatePiece = { text: string } | { field: string; value: string | null; known: boolean };

export interface RenderedTemplate {
  /** The text to insert, line breaks as `\n`. */
  text: string;
  /** Fields the CRM has no value for here, each left in the text as `[field]`. */
  missing: string[];
  /** `{{names}}` that are no field, left in the text as written. */
  unknown: string[];
  /** The text cut at each field, for a preview that marks them. */
  pieces: TemplatePiece[];
}

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KHMER = /[\u1780-\u17ff]/;

/**
 * The name a letter greets someone by. A Khmer name is written family name first (សុខ ដារា: Sok is the family),
 * so its given name is the last word; other names give their first word. A one-word name is itself.
 */
export function firstNameOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  return (KHMER.test(name) ? words[words.length - 1] : words[0]) ?? '';
}

const isField = (name: string): name is TemplateField => (TEMPLATE_FIELDS as readonly string[]).includes(name);

function fieldValue(field: TemplateField, context: TemplateContext, language: Template['language']): string | null {
  const locale = localeOf({ language, khmerDigits: context.settings.khmerDigits });
  const { contact, company, deal, rep } = context;
  switch (field) {
    case 'contact.firstName':
      return contact ? firstNameOf(contact.name) : null;
    case 'contact.name':
      return contact?.name ?? null;
    case 'company.name':
      return company?.name ?? null;
    case 'rep.name':
      return rep?.name ?? null;
    case 'deal.title':
      return deal?.title ?? null;
    case 'deal.amount':
      return deal ? formatMoney(deal.value, locale) : null;
    case 'deal.closeDate':
      return deal?.expectedCloseAt == null
        ? null
        : formatDate(deal.expectedCloseAt, 'date', locale, context.settings.timeZone);
    case 'date.today':
      return formatDate(context.now, 'date', locale, context.settings.timeZone);
  }
}

export function renderTemplate(
  template: Pick<Template, 'body' | 'language'>,
  context: TemplateContext,
): RenderedTemplate {
  const body = template.body.replace(/\r\n?/g, '\n');
  const pieces: TemplatePiece[] = [];
  const missing = new Set<string>();
  const unknown = new Set<string>();
  let at = 0;
  for (const match of body.matchAll(FIELD)) {
    if (match.index > at) pieces.push({ text: body.slice(at, match.index) });
    const name = match[1] ?? '';
    if (isField(name)) {
      const value = fieldValue(name, context, template.language)?.trim() || null;
      if (value === null) missing.add(name);
      pieces.push({ field: name, value, known: true });
    } else {
      unknown.add(match[0]);
      pieces.push({ field: match[0], value: null, known: false });
    }
    at = match.index + match[0].length;
  }
  if (at < body.length) pieces.push({ text: body.slice(at) });
  const text = pieces
    .map((piece) => {
      if ('text' in piece) return piece.text;
      if (!piece.known) return piece.field;
      return piece.value ?? `[${piece.field}]`;
    })
    .join('');
  return { text, missing: [...missing], unknown: [...unknown], pieces };
}
