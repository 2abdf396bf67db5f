import type { Company, Contact, Deal, LifecycleStage, Pipeline } from '../model';
import { companySchema, contactSchema, dealSchema } from '../model';
import { commit, StoreError, validate } from './errors';
import { putRecord, recordTx } from './record-write';
import { companyNameLookup, companyRow, contactRow, dealRow, stripRow } from './rows';
import type { CrmDb } from './schema';

/**
 * Writes that touch many records at once. Each is one transaction: every record is read and validated inside it
 * (validation is synchronous, so the transaction stays alive), and the first refusal aborts it, so a failing record
 * leaves nothing written.
 */
export type BulkEntity = 'contacts' | 'companies' | 'deals';

export interface BulkPatch {
  ownerId?: string | null;
  lifecycle?: LifecycleStage;
  /** Deals: a stage of `pipelineId` (or of each deal's own pipeline when absent). */
  pipelineId?: string;
  stageId?: string;
  status?: Deal['status'];
}

export interface CompanyLinks {
  companyId: string;
  contactIds: string[];
  dealIds: string[];
}

type Tx = ReturnType<typeof openTx>;
function openTx(db: CrmDb) {
  return recordTx(db, ['contacts', 'companies', 'deals', 'pipelines']);
}

// Bulk edits refuse with their own StoreErrors, which go to the caller as they are.
const run = <T>(tx: Tx, work: () => Promise<T>): Promise<T> => commit(tx, work, () => true);
const nameCache = (tx: Tx) => companyNameLookup(tx.objectStore('companies'));

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export async function bulkUpdate(
  db: CrmDb,
  entity: BulkEntity,
  ids: readonly string[],
  patch: BulkPatch,
  now: number,
): Promise<number> {
  const tx = openTx(db);
  return run(tx, async () => {
    const companyName = nameCache(tx);
    const pipelines = new Map<string, Pipeline | undefined>();
    const pipelineOf = async (id: string) => {
      if (!pipelines.has(id)) pipelines.set(id, await tx.objectStore('pipelines').get(id));
      return pipelines.get(id);
    };
    for (const id of unique(ids)) {
      const row = await tx.objectStore(entity).get(id);
      if (!row || row.deletedAt !== null) throw new StoreError('not-found', 'A selected record no longer exists.');
      if (entity === 'contacts') {
        const current = stripRow(row) as Contact;
        const next = validate(
          contactSchema,
          {
            ...current,
            ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
            ...(patch.lifecycle !== undefined ? { lifecycle: patch.lifecycle } : {}),
            updatedAt: now,
          },
          `Contact ${current.name}`,
        );
        await putRecord(tx, 'contacts', contactRow(next, await companyName(next.companyId)));
      } else if (entity === 'companies') {
        const current = stripRow(row) as Company;
        const next = validate(
          companySchema,
          { ...current, ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}), updatedAt: now },
          `Company ${current.name}`,
        );
        await putRecord(tx, 'companies', companyRow(next));
      } else {
        const current = stripRow(row) as Deal;
        const pipelineId = patch.pipelineId ?? current.pipelineId;
        const stageId = patch.stageId ?? (pipelineId === current.pipelineId ? current.stageId : undefined);
        const pipeline = await pipelineOf(pipelineId);
        if (!pipeline || pipeline.deletedAt !== null) {
          throw new StoreError('invalid', 'Deal pipeline: does not exist', 'pipelineId');
        }
        const stage = pipeline.stages.find((s) => s.id === stageId) ?? (stageId ? undefined : pipeline.stages[0]);
        if (!stage) throw new StoreError('invalid', `Deal stage: is not a stage of ${pipeline.name}`, 'stageId');
        const status = patch.status ?? current.status;
        const next = validate(
          dealSchema,
          {
            ...current,
            ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
            pipelineId,
            stageId: stage.id,
            status,
            stageChangedAt: stage.id !== current.stageId ? now : current.stageChangedAt,
            closedAt: status === 'open' ? null : status !== current.status ? now : current.closedAt,
            lostReason: status === 'lost' ? current.lostReason : '',
            updatedAt: now,
          },
          `Deal ${current.title}`,
        );
        await putRecord(tx, 'deals', dealRow(next, await companyName(next.companyId)));
      }
    }
    return unique(ids).length;
  });
}

/**
 * Tombstones (or restores) records. Deleting a company unlinks its contacts and deals in the same transaction and
 * returns the links, so the undo can put each one back; restoring with `links` re-links records that are still
 * unlinked (one the rep linked elsewhere meanwhile is left alone). Restoring a contact re-claims its addresses: if
 * another contact took one meanwhile, the unique index refuses and nothing is restored.
 */
export async function bulkSetDeleted(
  db: CrmDb,
  entity: BulkEntity,
  ids: readonly string[],
  deleted: boolean,
  now: number,
  links: readonly CompanyLinks[] = [],
): Promise<{ ids: string[]; links: CompanyLinks[] }> {
  const tx = openTx(db);
  return run(tx, async () => {
    const companyName = nameCache(tx);
    const done: string[] = [];
    const unlinked: CompanyLinks[] = [];
    for (const id of unique(ids)) {
      const row = await tx.objectStore(entity).get(id);
      if (!row) throw new StoreError('not-found', 'A selected record no longer exists.');
      if ((row.deletedAt !== null) === deleted) continue;
      const deletedAt = deleted ? now : null;
      if (entity === 'contacts') {
        const next = { ...(stripRow(row) as Contact), deletedAt, updatedAt: now };
        await putRecord(tx, 'contacts', contactRow(next, await companyName(next.companyId)));
      } else if (entity === 'deals') {
        const next = { ...(stripRow(row) as Deal), deletedAt, updatedAt: now };
        await putRecord(tx, 'deals', dealRow(next, await companyName(next.companyId)));
      } else {
        const company = { ...(stripRow(row) as Company), deletedAt, updatedAt: now };
        await putRecord(tx, 'companies', companyRow(company));
        if (deleted) unlinked.push(await unlinkCompany(tx, id, now));
        else {
          const link = links.find((l) => l.companyId === id);
          if (link) await relinkCompany(tx, company, link, now);
        }
      }
      done.push(id);
    }
    return { ids: done, links: unlinked };
  });
}

async function unlinkCompany(tx: Tx, companyId: string, now: number): Promise<CompanyLinks> {
  const contactIds: string[] = [];
  for (const contact of await tx.objectStore('contacts').index('byCompany').getAll(companyId)) {
    contactIds.push(contact.id);
    await putRecord(tx, 'contacts', contactRow({ ...(stripRow(contact) as Contact), companyId: null, updatedAt: now }));
  }
  const dealIds: string[] = [];
  for (const deal of await tx.objectStore('deals').index('byCompany').getAll(companyId)) {
    dealIds.push(deal.id);
    await putRecord(tx, 'deals', dealRow({ ...(stripRow(deal) as Deal), companyId: null, updatedAt: now }));
  }
  return { companyId, contactIds, dealIds };
}

async function relinkCompany(tx: Tx, company: Company, link: CompanyLinks, now: number): Promise<void> {
  for (const id of link.contactIds) {
    const row = await tx.objectStore('contacts').get(id);
    if (!row || row.companyId !== null) continue;
    const contact = { ...(stripRow(row) as Contact), companyId: company.id, updatedAt: now };
    await putRecord(tx, 'contacts', contactRow(contact, company.name));
  }
  for (const id of link.dealIds) {
    const row = await tx.objectStore('deals').get(id);
    if (!row || row.companyId !== null) continue;
    await putRecord(
      tx,
      'deals',
      dealRow({ ...(stripRow(row) as Deal), companyId: company.id, updatedAt: now }, company.name),
    );
  }
}

/**
 * Moves every deal of a stage (tombstones too, since the store counts them when a stage is removed) to another
 * stage of the same pipeline, so the rep can then delete the emptied stage.
 */
export async function moveStageDeals(
  db: CrmDb,
  pipelineId: string,
  fromStageId: string,
  toStageId: string,
  now: number,
): Promise<number> {
  const tx = openTx(db);
  return run(tx, async () => {
    const pipeline = await tx.objectStore('pipelines').get(pipelineId);
    if (!pipeline || pipeline.deletedAt !== null) throw new StoreError('not-found', 'This pipeline no longer exists.');
    if (!pipeline.stages.some((s) => s.id === toStageId) || fromStageId === toStageId) {
      throw new StoreError('invalid', `Deal stage: is not a stage of ${pipeline.name}`, 'stageId');
    }
    const rows = await tx.objectStore('deals').index('byStage').getAll([pipelineId, fromStageId]);
    for (const row of rows) {
      await putRecord(tx, 'deals', { ...row, stageId: toStageId, stageChangedAt: now, updatedAt: now });
    }
    return rows.length;
  });
}
