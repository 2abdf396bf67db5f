import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../refusal';
import { type FakeWorker, fakeWorker, NOW } from '../rpc/fake-worker';

const MERGE_STORES = ['contacts', 'deals', 'activities', 'tasks', 'merges'];
let worker: FakeWorker;

beforeEach(async () => {
  worker = await fakeWorker();
});

describe('contact.merge and contact.unmerge', () => {
  it('merge moves the dropped contact over and unmerge puts both back, each announcing every store it wrote', async () => {
    const keep = await worker.call('contact.create', { name: 'Dara Kim', emails: [{ address: 'dara@angkor.com.kh' }] });
    const drop = await worker.call('contact.create', { name: 'Kim Dara', emails: [{ address: 'dara@gmail.com' }] });
    const [sales] = await worker.call('pipelines.list', {});
    const deal = await worker.call('deal.create', {
      title: 'Rice',
      pipelineId: sales!.id,
      stageId: sales!.stages[0]!.id,
      contactIds: [drop.id],
    });
    worker.clearEffects();
    worker.advance(60_000);

    const { contact, mergeId } = await worker.call('contact.merge', { keepId: keep.id, dropId: drop.id });
    expect(contact.emails.map((e) => e.address)).toEqual(['dara@angkor.com.kh', 'dara@gmail.com']);
    expect(await worker.call('contact.get', { id: drop.id })).toMatchObject({
      deletedAt: NOW + 60_000,
      mergedInto: keep.id,
    });
    expect((await worker.call('deals.forPipeline', { pipelineId: sales!.id }))[0]?.contactIds).toEqual([keep.id]);
    expect(worker.effects.changed).toEqual([MERGE_STORES]);

    worker.advance(60_000);
    const restored = await worker.call('contact.unmerge', { mergeId });
    expect(restored.keep).toEqual(keep);
    expect(restored.drop).toEqual(drop);
    expect((await worker.call('deals.forPipeline', { pipelineId: sales!.id }))[0]).toEqual(deal);
    expect(worker.effects.changed).toEqual([MERGE_STORES, MERGE_STORES]);
  });

  it('refuses to undo a merge twice, announcing nothing the second time', async () => {
    const keep = await worker.call('contact.create', { name: 'Sokha' });
    const drop = await worker.call('contact.create', { name: 'Sokha' });
    const { mergeId } = await worker.call('contact.merge', { keepId: keep.id, dropId: drop.id });
    await worker.call('contact.unmerge', { mergeId });
    worker.clearEffects();
    expect((await refusal(worker.call('contact.unmerge', { mergeId }))).code).toBe('conflict');
    expect(worker.effects.changed).toEqual([]);
  });
});
