import { unwrap } from 'idb';
import { companyRow, dealRow, stripRow } from '../../../lib/db/rows';
import type { ActivityRow, CompanyRow, CrmDb, DealRow } from '../../../lib/db/schema';
import type { Activity, Company, Contact, Deal, Pipeline } from '../../../lib/model';
import { activitySchema, companySchema, dealSchema, newRecordBase } from '../../../lib/model';
import { activityContactAt, benchId, COMPANY_COUNT, companyAt, dealTitleAt, KIND, mix, personAt } from './data';
import { rawBulkPut } from './raw';

/**
 * Bulk seeding for the benchmark only. The contacts, and the companies they work at, come from the measured import
 * of the bench CSV (test/bench/page/import.ts); this writes the rest around them: the companies nobody imported works at,
 * the deals and the activities. Rows are built with the store's own row builders (so every index key is the one a
 * real write would make), then written many to a transaction. The app never writes like this: it validates each
 * record and writes through lib/db; here validation is sampled (checkSamples) to keep the seed quick.
 */
export type SeedKind = 'companies' | 'deals' | 'activities';

/** Where the import put person i and the companies people work at; the seeded rows point there. */
export interface SeedIds {
  contact(index: number): string;
  /** The id the import gave company `index`, or undefined when no imported person works there. */
  importedCompany(index: number): string | undefined;
}

const companyId = (ids: SeedIds, index: number) => ids.importedCompany(index) ?? benchId(KIND.company, index);

const BASE_TIME = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

export interface SeedShape {
  contacts: number;
  companies: number;
  deals: number;
  activities: number;
}

function timeAt(index: number): number {
  return BASE_TIME + (mix(index + 0x7173) % (600 * DAY));
}

function companyRecordAt(index: number): Company {
  const c = companyAt(index);
  const at = timeAt(index);
  return {
    ...newRecordBase(at, benchId(KIND.company, index)),
    name: c.name,
    domains: [c.domain],
    phone: '',
    address: '',
    ownerId: null,
    custom: {},
  };
}

/** A contact the way the seed once wrote them; the store bench's raw bulk puts write these into a scratch database. */
export function contactRecordAt(index: number): Contact {
  const p = personAt(index);
  const at = timeAt(index);
  return {
    ...newRecordBase(at, benchId(KIND.contact, index)),
    name: p.name,
    emails: [{ address: p.email }],
    phones: [{ number: p.phone }],
    jobTitle: p.jobTitle,
    companyId: p.company === null ? null : benchId(KIND.company, p.company),
    lifecycle: index % 5 === 0 ? 'customer' : 'lead',
    sourceId: null,
    ownerId: null,
    custom: {},
    mergedInto: null,
    lastContactedAt: null,
  };
}

export function contactEmailAt(index: number): string {
  return personAt(index).email;
}

function dealParties(index: number, shape: SeedShape): { contact: number; company: number } {
  const contact = mix(index + 0xdea1) % shape.contacts;
  return { contact, company: personAt(contact).company ?? mix(index) % COMPANY_COUNT };
}

function dealRecordAt(index: number, shape: SeedShape, pipeline: Pipeline, ids: SeedIds): Deal {
  const { contact, company: companyIndex } = dealParties(index, shape);
  const stage = pipeline.stages[index % pipeline.stages.length] ?? pipeline.stages[0];
  const status = index % 10 < 7 ? 'open' : index % 10 < 9 ? 'won' : 'lost';
  const at = timeAt(index + 1);
  return {
    ...newRecordBase(at, benchId(KIND.deal, index)),
    title: dealTitleAt(index, companyAt(companyIndex).name),
    value:
      index % 3 === 0
        ? { amount: (mix(index) % 400_000) * 1000, currency: 'KHR' }
        : { amount: (mix(index) % 100_000) * 100, currency: 'USD' },
    pipelineId: pipeline.id,
    stageId: stage?.id ?? pipeline.id,
    status,
    lostReason: '',
    expectedCloseAt: at + 60 * DAY,
    closedAt: status === 'open' ? null : at + 30 * DAY,
    probabilityOverride: null,
    contactIds: [ids.contact(contact)],
    companyId: companyId(ids, companyIndex),
    ownerId: null,
    threadId: null,
    stageChangedAt: at,
    custom: {},
  };
}

const ACTIVITY_TYPES = ['email', 'email', 'email', 'call', 'meeting', 'note'] as const;

function activityRowAt(index: number, shape: SeedShape, ids: SeedIds): ActivityRow {
  const contact = activityContactAt(index, shape.contacts);
  const type = ACTIVITY_TYPES[index % ACTIVITY_TYPES.length] ?? 'note';
  const at = timeAt(index + 2);
  const contactId = ids.contact(contact);
  const messageId = type === 'email' ? `msg-${index.toString(16)}` : null;
  const activity: Activity = {
    ...newRecordBase(at, benchId(KIND.activity, index)),
    type,
    occurredAt: at,
    contactId,
    companyId: null,
    dealId: null,
    repId: null,
    subject: type === 'email' ? `Re: quotation ${index % 997}` : '',
    body: type === 'note' ? 'Asked for the riel price list; call back after Pchum Ben.' : '',
    direction: type === 'email' ? (index % 2 ? 'inbound' : 'outbound') : null,
    outcome: type === 'call' ? 'Connected' : '',
    durationMinutes: type === 'call' || type === 'meeting' ? 15 : null,
    threadId: type === 'email' ? `thread-${(index >>> 2).toString(16)}` : null,
    messageId,
    repAddress: type === 'email' ? 'sophea@mekonghome.com.kh' : null,
    timeSource: type === 'email' ? 'id' : null,
    accountIndex: type === 'email' ? 0 : null,
    score: null,
    threadKindId: null,
  };
  // The same key lib/db/activities.ts gives an email activity: one per (message, contact).
  return messageId ? { ...activity, messageKey: `${messageId}|${contactId}` } : activity;
}

type AnyRow = CompanyRow | DealRow | ActivityRow;

/** Rows `start`..`start + count - 1` of a kind; of the companies, only those the import did not create. */
export function buildRows(
  kind: SeedKind,
  start: number,
  count: number,
  shape: SeedShape,
  pipeline: Pipeline,
  ids: SeedIds,
): AnyRow[] {
  const rows: AnyRow[] = [];
  for (let i = start; i < start + count; i++) {
    if (kind === 'companies') {
      if (ids.importedCompany(i) === undefined) rows.push(companyRow(companyRecordAt(i)));
    } else if (kind === 'deals') {
      rows.push(dealRow(dealRecordAt(i, shape, pipeline, ids), companyAt(dealParties(i, shape).company).name));
    } else rows.push(activityRowAt(i, shape, ids));
  }
  return rows;
}

/**
 * Writes prebuilt rows in one transaction with plain IndexedDB calls, as the raw baseline does: idb's promise for
 * every put costs the page CPU time that the browser's IndexedDB backend, sharing the same two cores, would rather
 * have.
 */
export function putRows(db: CrmDb, kind: SeedKind, rows: readonly AnyRow[]): Promise<void> {
  return rawBulkPut(unwrap(db), kind, rows, rows.length);
}

const SCHEMAS = { companies: companySchema, deals: dealSchema, activities: activitySchema };

/** Throws when one of the first rows is not a valid record: the bench must measure data the app could have written. */
export function checkSamples(kind: SeedKind, rows: readonly AnyRow[], count = 20): void {
  for (const row of rows.slice(0, count)) {
    const parsed = SCHEMAS[kind].safeParse(stripRow(row));
    if (!parsed.success) throw new Error(`bench ${kind} row is not valid: ${parsed.error.issues[0]?.message}`);
  }
}
