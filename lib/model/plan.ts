import { z } from 'zod';
import { epochMs, newRecordBase, recordBase, recordId, shortText } from './common';
import { currencyCode } from './money';
import { BUILT_IN_KIND_IDS, BUILT_IN_KINDS } from './service';

/**
 * The customer-relationship plan, kept beside the figures that show whether it works: six steps the business writes
 * (review, competitors, policy, budget, responsibility, measures), budget lines per part and month, the owner of each
 * part and kind of thread (every change its own record, so the history says who and when), and targets evaluated
 * against live values. Business-wide: each store syncs to the team like contacts.
 */

export const PLAN_STEPS = ['review', 'competitors', 'policy', 'budget', 'responsibility', 'measures'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

/** Parts of the plan a budget and an owner are given for, separable as the guide asks. */
export const PLAN_PARTS = ['training', 'tools', 'channels'] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

const notes = shortText(5000);

/** The one plan of a business: what it writes for each step, one field per step so two editors of different steps both keep theirs. */
export const planSchema = z.object({
  ...recordBase,
  review: notes,
  competitors: notes,
  policy: notes,
  budget: notes,
  responsibility: notes,
  measures: notes,
});
export type Plan = z.infer<typeof planSchema>;

/** 'YYYY-MM': budgets are planned per calendar month. */
export const planMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month (YYYY-MM)' });

const minor = z.number().int({ error: 'must be a whole number of minor units' }).min(0).max(1e15);
const hours = z.number().min(0).max(10_000);

/** Time and money one part needs in one month, planned and spent, in one currency (minor units, as Money). */
export const planBudgetLineSchema = z.object({
  ...recordBase,
  part: z.enum(PLAN_PARTS),
  label: shortText(120),
  month: planMonth,
  currency: currencyCode,
  planned: minor,
  spent: minor,
  plannedHours: hours,
  spentHours: hours,
});
export type PlanBudgetLine = z.infer<typeof planBudgetLineSchema>;

/**
 * One change of owner, never edited: the newest for a part (or kind of thread) is its owner, the rest its history.
 * Exactly one of `part` and `kindId` is set.
 */
export const planOwnerSchema = z
  .object({
    ...recordBase,
    part: z.enum(PLAN_PARTS).nullable(),
    kindId: recordId.nullable(),
    /** The rep (or manager) who holds it from now; null: nobody. */
    repId: recordId.nullable(),
    /** The rep who made the change, as this browser knew them. */
    changedBy: recordId.nullable(),
    at: epochMs,
  })
  .refine((row) => (row.part === null) !== (row.kindId === null), { error: 'names a part or a kind of thread' });
export type PlanOwner = z.infer<typeof planOwnerSchema>;

/**
 * What the plan measures. `withinTarget`: share of a kind's threads answered within its target (0–1);
 * `satisfaction`: mean customer score (1–5), of one kind or all; `medianMinutes`: first-answer median in working
 * minutes; `winRate`: won ÷ closed deals (0–1).
 */
export const PLAN_MEASURES = ['withinTarget', 'satisfaction', 'medianMinutes', 'winRate'] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];

export const planTargetSchema = z.object({
  ...recordBase,
  measure: z.enum(PLAN_MEASURES),
  kindId: recordId.nullable(),
  comparison: z.enum(['atLeast', 'atMost']),
  value: z.number().min(0).max(1_000_000),
  order: z.number().int(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

/** Fixed ids and time: every browser's seed is the same record to the team, with nothing to merge. */
export const PLAN_ID = '5b1e7c20-3f4a-4d8b-a2c1-6d0000000001';
const SEEDED_AT = Date.UTC(2026, 11, 1);

export function seedPlan(): Plan {
  return {
    ...newRecordBase(SEEDED_AT, PLAN_ID),
    review: '',
    competitors: '',
    policy: '',
    budget: '',
    responsibility: '',
    measures: '',
  };
}

/** The guide's own examples: complaints answered within target (4 h) ≥ 90 %, satisfaction ≥ 4.2. */
export function seedPlanTargets(): PlanTarget[] {
  return [
    {
      ...newRecordBase(SEEDED_AT, '5b1e7c20-3f4a-4d8b-a2c1-6d0000000011'),
      measure: 'withinTarget',
      kindId: BUILT_IN_KIND_IDS.complaint,
      comparison: 'atLeast',
      value: 0.9,
      order: 0,
    },
    {
      ...newRecordBase(SEEDED_AT, '5b1e7c20-3f4a-4d8b-a2c1-6d0000000012'),
      measure: 'satisfaction',
      kindId: null,
      comparison: 'atLeast',
      value: 4.2,
      order: 1,
    },
  ];
}

/** The plan's targets in a scheduled report: stored with it, so parsed back with this schema. */
export const planSummarySchema = z.array(
  z.object({
    measure: z.enum(PLAN_MEASURES),
    kindId: z.string().nullable(),
    builtIn: z.enum(BUILT_IN_KINDS).nullable(),
    kindName: z.string(),
    comparison: z.enum(['atLeast', 'atMost']),
    target: z.number(),
    value: z.number().nullable(),
    met: z.boolean().nullable(),
    change: z.enum(['better', 'worse', 'same']).nullable(),
  }),
);
export type PlanSummary = z.infer<typeof planSummarySchema>;
