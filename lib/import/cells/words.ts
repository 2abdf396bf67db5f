import type { LifecycleStage } from '../../model/contact';
import type { DEAL_STATUSES } from '../../model/deal';
import { normaliseHeader } from '../mapping';
import { wordTable } from './text';

/**
 * The English and Khmer words spreadsheets use for a contact's lifecycle stage, a deal's status and a checkbox,
 * as other CRMs export them and as reps type them.
 */

type DealStatus = (typeof DEAL_STATUSES)[number];

export const LIFECYCLE_WORDS = wordTable<LifecycleStage>({
  subscriber: 'subscriber',
  អ្នកជាវ: 'subscriber',
  lead: 'lead',
  'new lead': 'lead',
  prospect: 'lead',
  'marketing qualified lead': 'lead',
  mql: 'lead',
  អតិថិជនសក្តានុពល: 'lead',
  អតិថិជនសក្ដានុពល: 'lead',
  អតិថិជនមានសក្តានុពល: 'lead',
  opportunity: 'opportunity',
  'sales qualified lead': 'opportunity',
  sql: 'opportunity',
  ឱកាស: 'opportunity',
  ឱកាសលក់: 'opportunity',
  customer: 'customer',
  client: 'customer',
  អតិថិជន: 'customer',
  evangelist: 'evangelist',
  advocate: 'evangelist',
  promoter: 'evangelist',
  អ្នកគាំទ្រ: 'evangelist',
  other: 'other',
  ផ្សេងៗ: 'other',
  ផ្សេងទៀត: 'other',
});
export const LIFECYCLE_LIST = 'subscriber, lead, opportunity, customer, evangelist, other';

export const STATUS_WORDS = wordTable<DealStatus>({
  open: 'open',
  active: 'open',
  'in progress': 'open',
  បើក: 'open',
  កំពុងដំណើរការ: 'open',
  won: 'won',
  'closed won': 'won',
  win: 'won',
  ឈ្នះ: 'won',
  ជោគជ័យ: 'won',
  lost: 'lost',
  'closed lost': 'lost',
  ចាញ់: 'lost',
  បរាជ័យ: 'lost',
});

export const TRUE_WORDS = new Set(
  ['true', 'yes', 'y', '1', 'x', '✓', '✔', 'on', 'checked', 'បាទ', 'ចាស', 'ពិត', 'មាន'].map(normaliseHeader),
);
export const FALSE_WORDS = new Set(
  ['false', 'no', 'n', '0', 'off', 'unchecked', 'ទេ', 'មិនពិត', 'គ្មាន'].map(normaliseHeader),
);
