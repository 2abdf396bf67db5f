import type { Deal, Pipeline, RecordBase } from '../model';
import { dealSchema, newRecordBase } from '../model';
import { StoreError, validate } from './errors';
import { writeRecord } from './record-write';
import { dealRow, stripRow } from './rows';
import type { CrmDb } from './schema';

export type DealDraft = Partial<Omit<Deal, keyof RecordBase | 'stageChangedAt'>> & {
  title: string;
  pipelineId: string;
  stageId: string;
};

export function toDeal(row: Parameters<typeof stripRow>[0]): Deal {
  return stripRow(row) as Deal;
}

async function companyName(db: CrmDb, companyId: string | null): Promise<string> {
  if (!companyId) return '';
  const company = await db.get('companies', companyId);
  return company?.deletedAt === null ? company.name : '';
}

async function assertStageExists(db: CrmDb, deal: Deal): Promise<Pipeline> {
  const pipeline = await db.get('pipelines', deal.pipelineId);
  if (!pipeline || pipeline.deletedAt !== null)
    throw new StoreError('invalid', 'Deal pipeline: does not exist', 'pipelineId');
  if (!pipeline.stages.some((s) => s.id === deal.stageId)) {
    throw new StoreError('invalid', `Deal stage: is not a stage of ${pipeline.name}`, 'stageId');
  }
  return pipeline;
}

export async function getDeal(db: CrmDb, id: string): Promise<Deal | null> {
  const row = await db.get('deals', id);
  return row ? toDeal(row) : null;
}

/** The deal a draft makes: the draft over the defaults, in its stage since `now`. Not yet validated. */
export function newDeal(draft: DealDraft, now: number, id?: string): Deal {
  return {
    ...newRecordBase(now, id),
    value: { amount: 0, currency: 'USD' },
    status: 'open',
    lostReason: '',
    closeReasonId: null,
    closeReasonOther: '',
    lostToCompetitorId: null,
    competitorIds: [],
    expectedCloseAt: null,
    closedAt: null,
    probabilityOverride: null,
    contactIds: [],
    companyId: null,
    ownerId: null,
    threadId: null,
    custom: {},
    ...draft,
    stageChangedAt: now,
  };
}

export async function createDeal(db: CrmDb, draft: DealDraft, now: number): Promise<Deal> {
  const deal = validate(dealSchema, newDeal(draft, now), 'Deal');
  await assertStageExists(db, deal);
  await writeRecord(db, 'deals', dealRow(deal, await companyName(db, deal.companyId)), 'add');
  return deal;
}

/** Any field change; a stage change stamps stageChangedAt, a win or loss stamps closedAt. */
export async function updateDeal(
  db: CrmDb,
  id: string,
  patch: Partial<Omit<Deal, keyof RecordBase | 'stageChangedAt' | 'closedAt'>>,
  now: number,
): Promise<Deal> {
  const current = await getDeal(db, id);
  if (!current || current.deletedAt !== null) throw new StoreError('not-found', 'This deal no longer exists.');
  const status = patch.status ?? current.status;
  const next = validate(
    dealSchema,
    {
      ...current,
      ...patch,
      id,
      updatedAt: now,
      stageChangedAt: patch.stageId && patch.stageId !== current.stageId ? now : current.stageChangedAt,
      closedAt: status === 'open' ? null : status !== current.status ? now : current.closedAt,
      lostReason: status === 'lost' ? (patch.lostReason ?? current.lostReason) : '',
      // A reopened deal has no reason to be closed; a won one went to no competitor.
      ...(status === 'open' ? { closeReasonId: null, closeReasonOther: '' } : {}),
      ...(status !== 'lost' ? { lostToCompetitorId: null } : {}),
    },
    'Deal',
  );
  await assertStageExists(db, next);
  await writeRecord(db, 'deals', dealRow(next, await companyName(db, next.companyId)));
  return next;
}

export async function setDealDeleted(db: CrmDb, id: string, deleted: boolean, now: number): Promise<Deal> {
  const current = await getDeal(db, id);
  if (!current) throw new StoreError('not-found', 'This deal no longer exists.');
  const next = { ...current, deletedAt: deleted ? now : null, updatedAt: now };
  await writeRecord(db, 'deals', dealRow(next, await companyName(db, next.companyId)));
  return next;
}

export async function dealsForContact(db: CrmDb, contactId: string): Promise<Deal[]> {
  const rows = await db.getAllFromIndex('deals', 'byContact', contactId);
  return rows.filter((r) => r.deletedAt === null).map(toDeal);
}

export async function dealsInPipeline(db: CrmDb, pipeline: Pipeline): Promise<Deal[]> {
  const rows = await db.getAllFromIndex(
    'deals',
    'byStage',
    IDBKeyRange.bound([pipeline.id, ''], [pipeline.id, '\uffff']),
  );
  return rows.filter((r) => r.deletedAt === null).map(toDeal);
}
