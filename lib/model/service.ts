import { z } from 'zod';
import { epochMs, newRecordBase, recordBase, recordId, shortText } from './common';

/**
 * Serving customers on time: the kinds of inbound thread a business answers (inquiry, complaint …), each with the
 * rules that suggest it and its target for a first answer, and per thread the kind, its owner and how long it has
 * waited. Both are business-wide: they sync to the team like contacts.
 */

export const BUILT_IN_KINDS = ['inquiry', 'complaint', 'other'] as const;
export type BuiltInKind = (typeof BUILT_IN_KINDS)[number];

/** Thirty days of working minutes: longer is no target. */
export const MAX_TARGET_MINUTES = 30 * 24 * 60;

export const threadKindSchema = z.object({
  ...recordBase,
  /** Built-in kinds are shown in the rep's language while their name is empty. */
  builtIn: z.enum(BUILT_IN_KINDS).nullable(),
  name: shortText(80),
  order: z.number().int(),
  /** The first answer is due this many working minutes after the first unanswered message; null: no target. */
  targetMinutes: z.number().int().min(1).max(MAX_TARGET_MINUTES).nullable(),
  /** Gmail labels that suggest this kind, as the rep sees them. */
  labels: z.array(shortText(100).min(1)).max(50),
  /** Words or phrases in the subject that suggest it, in any case and any language. */
  words: z.array(shortText(100).min(1)).max(100),
});
export type ThreadKind = z.infer<typeof threadKindSchema>;

/**
 * One inbound thread in one mailbox (Gmail thread ids are per mailbox). `waitingSince` is the first message nobody
 * has answered yet, null once answered; `firstInboundAt` and `firstAnsweredAt` are the first wait of the thread, the
 * one the policy measures.
 */
export const serviceThreadSchema = z.object({
  ...recordBase,
  threadId: shortText(100).min(1),
  accountIndex: z.number().int().min(0).max(99).nullable(),
  subject: shortText(500),
  kindId: recordId.nullable(),
  /** How the kind was chosen: the rep's click, or a rule the rep has not confirmed. */
  kindBy: z.enum(['rep', 'rule']).nullable(),
  /** The rep who holds the thread: who saw it first, until it is handed to another. */
  ownerRepId: recordId.nullable(),
  waitingSince: epochMs.nullable(),
  firstInboundAt: epochMs.nullable(),
  firstAnsweredAt: epochMs.nullable(),
  /** The reminder that tells the owner a complaint nears its target; cancelled by the reply. */
  reminderTaskId: recordId.nullable(),
});
export type ServiceThread = z.infer<typeof serviceThreadSchema>;

/**
 * Built-in kinds have the same id in every browser, so two reps of a team who each started with them share one
 * record rather than two "Complaint" kinds.
 */
export const BUILT_IN_KIND_IDS: Record<BuiltInKind, string> = {
  inquiry: '3a5c1f0e-8b2d-4c6a-9e01-5e7a1c000001',
  complaint: '3a5c1f0e-8b2d-4c6a-9e01-5e7a1c000002',
  other: '3a5c1f0e-8b2d-4c6a-9e01-5e7a1c000003',
};

const DEFAULT_TARGETS: Record<BuiltInKind, number | null> = { inquiry: 8 * 60, complaint: 4 * 60, other: null };
const DEFAULT_WORDS: Record<BuiltInKind, string[]> = {
  inquiry: ['price', 'quote', 'question', 'តម្លៃ', 'សំណួរ', 'សួរ'],
  complaint: ['complaint', 'problem', 'broken', 'refund', 'ត្អូញត្អែរ', 'បញ្ហា', 'ខូច'],
  other: [],
};

/** The same in every browser, to the millisecond: two reps' seeds are one record to the team, with nothing to merge. */
const SEEDED_AT = Date.UTC(2026, 11, 1);

export function defaultThreadKinds(): ThreadKind[] {
  return BUILT_IN_KINDS.map((builtIn, order) => ({
    ...newRecordBase(SEEDED_AT, BUILT_IN_KIND_IDS[builtIn]),
    builtIn,
    name: '',
    order,
    targetMinutes: DEFAULT_TARGETS[builtIn],
    labels: [],
    words: DEFAULT_WORDS[builtIn],
  }));
}
