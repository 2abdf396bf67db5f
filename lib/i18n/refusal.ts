/**
 * Refusals in words a rep understands, in their language. The worker keeps its machine-readable error (code, field
 * path, details) for code and tests; the UI turns it into a sentence here: the field's label rather than its path
 * ("Phone", not "patch.phones.0.number"), and what is wrong in plain words rather than a schema's message.
 */
import type { z } from 'zod';
import type { Locale } from './locale';
import { type MessageKey, translate } from './translate';

/** What a schema refusal is about, derived from zod's issue; the UI has one sentence for each. */
export type RefusalReason =
  | 'required'
  | 'too-long'
  | 'too-many'
  | 'too-few'
  | 'too-large'
  | 'too-small'
  | 'whole-number'
  | 'not-a-choice'
  | 'format'
  | 'invalid';

/** The details a refusal carries for the UI: its reason and, for a bound, the limit. */
export function refusalDetails(issue: z.core.$ZodIssue | undefined): Record<string, string> {
  const reason = (why: RefusalReason, limit?: number | bigint): Record<string, string> =>
    limit === undefined ? { reason: why } : { reason: why, limit: String(limit) };
  switch (issue?.code) {
    case 'too_big':
      if (issue.origin === 'string') return reason('too-long', issue.maximum);
      return reason(issue.origin === 'array' || issue.origin === 'set' ? 'too-many' : 'too-large', issue.maximum);
    case 'too_small':
      if (issue.origin === 'string') return reason('required');
      return reason(issue.origin === 'array' || issue.origin === 'set' ? 'too-few' : 'too-small', issue.minimum);
    case 'invalid_type':
      if (issue.expected === 'int') return reason('whole-number');
      // zod 4 leaves the input out of its issues; its message is the one place that says nothing was given.
      return reason(/received undefined/.test(issue.message) ? 'required' : 'invalid');
    case 'invalid_value':
      return reason('not-a-choice');
    case 'invalid_format':
    case 'custom':
      return reason('format');
    default:
      return reason('invalid');
  }
}

/** A field path's label, by its last named parts: "patch.phones.0.number" is "phones.number", then "number". */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'contact_name',
  title: 'refuse_field_title',
  jobTitle: 'contact_job_title',
  phones: 'contact_phone',
  'phones.number': 'contact_phone',
  phone: 'contact_phone',
  emails: 'dash_email',
  'emails.address': 'dash_email',
  email: 'dash_email',
  companyId: 'contact_company',
  lifecycle: 'contact_lifecycle',
  sourceId: 'contact_source',
  ownerId: 'contact_owner',
  domains: 'dash_domain',
  address: 'dash_address',
  note: 'dash_notes',
  body: 'dash_notes',
  subject: 'dash_subject',
  durationMinutes: 'dash_duration',
  value: 'deal_amount',
  'value.amount': 'deal_amount',
  'value.currency': 'deal_currency',
  currency: 'deal_currency',
  defaultCurrency: 'dash_default_currency',
  enabledCurrencies: 'dash_settings_currencies',
  expectedCloseAt: 'deal_close_date',
  pipelineId: 'deal_pipeline',
  stageId: 'deal_stage',
  stages: 'deal_stage',
  'stages.name': 'deal_stage',
  'stages.probability': 'dash_probability',
  timeZone: 'dash_time_zone',
  'workingHours.start': 'dash_work_start',
  'workingHours.end': 'dash_work_end',
  'workingHours.days': 'dash_work_days',
  neverLogDomains: 'settings_never_log',
  key: 'refuse_field_key',
  label: 'dash_property_label',
  options: 'dash_type_select',
};

/** Formats whose rule is the field's own, worded for that field rather than "is not valid". */
const FORMAT_SENTENCES: Record<string, MessageKey> = {
  'phones.number': 'refuse_phone_format',
  phone: 'refuse_phone_format',
  emails: 'refuse_email_format',
  'emails.address': 'refuse_email_format',
  email: 'refuse_email_format',
  domains: 'refuse_domain_format',
  timeZone: 'refuse_time_zone_format',
  currency: 'refuse_currency_format',
  'value.currency': 'refuse_currency_format',
  defaultCurrency: 'refuse_currency_format',
  enabledCurrencies: 'refuse_currency_format',
  'workingHours.start': 'refuse_time_format',
  'workingHours.end': 'refuse_time_format',
  time: 'refuse_time_format',
  key: 'refuse_key_format',
};

const REASON_SENTENCES: Record<RefusalReason, MessageKey> = {
  required: 'refuse_required',
  'too-long': 'refuse_too_long',
  'too-many': 'refuse_too_many',
  'too-few': 'refuse_too_few',
  'too-large': 'refuse_too_large',
  'too-small': 'refuse_too_small',
  'whole-number': 'refuse_whole_number',
  'not-a-choice': 'refuse_not_a_choice',
  format: 'refuse_invalid',
  invalid: 'refuse_invalid',
};

const CODE_SENTENCES: Record<string, MessageKey> = {
  'invalid-request': 'error_invalid_request',
  forbidden: 'error_forbidden',
  'unknown-method': 'error_unknown_method',
  invalid: 'error_invalid',
  'not-found': 'error_not_found',
  conflict: 'error_conflict',
  quota: 'error_quota',
  internal: 'error_internal',
  unavailable: 'error_unavailable',
};

/** The named parts of a field path, wrappers and list positions dropped: "patch.phones.0.number" → phones, number. */
function fieldNames(field: string): string[] {
  return field.split('.').filter((part, i) => part !== '' && !/^\d+$/.test(part) && !(i === 0 && part === 'patch'));
}

/** The most specific entry of `table` the path names: "phones.number" before "number". */
function lookUp(table: Record<string, MessageKey>, names: string[]): MessageKey | undefined {
  for (let start = 0; start < names.length; start++) {
    const key = table[names.slice(start).join('.')];
    if (key) return key;
  }
  return undefined;
}

export interface Refusal {
  code: string;
  message: string;
  field?: string | null;
  details?: Record<string, string>;
}

export function refusalText(refusal: Refusal, locale: Locale): string {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const details = refusal.details ?? {};
  const names = fieldNames(refusal.field ?? '');
  const label = () => t(lookUp(FIELD_LABELS, names) ?? 'refuse_field_unknown');
  const reason = details.reason as RefusalReason | undefined;
  if (reason && reason in REASON_SENTENCES) {
    if (names.join('.') === 'stages' && reason === 'too-few') return t('refuse_no_stages');
    const sentence = (reason === 'format' && lookUp(FORMAT_SENTENCES, names)) || REASON_SENTENCES[reason];
    return t(sentence, { field: label(), ...(details.limit ? { count: Number(details.limit) } : {}) });
  }
  if (refusal.code === 'conflict' && details.email) {
    return t('refuse_email_taken', { email: details.email, name: details.name ?? '' });
  }
  if (refusal.code === 'conflict' && details.stageId && details.count) {
    return t('refuse_stage_has_deals', { count: Number(details.count) });
  }
  // The store's other refusals are sentences written for a rep, in English; in Khmer, the kind of refusal it is.
  if (refusal.code === 'invalid' || refusal.code === 'conflict') {
    if (locale.language === 'en' && refusal.message) return refusal.message;
    return names.length > 0 ? t('refuse_check_field', { field: label() }) : t(CODE_SENTENCES[refusal.code]!);
  }
  return t(CODE_SENTENCES[refusal.code] ?? 'error_internal');
}
