import { z } from 'zod';
import { emailAddress, epochMs, recordId, requiredText } from '../model';

/**
 * A web form as the manager defines it and the team service keeps it. The service, the dashboard and the snippet
 * read it with these schemas, so a form the dashboard can save is one the service can take submissions for.
 */

/** What a form field fills on the new Contact; `custom` names a contact custom property by its key. */
export const FORM_TARGETS = ['name', 'email', 'phone', 'jobTitle', 'company', 'message', 'custom'] as const;
export type FormTarget = (typeof FORM_TARGETS)[number];

const bilingual = (max: number) => z.strictObject({ en: requiredText(max), km: requiredText(max) });
export type Bilingual = z.infer<ReturnType<typeof bilingual>>;

/** The key is the field's name in the posted body: short and plain, so it reads the same in HTML and JSON. */
export const formFieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  error: 'must be lower-case letters, digits or _ (max 40)',
});

export const formFieldSchema = z
  .strictObject({
    key: formFieldKey,
    target: z.enum(FORM_TARGETS),
    /** The custom property's key when target is `custom`. */
    property: formFieldKey.nullable(),
    label: bilingual(80),
    required: z.boolean(),
  })
  .refine((field) => (field.target === 'custom') === (field.property !== null), {
    error: 'a custom property field names its property, and only it does',
    path: ['property'],
  });
export type FormField = z.infer<typeof formFieldSchema>;

/**
 * A page origin the form may be posted from: `https://shop.example` (http only for this machine, to try it out).
 * The browser sends it in `Origin`; the service answers CORS for these alone and refuses a post from any other.
 */
export const pageOrigin = z
  .string()
  .trim()
  .max(200)
  .regex(/^(?:https:\/\/[a-z0-9.-]+(?::\d{1,5})?|http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?)$/, {
    error: 'must be a site address such as https://www.example.com (no path)',
  });

/** Who owns each lead: one rep, or the listed reps in turn. Ids are the team's reps (GET /v1/team). */
export const ownerRuleSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('rep'), repId: recordId }),
  z.strictObject({ rule: z.literal('rotate'), repIds: z.array(recordId).min(1).max(50) }),
]);
export type OwnerRule = z.infer<typeof ownerRuleSchema>;

export const MAX_FORM_FIELDS = 20;

export const formDefinitionSchema = z
  .strictObject({
    name: requiredText(120),
    fields: z.array(formFieldSchema).min(1).max(MAX_FORM_FIELDS),
    /** The Source of each lead: a synced source's id, or null for the built-in "Website form". */
    sourceId: recordId.nullable(),
    owner: ownerRuleSchema,
    /** The follow-up task for the owner is due this many hours after the submission. */
    followUpHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
    allowedOrigins: z.array(pageOrigin).min(1).max(10),
  })
  .superRefine((form, ctx) => {
    const keys = new Set<string>();
    form.fields.forEach((field, i) => {
      if (keys.has(field.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'is used twice' });
      keys.add(field.key);
      if (field.key === HONEYPOT_FIELD) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'is kept for the spam trap' });
      }
    });
    const email = form.fields.filter((field) => field.target === 'email');
    // The address is how a lead is found again: without it every submission would be a new contact.
    if (email.length !== 1 || !email[0]?.required) {
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'needs exactly one required email field' });
    }
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

export const formSchema = z.object({
  id: recordId,
  definition: formDefinitionSchema,
  createdAt: epochMs,
  updatedAt: epochMs,
  archivedAt: epochMs.nullable(),
  /** Submissions accepted so far. */
  submissions: z.number().int().nonnegative(),
});
export type Form = z.infer<typeof formSchema>;
export const formsResponseSchema = z.object({ forms: z.array(formSchema) });
export const formResponseSchema = z.object({ form: formSchema });

/**
 * A name no person fills: the snippet hides the input from people (off-screen, out of the tab order, no
 * autocomplete), and form-filling robots that fill every input give themselves away.
 */
export const HONEYPOT_FIELD = 'website_url';
/** Text a person may type in one field; a message field takes more. */
export const MAX_VALUE_CHARS = 500;
export const MAX_MESSAGE_CHARS = 4000;
/** Public posts are small: a form of twenty fields fits many times over. */
export const MAX_SUBMISSION_BYTES = 16 * 1024;
/** A person takes seconds to fill a form; a robot posts at once. */
export const MIN_FILL_MS = 3000;
/** A start token older than this is stale: the page was left open for a day. */
export const MAX_FILL_MS = 24 * 60 * 60 * 1000;

/** GET /v1/forms/:id/start: a token that says when the page asked, signed by the service. */
export const startResponseSchema = z.object({ token: z.string() });

export const submissionSchema = z.strictObject({
  token: z.string().max(200),
  /** The page the form was on (the snippet sends location.href). */
  page: z.url({ protocol: /^https?$/ }).max(2000),
  values: z.record(z.string().max(60), z.string().max(MAX_MESSAGE_CHARS)),
  [HONEYPOT_FIELD]: z.string().max(MAX_VALUE_CHARS).optional(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const submissionAnswerSchema = z.object({ ok: z.literal(true) });

/** Checks a submission's values against its form: only the form's fields, the required ones present, each bounded. */
export function readValues(
  form: FormDefinition,
  values: Submission['values'],
): { ok: true; values: Map<FormField, string> } | { ok: false; field: string; problem: string } {
  const byKey = new Map(form.fields.map((field) => [field.key, field]));
  for (const key of Object.keys(values)) {
    if (!byKey.has(key)) return { ok: false, field: key, problem: 'is not a field of this form' };
  }
  const read = new Map<FormField, string>();
  for (const field of form.fields) {
    const value = (values[field.key] ?? '').replace(/\s+/g, ' ').trim();
    const raw = field.target === 'message' ? (values[field.key] ?? '').trim() : value;
    if (!raw) {
      if (field.required) return { ok: false, field: field.key, problem: 'is required' };
      continue;
    }
    const max = field.target === 'message' ? MAX_MESSAGE_CHARS : MAX_VALUE_CHARS;
    if (raw.length > max) return { ok: false, field: field.key, problem: `must be at most ${max} characters` };
    if (field.target === 'email' && !emailAddress.safeParse(raw).success) {
      return { ok: false, field: field.key, problem: 'is not an email address' };
    }
    if (field.target === 'phone' && !/^[+()\d\s.\-/]{6,40}$/.test(raw)) {
      return { ok: false, field: field.key, problem: 'is not a phone number' };
    }
    read.set(field, raw);
  }
  return { ok: true, values: read };
}

export const formSaveSchema = z.strictObject({ definition: formDefinitionSchema });
