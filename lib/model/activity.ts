import { z } from 'zod';
import { epochMs, recordBase, recordId, shortText } from './common';

/** `satisfaction`: a customer's score from 1 to 5, per contact, rep, thread and kind of thread (lib/service). */
export const ACTIVITY_TYPES = ['email', 'call', 'meeting', 'note', 'voicemail', 'satisfaction'] as const;
/** Where an email's time came from: Gmail's ids, the date text Gmail showed, or the moment it was logged. */
export const EMAIL_TIME_SOURCES = ['id', 'text', 'logged'] as const;
export const activityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof activityType>;

export const activitySchema = z.object({
  ...recordBase,
  type: activityType,
  occurredAt: epochMs,
  /** The contact this happened with; the timeline index is (contactId, occurredAt). */
  contactId: recordId.nullable(),
  companyId: recordId.nullable(),
  dealId: recordId.nullable(),
  repId: recordId.nullable(),
  subject: shortText(500),
  /** Notes, or an email body only when the rep asked to copy it. */
  body: shortText(100_000),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  outcome: shortText(200),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable(),
  /** Gmail ids, for email activities: the thread to open and the message that makes this activity unique. */
  threadId: shortText(100).nullable(),
  messageId: shortText(200).nullable(),
  /** Address of the rep's account for email activities (who answered), normalised. */
  repAddress: shortText(254).nullable(),
  /**
   * For email activities, how `occurredAt` was found (see lib/webmail/message-time.ts); null for other activities and
   * emails logged before it was kept. Defaults keep older rows and backups parsing.
   */
  timeSource: z.enum(EMAIL_TIME_SOURCES).nullable().default(null),
  /** N of the /mail/u/N/ an email was seen in, so a link to its thread opens that account; null when unknown. */
  accountIndex: z.number().int().min(0).max(99).nullable().default(null),
  /** A satisfaction activity's score, 1 to 5; null for every other activity. */
  score: z.number().int().min(1).max(5).nullable().default(null),
  /** The kind of thread a satisfaction score was given for (lib/model/service.ts), when it had one. */
  threadKindId: recordId.nullable().default(null),
});
export type Activity = z.infer<typeof activitySchema>;
