import { beforeEach, describe, expect, it } from 'vitest';
import { type FakeWorker, fakeWorker, NOW } from '../rpc/fake-worker';

const TZ = 'Asia/Phnom_Penh';
/** NOW is 23 Nov 2026 10:00 in Phnom Penh (UTC+7): its month began at local midnight of the 1st. */
const NOVEMBER = Date.UTC(2026, 10, 1) - 7 * 3_600_000;
const MINUTE = 60_000;

let worker: FakeWorker;

beforeEach(async () => {
  worker = await fakeWorker();
  await worker.call('settings.update', { timeZone: TZ, defaultCurrency: 'USD' });
});

async function winDeal(amount: number) {
  const [sales] = await worker.call('pipelines.list', {});
  const deal = await worker.call('deal.create', {
    title: 'Hotel linen',
    pipelineId: sales!.id,
    stageId: sales!.stages[0]!.id,
    value: { amount, currency: 'USD' },
  });
  await worker.call('deal.update', { id: deal.id, patch: { status: 'won' } });
  // A period so far ends now, exclusive: what happened at this very instant is in the next report.
  worker.advance(MINUTE);
}

describe('reports.generateNow', () => {
  it('reports the current month so far, keeps it, and lists it newest first', async () => {
    await winDeal(50_000);
    const first = await worker.call('reports.generateNow', { kind: 'month' });
    expect(first).toMatchObject({ scheduleId: null, origin: 'now-month' });
    expect(first.report.period).toEqual({ start: NOVEMBER, end: NOW + MINUTE });
    expect(first.report.deals.won.value.converted).toEqual({ amount: 50_000, currency: 'USD' });

    worker.advance(MINUTE);
    const second = await worker.call('reports.generateNow', { kind: 'day' });
    const list = await worker.call('reports.list', {});
    expect(list.map((summary) => summary.id)).toEqual([second.id, first.id]);
    expect(list[1]).toEqual({
      id: first.id,
      scheduleId: null,
      origin: 'now-month',
      period: first.report.period,
      generatedAt: NOW + MINUTE,
      repId: null,
    });
  });

  it("narrows to one rep's records when asked: the deal won has no owner", async () => {
    const rep = await worker.call('rep.save', {
      id: crypto.randomUUID(),
      name: 'Dara',
      email: 'dara@sidecar.example',
      accountEmails: [],
      createdAt: NOW,
      updatedAt: NOW,
      deletedAt: null,
    });
    await winDeal(50_000);
    const team = await worker.call('reports.generateNow', { kind: 'week' });
    const own = await worker.call('reports.generateNow', { kind: 'week', repId: rep.id });
    expect(team.report.deals.won.count.current).toBe(1);
    expect(own.report.repId).toBe(rep.id);
    expect(own.report.deals.won.count.current).toBe(0);
  });
});

describe('report.get', () => {
  it('answers a kept report whole, and null for one it does not have', async () => {
    const stored = await worker.call('reports.generateNow', { kind: 'quarter' });
    expect(await worker.call('report.get', { id: stored.id })).toEqual(stored);
    expect(await worker.call('report.get', { id: crypto.randomUUID() })).toBeNull();
  });
});
