/**
 * ONE fixed dataset for every report test: a small Phnom Penh business with two reps, two pipelines, deals in USD,
 * KHR and THB (THB has no exchange rate on purpose), email threads, other activities, tasks and contacts.
 *
 * Every time is written as a Phnom Penh wall clock through `pp`, which is plain arithmetic (the zone is UTC+7 all
 * year, no DST), so the dataset does not lean on the time-zone code it tests. The report period is March 2026 as the
 * rep sees it; February is the previous period; "now" is 1 April 08:00.
 *
 * Boundary records (local and UTC months disagree):
 * - deal d7 won  1 Mar 06:00 local = 28 Feb 23:00 UTC → March (UTC says February)
 * - deal d11 won 1 Apr 00:30 local = 31 Mar 17:30 UTC → April (UTC says March)
 * - deal d2 expected to close 1 May 00:30 local = 30 Apr 17:30 UTC → forecast month 2026-05 (UTC says April)
 * - contact c2 created at 1 Mar 00:00 local exactly = 28 Feb 17:00 UTC → March (a period's start is inclusive);
 *   c8 created at 1 Apr 00:00 local exactly → April (its end is exclusive); c5 created 1 Apr 00:30 local → April
 * - note b4 at 31 Mar 23:30 local → March; note b5 at 1 Apr 00:30 local → April
 */
import type { Activity, ActivityType } from '../../../lib/model/activity';
import type { Contact } from '../../../lib/model/contact';
import type { Deal } from '../../../lib/model/deal';
import type { Pipeline } from '../../../lib/model/pipeline';
import type { Settings } from '../../../lib/model/settings';
import type { Task } from '../../../lib/model/task';

export const TZ = 'Asia/Phnom_Penh';

/** A Phnom Penh wall clock (UTC+7) as epoch ms. Month is 1..12. */
export function pp(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 7, minute);
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const MARCH = { start: pp(2026, 3, 1), end: pp(2026, 4, 1) };
export const FEBRUARY = { start: pp(2026, 2, 1), end: pp(2026, 3, 1) };
export const NOW = pp(2026, 4, 1, 8, 0);

/** Readable, valid v4-shaped UUIDs: group picks the kind of record, n the record. */
const uuid = (group: number, n: number) => `00000000-0000-4000-8${group}00-${String(n).padStart(12, '0')}`;

export const REP = { sokha: uuid(1, 1), dara: uuid(1, 2) };
export const REP_ADDRESS = { sokha: 'sokha@angkor-trading.com.kh', dara: 'dara@angkor-trading.com.kh' };
export const SOURCE = { referral: uuid(2, 1), web: uuid(2, 2) };
export const STAGE = {
  connect: uuid(3, 1),
  qualify: uuid(3, 2),
  demo: uuid(3, 3),
  close: uuid(3, 4),
  wholesaleLead: uuid(3, 5),
  wholesaleOffer: uuid(3, 6),
};
export const PIPELINE = { sales: uuid(4, 1), wholesale: uuid(4, 2) };
export const CONTACT = {
  c1: uuid(5, 1),
  c2: uuid(5, 2),
  c3: uuid(5, 3),
  c4: uuid(5, 4),
  c5: uuid(5, 5),
  c6: uuid(5, 6),
  c7: uuid(5, 7),
  c8: uuid(5, 8),
};

const base = (id: string, createdAt: number, deletedAt: number | null = null) => ({
  id,
  createdAt,
  updatedAt: deletedAt ?? createdAt,
  deletedAt,
});

export const settings: Settings = {
  language: 'en',
  defaultCurrency: 'USD',
  enabledCurrencies: ['USD', 'KHR', 'THB'],
  // 4,000 riel to the dollar; no THB rate, so THB amounts must show up as "no rate".
  exchangeRates: { KHR: 1 / 4000 },
  timeZone: TZ,
  workingHours: { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5, 6] },
  neverLogDomains: [],
  defaultPipelineId: PIPELINE.sales,
  currentRepId: REP.sokha,
};

export const pipelines: Pipeline[] = [
  {
    ...base(PIPELINE.sales, pp(2026, 1, 1)),
    name: 'Sales',
    stages: [
      { id: STAGE.connect, name: 'Connect', probability: 0.1 },
      { id: STAGE.qualify, name: 'Qualify', probability: 0.3 },
      { id: STAGE.demo, name: 'Demo', probability: 0.6 },
      { id: STAGE.close, name: 'Close', probability: 0.9 },
    ],
    ownerId: null,
    order: 0,
  },
  {
    ...base(PIPELINE.wholesale, pp(2026, 1, 1)),
    name: 'លក់ដុំ', // "Wholesale": reps name their pipelines in Khmer
    stages: [
      { id: STAGE.wholesaleLead, name: 'Lead', probability: 0.2 },
      { id: STAGE.wholesaleOffer, name: 'Offer', probability: 0.5 },
    ],
    ownerId: null,
    order: 1,
  },
];

interface DealSpec {
  n: number;
  title: string;
  amount: number;
  currency: string;
  pipelineId: string;
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
    value: { amount: spec.amount, currency: spec.currency },
    pipelineId: spec.pipelineId,
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

export const DEAL = {
  d1: uuid(6, 1),
  d2: uuid(6, 2),
  d3: uuid(6, 3),
  d4: uuid(6, 4),
  d5: uuid(6, 5),
  d7: uuid(6, 7),
  d11: uuid(6, 11),
};

export const deals: Deal[] = [
  // ---- open ----
  // USD 1,000.00 in Connect (0.1), expected 15 Apr.
  deal({
    n: 1,
    title: 'Website redesign',
    amount: 100_000,
    currency: 'USD',
    pipelineId: PIPELINE.sales,
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
    pipelineId: PIPELINE.sales,
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
    currency: 'USD',
    pipelineId: PIPELINE.sales,
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
    pipelineId: PIPELINE.sales,
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
    currency: 'USD',
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
    currency: 'USD',
    pipelineId: PIPELINE.sales,
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
    currency: 'USD',
    pipelineId: PIPELINE.sales,
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
    pipelineId: PIPELINE.sales,
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
    currency: 'USD',
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
    currency: 'USD',
    pipelineId: PIPELINE.sales,
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
    currency: 'USD',
    pipelineId: PIPELINE.sales,
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
    currency: 'USD',
    pipelineId: PIPELINE.sales,
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
    currency: 'USD',
    pipelineId: PIPELINE.sales,
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
    currency: 'USD',
    pipelineId: PIPELINE.sales,
    stageId: STAGE.close,
    status: 'won',
    ownerId: REP.dara,
    createdAt: pp(2026, 1, 10, 9),
    closedAt: pp(2026, 2, 12, 9),
  }),
];

/** Gmail's legacy hex thread ids, as the webmail adapter reads them. */
export const THREAD = {
  t1: '18e0a6f2c9d10001',
  t2: '18e0a6f2c9d10002',
  t3: '18e0a6f2c9d10003',
  t4: '18e0a6f2c9d10004',
  t5: '18e0a6f2c9d10005',
  t6: '18e0a6f2c9d10006',
  t7: '18e0a6f2c9d10007',
  t8: '18e0a6f2c9d10008',
  t9: '18e0a6f2c9d10009',
};

interface ActivitySpec {
  n: number;
  type: ActivityType;
  at: number;
  rep: keyof typeof REP | null;
  contactId: string | null;
  direction?: 'inbound' | 'outbound';
  threadId?: string;
  deletedAt?: number;
}

function activity(spec: ActivitySpec): Activity {
  const isEmail = spec.type === 'email';
  return {
    ...base(uuid(7, spec.n), spec.at, spec.deletedAt ?? null),
    type: spec.type,
    occurredAt: spec.at,
    contactId: spec.contactId,
    companyId: null,
    dealId: null,
    repId: spec.rep === null ? null : REP[spec.rep],
    subject: isEmail ? 'Re: ការបញ្ជាទិញ' : '', // "Re: the order"
    body: '',
    direction: spec.direction ?? null,
    outcome: '',
    durationMinutes: spec.type === 'call' ? 10 : null,
    threadId: spec.threadId ?? null,
    messageId: isEmail ? `<m${spec.n}@mail.gmail.com>` : null,
    repAddress: isEmail && spec.rep !== null ? REP_ADDRESS[spec.rep] : null,
  };
}

const email = (
  n: number,
  threadId: string,
  direction: 'inbound' | 'outbound',
  at: number,
  rep: keyof typeof REP,
  contactId: string | null,
  deletedAt?: number,
): Activity =>
  activity({ n, type: 'email', at, rep, contactId, direction, threadId, ...(deletedAt ? { deletedAt } : {}) });

/**
 * Reply samples, by reply time (hours): March T1 1 (sokha), T2 4 and 0.5 (sokha), T3 24 (dara), T4 2 (dara),
 * T6 9 (dara, asked 28 Feb, answered 1 Mar); February T5 3 (sokha). T7 and T8 are still waiting at NOW.
 */
export const activities: Activity[] = [
  // T1: in 2 Mar 09:00, out 10:00 → 1 h. a24: a new inbound after NOW, ignored by waitingThreads(NOW).
  email(1, THREAD.t1, 'inbound', pp(2026, 3, 2, 9), 'sokha', CONTACT.c1),
  email(2, THREAD.t1, 'outbound', pp(2026, 3, 2, 10), 'sokha', CONTACT.c1),
  // T2: two inbound (09:00, 11:00), reply 13:00 → 4 h from the first; a follow-up at 14:00 is no sample;
  // in 4 Mar 09:00, out 09:30 → 0.5 h.
  email(3, THREAD.t2, 'inbound', pp(2026, 3, 3, 9), 'sokha', CONTACT.c2),
  email(4, THREAD.t2, 'inbound', pp(2026, 3, 3, 11), 'sokha', CONTACT.c2),
  email(5, THREAD.t2, 'outbound', pp(2026, 3, 3, 13), 'sokha', CONTACT.c2),
  email(6, THREAD.t2, 'outbound', pp(2026, 3, 3, 14), 'sokha', CONTACT.c2),
  email(7, THREAD.t2, 'inbound', pp(2026, 3, 4, 9), 'sokha', CONTACT.c2),
  email(8, THREAD.t2, 'outbound', pp(2026, 3, 4, 9, 30), 'sokha', CONTACT.c2),
  // T3: a tombstoned inbound at 08:00 (would make it 25 h), in 5 Mar 09:00, out 6 Mar 09:00 → 24 h.
  email(9, THREAD.t3, 'inbound', pp(2026, 3, 5, 8), 'dara', CONTACT.c3, pp(2026, 3, 5, 12)),
  email(10, THREAD.t3, 'inbound', pp(2026, 3, 5, 9), 'dara', CONTACT.c3),
  email(11, THREAD.t3, 'outbound', pp(2026, 3, 6, 9), 'dara', CONTACT.c3),
  // T4: the rep writes first (no sample), in 10 Mar 09:00, out 11:00 → 2 h.
  email(12, THREAD.t4, 'outbound', pp(2026, 3, 9, 9), 'dara', CONTACT.c1),
  email(13, THREAD.t4, 'inbound', pp(2026, 3, 10, 9), 'dara', CONTACT.c1),
  email(14, THREAD.t4, 'outbound', pp(2026, 3, 10, 11), 'dara', CONTACT.c1),
  // T5 (February): in 10 Feb 09:00, out 12:00 → 3 h.
  email(15, THREAD.t5, 'inbound', pp(2026, 2, 10, 9), 'sokha', CONTACT.c7),
  email(16, THREAD.t5, 'outbound', pp(2026, 2, 10, 12), 'sokha', CONTACT.c7),
  // T6: in 28 Feb 22:00, out 1 Mar 07:00 → 9 h, counted in March (the reply's period).
  email(17, THREAD.t6, 'inbound', pp(2026, 2, 28, 22), 'dara', CONTACT.c3),
  email(18, THREAD.t6, 'outbound', pp(2026, 3, 1, 7), 'dara', CONTACT.c3),
  // T7: waiting since 30 Mar 09:00 (two unanswered messages) → 47 h at NOW.
  email(19, THREAD.t7, 'inbound', pp(2026, 3, 30, 9), 'sokha', CONTACT.c2),
  email(20, THREAD.t7, 'inbound', pp(2026, 3, 31, 9), 'sokha', CONTACT.c2),
  // T8: the rep wrote, the contact answered 31 Mar 15:00 → waiting 17 h at NOW.
  email(21, THREAD.t8, 'outbound', pp(2026, 3, 31, 10), 'dara', CONTACT.c3),
  email(22, THREAD.t8, 'inbound', pp(2026, 3, 31, 15), 'dara', CONTACT.c3),
  // T9: inbound from nobody in the CRM (a newsletter): not a wait.
  email(23, THREAD.t9, 'inbound', pp(2026, 3, 25, 9), 'sokha', null),
  email(24, THREAD.t1, 'inbound', pp(2026, 4, 1, 9), 'sokha', CONTACT.c1),
  // Other activities.
  activity({ n: 101, type: 'call', at: pp(2026, 3, 5, 10), rep: 'sokha', contactId: CONTACT.c1 }),
  activity({ n: 102, type: 'call', at: pp(2026, 3, 12, 14), rep: 'dara', contactId: CONTACT.c3 }),
  activity({ n: 103, type: 'meeting', at: pp(2026, 3, 18, 10), rep: 'sokha', contactId: CONTACT.c2 }),
  activity({ n: 104, type: 'note', at: pp(2026, 3, 31, 23, 30), rep: 'sokha', contactId: CONTACT.c4 }),
  activity({ n: 105, type: 'note', at: pp(2026, 4, 1, 0, 30), rep: 'dara', contactId: CONTACT.c3 }),
  activity({ n: 106, type: 'call', at: pp(2026, 2, 15, 10), rep: 'sokha', contactId: CONTACT.c1 }),
  activity({ n: 107, type: 'voicemail', at: pp(2026, 3, 8, 10), rep: null, contactId: CONTACT.c2 }),
  activity({
    n: 108,
    type: 'call',
    at: pp(2026, 3, 9, 10),
    rep: 'sokha',
    contactId: CONTACT.c1,
    deletedAt: pp(2026, 3, 9, 11),
  }),
];

interface TaskSpec {
  n: number;
  title: string;
  dueAt: number;
  status: Task['status'];
  ownerId: string;
  deletedAt?: number;
}

function task(spec: TaskSpec): Task {
  return {
    ...base(uuid(8, spec.n), pp(2026, 2, 1, 9), spec.deletedAt ?? null),
    title: spec.title,
    note: '',
    kind: 'todo',
    status: spec.status,
    dueAt: spec.dueAt,
    contactId: null,
    dealId: null,
    companyId: null,
    ownerId: spec.ownerId,
    threadId: null,
    accountIndex: null,
    watch: null,
    firedAt: null,
    completedAt: spec.status === 'done' ? spec.dueAt : null,
    history: [],
  };
}

export const TASK = { k1: uuid(8, 1), k2: uuid(8, 2) };

export const tasks: Task[] = [
  task({ n: 1, title: 'Send the price list', dueAt: pp(2026, 3, 30, 9), status: 'open', ownerId: REP.sokha }),
  task({ n: 2, title: 'ទូរស័ព្ទទៅលោកសុខ', dueAt: pp(2026, 3, 15, 9), status: 'open', ownerId: REP.dara }), // "Call Mr Sok"
  task({ n: 3, title: 'Done already', dueAt: pp(2026, 3, 10, 9), status: 'done', ownerId: REP.sokha }),
  task({ n: 4, title: 'Not due yet', dueAt: pp(2026, 4, 2, 9), status: 'open', ownerId: REP.sokha }),
  task({
    n: 5,
    title: 'Deleted',
    dueAt: pp(2026, 3, 1, 9),
    status: 'open',
    ownerId: REP.sokha,
    deletedAt: pp(2026, 3, 2, 9),
  }),
  // Due exactly now: not overdue yet (dueAt < now is strict).
  task({ n: 6, title: 'Due this instant', dueAt: NOW, status: 'open', ownerId: REP.dara }),
  task({ n: 7, title: 'Cancelled', dueAt: pp(2026, 3, 5, 9), status: 'cancelled', ownerId: REP.dara }),
];

interface ContactSpec {
  id: string;
  name: string;
  createdAt: number;
  lifecycle: Contact['lifecycle'];
  sourceId: string | null;
  ownerId: string;
  deletedAt?: number;
  mergedInto?: string;
}

function contact(spec: ContactSpec): Contact {
  return {
    ...base(spec.id, spec.createdAt, spec.deletedAt ?? null),
    name: spec.name,
    emails: [],
    phones: [],
    jobTitle: '',
    companyId: null,
    lifecycle: spec.lifecycle,
    sourceId: spec.sourceId,
    ownerId: spec.ownerId,
    custom: {},
    mergedInto: spec.mergedInto ?? null,
    lastContactedAt: null,
  };
}

export const contacts: Contact[] = [
  contact({
    id: CONTACT.c1,
    name: 'Chan Sophea',
    createdAt: pp(2026, 1, 15, 9),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.sokha,
  }),
  // 1 Mar 00:00 local = 28 Feb 17:00 UTC, the first instant of March: a March contact.
  contact({
    id: CONTACT.c2,
    name: 'ស្រីពៅ ហេង',
    createdAt: pp(2026, 3, 1, 0, 0),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.sokha,
  }),
  // Came in March by referral and is already a customer: still a new contact of March.
  contact({
    id: CONTACT.c3,
    name: 'Lim Vannak',
    createdAt: pp(2026, 3, 10, 9),
    lifecycle: 'customer',
    sourceId: SOURCE.referral,
    ownerId: REP.dara,
  }),
  // 31 Mar 23:30 local: still March; no source recorded.
  contact({
    id: CONTACT.c4,
    name: 'សុខ ណារី',
    createdAt: pp(2026, 3, 31, 23, 30),
    lifecycle: 'lead',
    sourceId: null,
    ownerId: REP.dara,
  }),
  // 1 Apr 00:30 local = 31 Mar 17:30 UTC: April.
  contact({
    id: CONTACT.c5,
    name: 'Keo Dara',
    createdAt: pp(2026, 4, 1, 0, 30),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.sokha,
  }),
  // Merged into c2 (a merge tombstones the dropped contact): not a new contact.
  contact({
    id: CONTACT.c6,
    name: 'Srey Pov Heng',
    createdAt: pp(2026, 3, 12, 9),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.sokha,
    deletedAt: pp(2026, 3, 13, 9),
    mergedInto: CONTACT.c2,
  }),
  // 1 Apr 00:00 local exactly: the first instant of April, so not March.
  contact({
    id: CONTACT.c8,
    name: 'ចាន់ ធីតា',
    createdAt: pp(2026, 4, 1, 0, 0),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.dara,
  }),
  // February, by referral.
  contact({
    id: CONTACT.c7,
    name: 'Touch Rithy',
    createdAt: pp(2026, 2, 10, 9),
    lifecycle: 'lead',
    sourceId: SOURCE.referral,
    ownerId: REP.sokha,
  }),
];

export const records = { deals, pipelines, activities, tasks, contacts, settings, now: NOW };
