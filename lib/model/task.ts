import { z } from 'zod';
import { epochMs, recordBase, recordId, requiredText, shortText } from './common';

export const TASK_KINDS = ['todo', 'follow-up', 'no-reply'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const taskStatus = z.enum(TASK_STATUSES);

export const taskEvent = z.object({
  at: epochMs,
  event: z.enum(['created', 'rescheduled', 'snoozed', 'fired', 'done', 'reopened', 'cancelled-by-reply', 'cancelled']),
  detail: shortText(500),
});
export type TaskEvent = z.infer<typeof taskEvent>;

export const taskSchema = z.object({
  ...recordBase,
  title: requiredText(300),
  note: shortText(5000),
  kind: z.enum(TASK_KINDS),
  status: taskStatus,
  dueAt: epochMs,
  contactId: recordId.nullable(),
  dealId: recordId.nullable(),
  companyId: recordId.nullable(),
  ownerId: recordId.nullable(),
  /** Gmail thread (legacy hex id) and the account path index (/mail/u/N/) to reopen it. */
  threadId: shortText(100).nullable(),
  accountIndex: z.number().int().min(0).max(99).nullable(),
  /**
   * For "remind me if no reply": the message ids seen in the thread when the task was set, and the normalised
   * addresses of the other participants. A message from one of them that is not in this list cancels the task.
   */
  watch: z
    .object({
      knownMessageIds: z.array(shortText(200)).max(500),
      participants: z.array(shortText(254)).max(200),
    })
    .nullable(),
  /** When the notification for the current dueAt was shown; null means it has not fired yet. */
  firedAt: epochMs.nullable(),
  completedAt: epochMs.nullable(),
  history: z.array(taskEvent).max(200),
});
export type Task = z.infer<typeof taskSchema>;
