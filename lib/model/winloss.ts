import { z } from 'zod';
import { recordBase, requiredText, shortText } from './common';

export const CLOSE_OUTCOMES = ['won', 'lost'] as const;
export const closeOutcome = z.enum(CLOSE_OUTCOMES);
export type CloseOutcome = z.infer<typeof closeOutcome>;

/**
 * A reason a deal is won or lost, from the lists the business keeps in Settings (one list per outcome). The business
 * writes each reason in English and Khmer; a rep sees it in their language, the English when the Khmer is blank.
 * "Other, in the rep's words" is no record: a deal holds those words itself (Deal.closeReasonOther).
 */
export const closeReasonSchema = z.object({
  ...recordBase,
  outcome: closeOutcome,
  name: requiredText(80),
  nameKm: shortText(80),
  order: z.number().int(),
});
export type CloseReason = z.infer<typeof closeReasonSchema>;

/** A business the team meets on deals: who they are, and what the team knows of them. */
export const competitorSchema = z.object({
  ...recordBase,
  name: requiredText(120),
  website: shortText(300),
  notes: shortText(5000),
});
export type Competitor = z.infer<typeof competitorSchema>;

/**
 * The reasons a new profile starts with. Their ids are fixed, the same in every browser, so reps of one team who each
 * start with them end up with one list when they sync, not one copy per rep.
 */
const DEFAULT_REASONS: ReadonlyArray<Pick<CloseReason, 'id' | 'outcome' | 'name' | 'nameKm'>> = [
  { id: '7f1c2a10-5d4e-4b8a-9c01-000000000001', outcome: 'won', name: 'Good price', nameKm: 'តម្លៃសមរម្យ' },
  {
    id: '7f1c2a10-5d4e-4b8a-9c01-000000000002',
    outcome: 'won',
    name: 'Product fits the need',
    nameKm: 'ផលិតផលត្រូវនឹងតម្រូវការ',
  },
  {
    id: '7f1c2a10-5d4e-4b8a-9c01-000000000003',
    outcome: 'won',
    name: 'Trust and relationship',
    nameKm: 'ទំនុកចិត្ត និងទំនាក់ទំនងល្អ',
  },
  { id: '7f1c2a10-5d4e-4b8a-9c01-000000000004', outcome: 'won', name: 'Fast service', nameKm: 'សេវាកម្មរហ័ស' },
  { id: '7f1c2a10-5d4e-4b8a-9c01-000000000011', outcome: 'lost', name: 'Price too high', nameKm: 'តម្លៃខ្ពស់ពេក' },
  {
    id: '7f1c2a10-5d4e-4b8a-9c01-000000000012',
    outcome: 'lost',
    name: 'Chose a competitor',
    nameKm: 'ជ្រើសរើសដៃគូប្រកួតប្រជែង',
  },
  {
    id: '7f1c2a10-5d4e-4b8a-9c01-000000000013',
    outcome: 'lost',
    name: 'No decision',
    nameKm: 'មិនបានសម្រេចចិត្ត',
  },
  { id: '7f1c2a10-5d4e-4b8a-9c01-000000000014', outcome: 'lost', name: 'No budget', nameKm: 'គ្មានថវិកា' },
  {
    id: '7f1c2a10-5d4e-4b8a-9c01-000000000015',
    outcome: 'lost',
    name: 'Missing a feature',
    nameKm: 'ខ្វះមុខងារដែលត្រូវការ',
  },
];

export function defaultCloseReasons(now: number): CloseReason[] {
  return DEFAULT_REASONS.map((reason, order) => ({
    ...reason,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    order,
  }));
}

/** A reason's name in the rep's language; the English when the Khmer was left blank. */
export function reasonName(reason: Pick<CloseReason, 'name' | 'nameKm'>, language: 'en' | 'km'): string {
  return language === 'km' && reason.nameKm !== '' ? reason.nameKm : reason.name;
}
