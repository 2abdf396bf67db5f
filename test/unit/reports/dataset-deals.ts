import type { Deal } from '../../../lib/model/deal';
import { base, PIPELINE, pp, REP, STAGE, uuid } from './dataset-ids';

interface DealSpec {
  n: number;
  title: string;
  amount: number;
  /** USD unless said. */
  currency?: string;
  /** The Sales pipeline unless said. */
  pipelineId?: string;
  stageId: string;
  status: Deal['status'];
  ownerId: string;
  createdAt: number;
  closedAt?: number;
  expectedCloseAt?: number | null;
  probabilityOverride?: number;
  stageChangedAt?: number;
  deletedAt?: number;
}

function deal(spec: DealSpec): Deal {
  return {
    ...base(uuid(6, spec.n), spec.createdAt, spec.deletedAt ?? null),
    title: spec.title,
    value: { amount: spec.amount, currency: spec.currency ?? 'USD' },
    pipelineId: spec.pipelineId ?? PIPELINE.sales,
    stageId: spec.stageId,
    status: spec.status,
    lostReason: spec.status === 'lost' ? 'Price' : '',
    expectedCloseAt: spec.expectedCloseAt ?? null,
    closedAt: spec.closedAt ?? null,
    probabilityOverride: spec.probabilityOverride ?? null,
    contactIds: [],
    companyId: null,
    ownerId: spec.ownerId,
    threadId: null,
    // The store stamps stageChangedAt = createdAt on creation; a later stage change restamps it.
    stageChangedAt: spec.stageChangedAt ?? spec.createdAt,
    custom: {},
  };
}

export const deals: Deal[] = [
  // ---- open ----
  // USD 1,000.00 in Connect (0.1), expected 15 Apr.
  deal({
    n: 1,
    title: 'Website redesign',
    amount: 100_000,
    stageId: STAGE.connect,
    status: 'open',
    ownerId: REP.sokha,
    createdAt: pp(2026, 2, 10, 9),
    expectedCloseAt: pp(2026, 4, 15, 12),
  }),
  // KHR 4,000,000 (= USD 1,000.00) in Demo (0.6), expected 1 May 00:30 local; moved to Demo 10 Mar.
  deal({
    n: 2,
    title: 'អង្ករ ៥០ តោន', // "Rice, 50 tonnes"
    amount: 4_000_000,
    currency: 'KHR',
    stageId: STAGE.demo,
    status: 'open',
    ownerId: REP.dara,
    createdAt: pp(2026, 2, 15, 9),
    expectedCloseAt: pp(2026, 5, 1, 0, 30),
    stageChangedAt: pp(2026, 3, 10, 9),
  }),
  // USD 2,500.00 in Close (0.9) but the rep overrides to 0.5; moved to Close 20 Mar.
  deal({
    n: 3,
    title: 'Office fit-out',
    amount: 250_000,
    stageId: STAGE.close,
    status: 'open',
    ownerId: REP.sokha,
    createdAt: pp(2026, 3, 5, 9),
    expectedCloseAt: pp(2026, 4, 10, 12),
    probabilityOverride: 0.5,
    stageChangedAt: pp(2026, 3, 20, 9),
  }),
  // THB 100,000.00 in Qualify (0.3): no THB rate. Created in March, never moved.
  deal({
    n: 4,
    title: 'Bangkok order',
    amount: 10_000_000,
    currency: 'THB',
    stageId: STAGE.qualify,
    status: 'open',
    ownerId: REP.dara,
    createdAt: pp(2026, 3, 12, 9),
    expectedCloseAt: pp(2026, 4, 20, 12),
  }),
  // USD 500.00 in wholesale Lead (0.2), no expected close date; moved in February.
  deal({
    n: 5,
    title: 'Wholesale trial',
    amount: 50_000,
    pipelineId: PIPELINE.wholesale,
    stageId: STAGE.wholesaleLead,
    status: 'open',
    ownerId: REP.sokha,
    createdAt: pp(2026, 1, 20, 9),
    stageChangedAt: pp(2026, 2, 20, 9),
  }),
  // Tombstone: a big open deal, moved in March, deleted. Must change no figure.
  deal({
    n: 6,
    title: 'Deleted deal',
    amount: 999_900,
    stageId: STAGE.connect,
    status: 'open',
    ownerId: REP.sokha,
    createdAt: pp(2026, 3, 1, 9),
    expectedCloseAt: pp(2026, 4, 5, 12),
    stageChangedAt: pp(2026, 3, 14, 9),
    deletedAt: pp(2026, 3, 15, 9),
  }),
  // ---- closed ----
  // Won USD 3,000.00; created 31 Jan 06:00, won 1 Mar 06:00 local: 29 days exactly. UTC puts the win in February.
  deal({
    n: 7,
    title: 'Hotel linen',
    amount: 300_000,
    stageId: STAGE.close,
    status: 'won',
    ownerId: REP.sokha,
    createdAt: pp(2026, 1, 31, 6),
    closedAt: pp(2026, 3, 1, 6),
    stageChangedAt: pp(2026, 2, 20, 9),
  }),
  // Won KHR 8,000,000 (= USD 2,000.00); 1 Mar 10:00 → 11 Mar 10:00: 10 days.
  deal({
    n: 8,
    title: 'ម៉ាស៊ីនត្រជាក់', // "Air conditioners"
    amount: 8_000_000,
    currency: 'KHR',
    stageId: STAGE.close,
    status: 'won',
    ownerId: REP.dara,
    createdAt: pp(2026, 3, 1, 10),
    closedAt: pp(2026, 3, 11, 10),
  }),
  // Won USD 1,200.00 in wholesale; 2 Mar 09:00 → 6 Mar 21:00: 4.5 days. Moved to Offer 4 Mar.
  deal({
    n: 9,
    title: 'Coffee beans',
    amount: 120_000,
    pipelineId: PIPELINE.wholesale,
    stageId: STAGE.wholesaleOffer,
    status: 'won',
    ownerId: REP.sokha,
    createdAt: pp(2026, 3, 2, 9),
    closedAt: pp(2026, 3, 6, 21),
    stageChangedAt: pp(2026, 3, 4, 9),
  }),
  // Lost USD 800.00 on 20 Mar.
  deal({
    n: 10,
    title: 'Printer lease',
    amount: 80_000,
    stageId: STAGE.qualify,
    status: 'lost',
    ownerId: REP.dara,
    createdAt: pp(2026, 2, 1, 9),
    closedAt: pp(2026, 3, 20, 12),
  }),
  // Won USD 700.00 at 1 Apr 00:30 local: April, although UTC says 31 March.
  deal({
    n: 11,
    title: 'Late-night signature',
    amount: 70_000,
    stageId: STAGE.close,
    status: 'won',
    ownerId: REP.sokha,
    createdAt: pp(2026, 3, 1, 9),
    closedAt: pp(2026, 4, 1, 0, 30),
  }),
  // Lost USD 600.00 in February.
  deal({
    n: 12,
    title: 'Tuk-tuk fleet',
    amount: 60_000,
    stageId: STAGE.demo,
    status: 'lost',
    ownerId: REP.sokha,
    createdAt: pp(2026, 1, 5, 9),
    closedAt: pp(2026, 2, 10, 12),
  }),
  // Tombstone: won USD 10,000.00 in March, deleted.
  deal({
    n: 13,
    title: 'Deleted win',
    amount: 1_000_000,
    stageId: STAGE.close,
    status: 'won',
    ownerId: REP.sokha,
    createdAt: pp(2026, 3, 1, 9),
    closedAt: pp(2026, 3, 15, 9),
    deletedAt: pp(2026, 3, 16, 9),
  }),
  // Won THB 5,000.00 (no rate) in wholesale; 20 Feb 09:00 → 25 Mar 09:00: 33 days.
  deal({
    n: 14,
    title: 'Bangkok sample order',
    amount: 500_000,
    currency: 'THB',
    pipelineId: PIPELINE.wholesale,
    stageId: STAGE.wholesaleOffer,
    status: 'won',
    ownerId: REP.dara,
    createdAt: pp(2026, 2, 20, 9),
    closedAt: pp(2026, 3, 25, 9),
  }),
  // Won USD 400.00 in February.
  deal({
    n: 15,
    title: 'Signage',
    amount: 40_000,
    stageId: STAGE.close,
    status: 'won',
    ownerId: REP.dara,
    createdAt: pp(2026, 1, 10, 9),
    closedAt: pp(2026, 2, 12, 9),
  }),
];
