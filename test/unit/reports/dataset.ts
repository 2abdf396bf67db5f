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
import type { Pipeline } from '../../../lib/model/pipeline';
import type { Settings } from '../../../lib/model/settings';
import { activities } from './dataset-activities';
import { deals } from './dataset-deals';
import { base, NOW, PIPELINE, pp, REP, STAGE, TZ } from './dataset-ids';
import { contacts, tasks } from './dataset-people';

export * from './dataset-ids';
export { activities, contacts, deals, tasks };

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

export const records = { deals, pipelines, activities, tasks, contacts, settings, now: NOW };
