import { beforeEach, describe, expect, it } from 'vitest';
import { newRecordBase } from '@/lib/model';
import { type FakeWorker, fakeWorker, NOW } from '../rpc/fake-worker';

let worker: FakeWorker;
beforeEach(async () => {
  worker = await fakeWorker();
});

describe('the reason lists and competitors', () => {
  it('start with both lists, won first, and keep a reason on its list', async () => {
    const reasons = await worker.call('closeReasons.list', {});
    const outcomes = reasons.map((reason) => reason.outcome);
    expect(outcomes.indexOf('lost')).toBeGreaterThan(outcomes.lastIndexOf('won'));
    const price = reasons.find((reason) => reason.name === 'Good price')!;
    await expect(worker.call('closeReason.save', { ...price, outcome: 'lost' })).rejects.toThrow(/other list/);
    await worker.call('closeReason.save', { ...price, nameKm: 'តម្លៃល្អ', deletedAt: NOW });
    expect((await worker.call('closeReasons.list', {})).some((reason) => reason.id === price.id)).toBe(false);
  });

  it('refuses a second live competitor of the same name, in any case', async () => {
    const base = { website: '', notes: '' };
    await worker.call('competitor.save', { ...newRecordBase(NOW), ...base, name: 'Mekong Tech' });
    await expect(
      worker.call('competitor.save', { ...newRecordBase(NOW), ...base, name: 'MEKONG TECH' }),
    ).rejects.toThrow(/exists already/);
    expect((await worker.call('competitors.list', {})).map((c) => c.name)).toEqual(['Mekong Tech']);
  });

  it('clears why a deal closed when it is reopened, and the competitor when it is won instead', async () => {
    const [sales] = await worker.call('pipelines.list', {});
    const competitor = await worker.call('competitor.save', {
      ...newRecordBase(NOW),
      name: 'Angkor Office Supply',
      website: '',
      notes: '',
    });
    const deal = await worker.call('deal.create', {
      title: 'Printers',
      pipelineId: sales!.id,
      stageId: sales!.stages[1]!.id,
    });
    const lost = await worker.call('deal.update', {
      id: deal.id,
      patch: {
        status: 'lost',
        closeReasonOther: 'Moved abroad',
        lostReason: 'Moved abroad',
        lostToCompetitorId: competitor.id,
        competitorIds: [competitor.id],
      },
    });
    expect(lost).toMatchObject({ closeReasonOther: 'Moved abroad', lostToCompetitorId: competitor.id });
    const reopened = await worker.call('deal.update', { id: deal.id, patch: { status: 'open' } });
    expect(reopened).toMatchObject({
      closeReasonId: null,
      closeReasonOther: '',
      lostToCompetitorId: null,
      lostReason: '',
      // Who the customer talked to stays known.
      competitorIds: [competitor.id],
    });
  });
});
