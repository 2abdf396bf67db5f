import { z } from 'zod';
import { epochMs, recordId, requiredText } from '../model';
import type { ContractShape } from '../rpc/define';
import {
  deviceIdSchema,
  deviceSchema,
  inviteRequestSchema,
  inviteResponseSchema,
  repInfoSchema,
  syncEntity,
} from '../sync/protocol';

/** The team as this browser belongs to it: owned with lib/team/handlers.ts. */
export const teamStatusSchema = z.discriminatedUnion('joined', [
  z.object({ joined: z.literal(false) }),
  z.object({
    joined: z.literal(true),
    serverUrl: z.string(),
    team: z.object({ id: recordId, name: z.string() }),
    rep: repInfoSchema,
    reps: z.array(repInfoSchema),
    deviceId: deviceIdSchema,
    deviceName: z.string(),
    joinedAt: epochMs,
    lastSyncAt: epochMs.nullable(),
    lastError: z.object({ code: z.string(), message: z.string(), at: epochMs }).nullable(),
    /** Local changes the service has not acknowledged yet. */
    pending: z.number().int().nonnegative(),
    cursor: z.number().int().nonnegative(),
    teamVersion: z.number().int().nonnegative(),
  }),
]);
export type TeamStatus = z.infer<typeof teamStatusSchema>;

/** A value a teammate's write replaced without having seen it, as the record page shows it. */
export const conflictViewSchema = z.object({
  field: z.string(),
  value: z.json(),
  /** The stamp of the write that lost: what dismissing names. */
  hlc: z.string(),
  /** Who wrote the value that lost, and who holds the field now (names; null when the team did not say). */
  by: z.string().nullable(),
  winner: z.string().nullable(),
  /** This rep's write holds the field: a teammate's value was replaced, rather than this rep's. */
  kept: z.boolean(),
  at: epochMs,
});
export type ConflictView = z.infer<typeof conflictViewSchema>;

/** Who changed a record: its latest write and its past writes, each naming its rep (lib/team/changes.ts). */
export const recordChangesSchema = z.object({
  last: z.object({ by: z.string().nullable(), at: epochMs }).nullable(),
  history: z.array(
    z.object({
      hlc: z.string(),
      by: z.string().nullable(),
      at: epochMs,
      /** The write that made the record. */
      created: z.boolean(),
      fields: z.array(z.object({ field: z.string(), value: z.json() })),
    }),
  ),
});
export type RecordChanges = z.infer<typeof recordChangesSchema>;

const recordRef = z.object({ entity: syncEntity, id: recordId });

/** Pages that show the CRM call team.watch at least this often while they are visible (components/team-watch.ts). */
export const WATCH_EVERY_MS = 20_000;

export const teamContract = {
  'team.status': { input: z.object({ refresh: z.boolean().optional() }), output: teamStatusSchema },
  /** Exchanges a one-time invite code for this device's token; the worker calls the service, not the page. */
  'team.join': {
    input: z.object({ serverUrl: z.string().max(300), code: z.string().max(40), deviceName: requiredText(80) }),
    output: teamStatusSchema,
  },
  /** Revokes this device on the service (when it can be reached) and stops syncing; the records stay. */
  'team.leave': {
    input: z.object({}),
    output: z.object({ revoked: z.boolean(), unsent: z.number().int().nonnegative() }),
  },
  'team.syncNow': { input: z.object({}), output: teamStatusSchema },
  /** From a page showing the CRM, on opening, on focus and every WATCH_EVERY_MS: keeps teammates' changes coming. */
  'team.watch': { input: z.object({}), output: z.object({ joined: z.boolean() }) },
  'team.devices': { input: z.object({}), output: z.array(deviceSchema) },
  'team.revokeDevice': { input: z.object({ deviceId: deviceIdSchema }), output: deviceSchema },
  /** The code is in this answer only: the service keeps its hash. */
  'team.invite': { input: inviteRequestSchema, output: inviteResponseSchema },
  'team.conflicts': { input: recordRef, output: z.array(conflictViewSchema) },
  /** Null for a lone rep: a browser alone has no one else to name. */
  'team.changes': { input: recordRef, output: recordChangesSchema.nullable() },
  'team.dismissConflict': { input: recordRef.extend({ hlc: z.string().max(80) }), output: z.literal(true) },
} satisfies ContractShape;
