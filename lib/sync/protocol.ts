import { z } from 'zod';
import {
  activitySchema,
  closeReasonSchema,
  companySchema,
  competitorSchema,
  contactSchema,
  customPropertyDefSchema,
  dealSchema,
  emailAddress,
  epochMs,
  pipelineSchema,
  planBudgetLineSchema,
  planOwnerSchema,
  planSchema,
  planTargetSchema,
  recordId,
  repSchema,
  requiredText,
  serviceThreadSchema,
  sourceSchema,
  taskSchema,
  templateSchema,
  threadKindSchema,
} from '../model';
import { DEVICE_ID, deviceOf, HLC_PATTERN } from './hlc';

/**
 * Every body the team service takes and answers. Requests are strict (an unknown field is refused, not ignored: a
 * typo must not pass as a write that did nothing); answers strip unknown fields so an older extension can still read
 * a newer service's answers.
 */

/** The stores of lib/db/schema.ts that sync; settings, thread preferences and the import and merge journals do not. */
export const SYNC_ENTITIES = [
  'contacts',
  'companies',
  'deals',
  'activities',
  'tasks',
  'pipelines',
  'sources',
  'reps',
  'propertyDefs',
  'closeReasons',
  'competitors',
  'templates',
  'threadKinds',
  'serviceThreads',
  'plans',
  'planBudgetLines',
  'planOwners',
  'planTargets',
] as const;
export const syncEntity = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof syncEntity>;

/**
 * Each field's value is checked with the same schema the extension stores it with, one field at a time (a change
 * carries only the fields it changed). `id` names the record and is no field; index keys the store derives
 * (emailKeys, searchKeys, messageKey) are not in the model, so they are refused: each device derives its own.
 */
export const ENTITY_SCHEMAS = {
  contacts: contactSchema,
  companies: companySchema,
  deals: dealSchema,
  activities: activitySchema,
  tasks: taskSchema,
  pipelines: pipelineSchema,
  sources: sourceSchema,
  reps: repSchema,
  propertyDefs: customPropertyDefSchema,
  closeReasons: closeReasonSchema,
  competitors: competitorSchema,
  templates: templateSchema,
  threadKinds: threadKindSchema,
  serviceThreads: serviceThreadSchema,
  plans: planSchema,
  planBudgetLines: planBudgetLineSchema,
  planOwners: planOwnerSchema,
  planTargets: planTargetSchema,
} satisfies Record<SyncEntity, z.ZodObject>;

export function fieldSchema(entity: SyncEntity, field: string): z.ZodType | null {
  if (field === 'id') return null;
  const shape: Record<string, z.ZodType> = ENTITY_SCHEMAS[entity].shape;
  return Object.hasOwn(shape, field) ? (shape[field] ?? null) : null;
}

export const MAX_MUTATIONS_PER_PUSH = 500;
/** The service refuses larger bodies (413); a device splits its outbox into batches under both bounds. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_PULL_LIMIT = 1000;
/** How far ahead of the service's clock a stamp may be: a device with a clock far ahead would win every field. */
export const MAX_CLOCK_AHEAD_MS = 10 * 60 * 1000;

export const hlcSchema = z.string().regex(HLC_PATTERN, { error: 'must be a hybrid logical clock stamp' });
export const deviceIdSchema = z.string().regex(DEVICE_ID, { error: 'must be a device id' });
export const roleSchema = z.enum(['manager', 'rep']);
export type Role = z.infer<typeof roleSchema>;

/** One field as a device sends it; the service adds who wrote it (`by`) from the device's token. */
export const fieldChangeSchema = z.strictObject({
  value: z.json(),
  hlc: hlcSchema,
  base: hlcSchema.nullable(),
});

const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, { error: 'must be a field name' });

export const mutationSchema = z
  .strictObject({
    /** Per device, 1, 2, 3…: the service applies each number once, in order, with no gap. */
    seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    entity: syncEntity,
    id: recordId,
    fields: z.record(fieldName, fieldChangeSchema),
  })
  .superRefine((mutation, ctx) => {
    const names = Object.keys(mutation.fields);
    if (names.length === 0) ctx.addIssue({ code: 'custom', path: ['fields'], message: 'must change a field' });
    for (const name of names) {
      const schema = fieldSchema(mutation.entity, name);
      if (!schema) {
        ctx.addIssue({ code: 'custom', path: ['fields', name], message: `is not a field of ${mutation.entity}` });
        continue;
      }
      const result = schema.safeParse(mutation.fields[name]?.value);
      for (const issue of result.error?.issues ?? []) {
        ctx.addIssue({ code: 'custom', path: ['fields', name, 'value', ...issue.path], message: issue.message });
      }
    }
  });
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z
  .strictObject({
    /** Must be the device the token belongs to: an outbox kept from an earlier join is refused, not misapplied. */
    deviceId: deviceIdSchema,
    mutations: z.array(mutationSchema).min(1).max(MAX_MUTATIONS_PER_PUSH),
  })
  .superRefine((push, ctx) => {
    const first = push.mutations[0]?.seq ?? 0;
    push.mutations.forEach((mutation, i) => {
      if (mutation.seq !== first + i) {
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'seq'], message: 'must follow the one before it' });
      }
      // A device stamps only with its own clock: a stamp naming another device could take that device's place
      // in the order of writes.
      for (const [name, change] of Object.entries(mutation.fields)) {
        if (deviceOf(change.hlc) !== push.deviceId) {
          ctx.addIssue({
            code: 'custom',
            path: ['mutations', i, 'fields', name, 'hlc'],
            message: "must be this device's",
          });
        }
      }
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** The device's highest applied mutation number: everything up to it may leave the outbox. */
  lastSeq: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const fieldWriteSchema = z.object({
  value: z.json(),
  hlc: hlcSchema,
  base: hlcSchema.nullable(),
  by: z.string().nullable(),
});

export const conflictSchema = fieldWriteSchema.extend({
  field: z.string(),
  lostTo: hlcSchema,
  silent: z.boolean(),
});

export const repRefSchema = z.object({ id: recordId, name: z.string() });

export const syncedRecordSchema = z.object({
  entity: syncEntity,
  id: recordId,
  version: z.number().int().positive(),
  fields: z.record(z.string(), fieldWriteSchema),
  conflicts: z.array(conflictSchema),
  /** The rep whose push last changed this record. */
  updatedBy: repRefSchema.nullable(),
});
export type SyncedRecord = z.infer<typeof syncedRecordSchema>;

export const pullResponseSchema = z.object({
  records: z.array(syncedRecordSchema),
  /** Pass it back as `cursor` for the next page; when `more` is false it is the team's version. */
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
  /** The team's version in the same snapshot: with `cursor`, how far an initial sync has come. */
  teamVersion: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** The data of each `version` event on GET /v1/events. */
export const versionEventSchema = z.object({ version: z.number().int().nonnegative() });

export const joinRequestSchema = z.strictObject({
  code: z.string().trim().min(1).max(40),
  deviceName: requiredText(80),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const repInfoSchema = z.object({ id: recordId, name: z.string(), email: z.string(), role: roleSchema });

export const joinResponseSchema = z.object({
  /** Shown once: the service keeps only its hash. */
  token: z.string(),
  deviceId: deviceIdSchema,
  team: z.object({ id: recordId, name: z.string() }),
  rep: repInfoSchema,
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

export const inviteRequestSchema = z.strictObject({
  role: roleSchema,
  name: requiredText(120),
  email: emailAddress,
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type InviteRequest = z.infer<typeof inviteRequestSchema>;

export const inviteResponseSchema = z.object({
  code: z.string(),
  expiresAt: epochMs,
  role: roleSchema,
  name: z.string(),
  email: z.string(),
});
export type InviteResponse = z.infer<typeof inviteResponseSchema>;

export const deviceSchema = z.object({
  id: deviceIdSchema,
  name: z.string(),
  rep: repRefSchema,
  createdAt: epochMs,
  lastSeenAt: epochMs.nullable(),
  revokedAt: epochMs.nullable(),
  /** The device that asked. */
  current: z.boolean(),
});
export const devicesResponseSchema = z.object({ devices: z.array(deviceSchema) });
export type DevicesResponse = z.infer<typeof devicesResponseSchema>;
export const revokeResponseSchema = z.object({ device: deviceSchema });

export const teamResponseSchema = z.object({
  team: z.object({ id: recordId, name: z.string(), version: z.number().int().nonnegative() }),
  reps: z.array(repInfoSchema),
  me: z.object({ repId: recordId, deviceId: deviceIdSchema, role: roleSchema }),
});
export type TeamResponse = z.infer<typeof teamResponseSchema>;

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'seq_gap',
  'cursor_ahead',
  'invite_invalid',
  'invite_used',
  'invite_expired',
  'body_too_large',
  'unsupported_media_type',
  'unavailable',
  'internal',
  // The public web form endpoints (server/forms).
  'origin_not_allowed',
  'rate_limited',
  'too_fast',
] as const;
export const errorResponseSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorCode = (typeof ERROR_CODES)[number];
