import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkSetDeleted, bulkUpdate, moveStageDeals } from '@/lib/db/bulk';
import { createCompany, getCompany } from '@/lib/db/companies';
import { listPipelines, savePipeline } from '@/lib/db/config';
import { createContact, getContact } from '@/lib/db/contacts';
import { createDeal, getDeal } from '@/lib/db/deals';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { searchContacts } from '@/lib/db/search';
import type { Pipeline } from '@/lib/model';
import { refusal } from '../refusal';

let db: CrmDb;
let n = 0;
let pipeline: Pipeline;
const NOW = Date.UTC(2026, 10, 23, 3, 0);
const LATER = NOW + 60_000;

beforeEach(async () => {
  db = await openCrmDb(`bulk-${n++}`, () => NOW);
  [pipeline] = (await listPipelines(db)) as [Pipeline];
});
afterEach(() => db.close());

describe('bulk edits', () => {
  it('changes the owner and lifecycle of every selected contact', async () => {
    const rep = crypto.randomUUID();
    const a = await createContact(db, { name: 'Sokha' }, NOW);
    const b = await createContact(db, { name: 'Dara' }, NOW);
    expect(await bulkUpdate(db, 'contacts', [a.id, b.id], { ownerId: rep, lifecycle: 'customer' }, LATER)).toBe(2);
    for (const id of [a.id, b.id]) {
      expect(await getContact(db, id)).toMatchObject({ ownerId: rep, lifecycle: 'customer', updatedAt: LATER });
    }
  });

  it('is one transaction: one missing record leaves every other record as it was', async () => {
    const a = await createContact(db, { name: 'Sokha' }, NOW);
    const error = await refusal(
      bulkUpdate(db, 'contacts', [a.id, crypto.randomUUID()], { lifecycle: 'customer' }, LATER),
    );
    expect(error.code).toBe('not-found');
    expect(await getContact(db, a.id)).toMatchObject({ lifecycle: 'lead', updatedAt: NOW });
  });

  it('is one transaction: a stage that is not in a deal’s pipeline leaves every deal where it was', async () => {
    const other = await savePipeline(
      db,
      {
        ...pipeline,
        id: crypto.randomUUID(),
        name: 'Other',
        stages: [{ id: crypto.randomUUID(), name: 'Only', probability: 0.5 }],
      },
      NOW,
    );
    const first = await createDeal(db, { title: 'A', pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id }, NOW);
    const second = await createDeal(db, { title: 'B', pipelineId: other.id, stageId: other.stages[0]!.id }, NOW);
    const target = pipeline.stages[2]!.id;
    const error = await refusal(bulkUpdate(db, 'deals', [first.id, second.id], { stageId: target }, LATER));
    expect(error.code).toBe('invalid');
    expect((await getDeal(db, first.id))?.stageId).toBe(pipeline.stages[0]!.id);
    expect(await bulkUpdate(db, 'deals', [first.id], { stageId: target }, LATER)).toBe(1);
    expect(await getDeal(db, first.id)).toMatchObject({ stageId: target, stageChangedAt: LATER });
  });

  it('deletes a company, unlinking its contacts and deals, and the undo links them back', async () => {
    const company = await createCompany(db, { name: 'Mekong Foods' }, NOW);
    const contact = await createContact(db, { name: 'Vanna', companyId: company.id }, NOW);
    const deal = await createDeal(
      db,
      { title: 'Rice', pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id, companyId: company.id },
      NOW,
    );
    const deleted = await bulkSetDeleted(db, 'companies', [company.id], true, LATER);
    expect(deleted.links).toEqual([{ companyId: company.id, contactIds: [contact.id], dealIds: [deal.id] }]);
    expect((await getCompany(db, company.id))?.deletedAt).toBe(LATER);
    expect((await getContact(db, contact.id))?.companyId).toBeNull();
    expect(await searchContacts(db, 'mekong')).toEqual([]);

    await bulkSetDeleted(db, 'companies', [company.id], false, LATER + 1, deleted.links);
    expect((await getCompany(db, company.id))?.deletedAt).toBeNull();
    expect((await getContact(db, contact.id))?.companyId).toBe(company.id);
    expect((await getDeal(db, deal.id))?.companyId).toBe(company.id);
    expect((await searchContacts(db, 'mekong')).map((c) => c.id)).toEqual([contact.id]);
  });

  it('refuses to restore a contact whose address was taken meanwhile, restoring none of the selection', async () => {
    const a = await createContact(db, { name: 'A', emails: [{ address: 'a@angkor.com.kh' }] }, NOW);
    const b = await createContact(db, { name: 'B', emails: [{ address: 'b@angkor.com.kh' }] }, NOW);
    await bulkSetDeleted(db, 'contacts', [a.id, b.id], true, LATER);
    await createContact(db, { name: 'New B', emails: [{ address: 'b@angkor.com.kh' }] }, LATER);
    await expect(bulkSetDeleted(db, 'contacts', [a.id, b.id], false, LATER + 1)).rejects.toThrow();
    expect((await getContact(db, a.id))?.deletedAt).toBe(LATER);
  });

  it('moves every deal out of a stage so the stage can then be removed', async () => {
    const [first, second] = pipeline.stages;
    for (const title of ['A', 'B']) await createDeal(db, { title, pipelineId: pipeline.id, stageId: first!.id }, NOW);
    const refused = await refusal(savePipeline(db, { ...pipeline, stages: pipeline.stages.slice(1) }, LATER));
    expect(refused.details).toMatchObject({ stageId: first!.id, count: '2' });
    expect(await moveStageDeals(db, pipeline.id, first!.id, second!.id, LATER)).toBe(2);
    const saved = await savePipeline(db, { ...pipeline, stages: pipeline.stages.slice(1) }, LATER);
    expect(saved.stages).toHaveLength(3);
  });
});
