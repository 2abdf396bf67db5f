import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../refusal';
import {
  CLIENT,
  CLIENT_MESSAGE,
  type FakeWorker,
  fakeWorker,
  NOW,
  REP,
  REP_MESSAGE,
  TAB,
  threadSnapshot,
  withClientReply,
} from './fake-worker';

const HOUR = 3_600_000;
let worker: FakeWorker;

beforeEach(async () => {
  worker = await fakeWorker();
});

async function pipeline() {
  const [sales] = await worker.call('pipelines.list', {});
  return sales!;
}

describe('contact.capture', () => {
  it("captures the open thread's sender with the signature's title and phone, then logs the thread on them", async () => {
    await worker.openThread(threadSnapshot());
    const { contact, created } = await worker.call('contact.capture', {
      name: 'Sokha Chan',
      email: CLIENT,
      tabSnapshot: true,
    });
    expect(created).toBe(true);
    expect(contact).toMatchObject({
      name: 'Sokha Chan',
      emails: [{ address: CLIENT }],
      jobTitle: 'Purchasing Manager',
      phones: [{ number: '+855 12 345 678' }],
    });
    const sources = await worker.call('sources.list', {});
    expect(contact.sourceId).toBe(sources.find((s) => s.key === 'email')?.id);
    const logged = await worker.call('activities.forContact', { contactId: contact.id });
    // Capturing is acting on the thread: it is logged at once, each time read from the message's id.
    expect(logged.map((a) => [a.messageId, a.direction, a.occurredAt, a.timeSource, a.accountIndex])).toEqual([
      [REP_MESSAGE.messageId, 'outbound', REP_MESSAGE.at, 'id', 1],
      [CLIENT_MESSAGE.messageId, 'inbound', CLIENT_MESSAGE.at, 'id', 1],
    ]);
    expect(worker.effects.changed).toEqual([
      ['contacts', 'companies'],
      ['activities', 'contacts'],
    ]);
  });

  it("refuses the rep's own address, writing and announcing nothing", async () => {
    await worker.openThread(threadSnapshot());
    const error = await refusal(worker.call('contact.capture', { name: 'Me', email: REP, tabSnapshot: true }));
    expect(error).toMatchObject({ code: 'invalid', field: 'email' });
    expect(await worker.call('sidebar.lookup', { emails: [REP] })).toEqual({ contactIds: { [REP]: null } });
    expect(worker.effects.changed).toEqual([]);
  });
});

describe('record writes', () => {
  it('contact.update stores the patch and announces the contacts', async () => {
    const created = await worker.call('contact.create', { name: 'Dara Kim' });
    worker.clearEffects();
    worker.advance(60_000);
    const updated = await worker.call('contact.update', { id: created.id, patch: { jobTitle: 'Director' } });
    expect(updated).toMatchObject({ name: 'Dara Kim', jobTitle: 'Director', updatedAt: NOW + 60_000 });
    expect(await worker.call('contact.get', { id: created.id })).toEqual(updated);
    expect(worker.effects.changed).toEqual([['contacts']]);
  });

  it('deal.create and deal.update write the deal, a new stage stamping when it moved', async () => {
    const sales = await pipeline();
    const deal = await worker.call('deal.create', {
      title: 'Rice, 10 tons',
      pipelineId: sales.id,
      stageId: sales.stages[0]!.id,
      value: { amount: 4_100_000, currency: 'KHR' },
    });
    expect(deal).toMatchObject({ status: 'open', stageChangedAt: NOW, value: { amount: 4_100_000, currency: 'KHR' } });
    worker.advance(HOUR);
    const moved = await worker.call('deal.update', { id: deal.id, patch: { stageId: sales.stages[2]!.id } });
    expect(moved).toMatchObject({ stageId: sales.stages[2]!.id, stageChangedAt: NOW + HOUR });
    expect((await worker.call('deals.forPipeline', { pipelineId: sales.id })).map((d) => d.stageId)).toEqual([
      sales.stages[2]!.id,
    ]);
    expect(worker.effects.changed).toEqual([['deals'], ['deals']]);
  });

  it('records.bulkUpdate announces every store a change to companies touches', async () => {
    const a = await worker.call('company.create', { name: 'Angkor Trading' });
    const b = await worker.call('company.create', { name: 'Mekong Logistics' });
    const owner = crypto.randomUUID();
    worker.clearEffects();
    expect(
      await worker.call('records.bulkUpdate', { entity: 'companies', ids: [a.id, b.id], patch: { ownerId: owner } }),
    ).toEqual({ updated: 2 });
    expect((await worker.call('company.get', { id: b.id }))?.ownerId).toBe(owner);
    expect(worker.effects.changed).toEqual([['companies', 'contacts', 'deals']]);
  });
});

describe('tasks', () => {
  it('task.followUp sets a reminder from a preset and re-arms the alarms', async () => {
    const contact = await worker.call('contact.create', { name: 'Dara Kim' });
    worker.clearEffects();
    const task = await worker.call('task.followUp', {
      title: 'Send the price list',
      due: { preset: 'in-2-hours' },
      contactId: contact.id,
    });
    expect(task).toMatchObject({ kind: 'follow-up', status: 'open', dueAt: NOW + 2 * HOUR, contactId: contact.id });
    expect((await worker.call('tasks.open', {})).map((t) => t.id)).toEqual([task.id]);
    expect(worker.effects.changed).toEqual([['tasks']]);
    expect(worker.effects.tasksChanged).toBe(1);
  });

  it('task.followUp watches the open thread for a reply, and a reply published later cancels it', async () => {
    await worker.openThread(threadSnapshot());
    const task = await worker.call('task.followUp', {
      title: 'Chase the order',
      due: { at: NOW + 48 * HOUR },
      fromOpenThread: true,
      noReply: true,
    });
    expect(task).toMatchObject({ kind: 'no-reply', threadId: 'thread-1', accountIndex: 1, dueAt: NOW + 48 * HOUR });
    expect(task.watch).toEqual({
      knownMessageIds: [CLIENT_MESSAGE.messageId, REP_MESSAGE.messageId],
      participants: [CLIENT],
    });
    worker.clearEffects();
    worker.advance(HOUR);
    expect(await worker.call('snapshot.publish', withClientReply(threadSnapshot(), NOW + HOUR))).toBe(true);
    expect(await worker.call('tasks.forThread', { threadId: 'thread-1' })).toEqual([
      expect.objectContaining({ id: task.id, status: 'cancelled' }),
    ]);
    // The client is no contact here: the thread is not logged, its messages are kept as thread facts.
    expect(worker.effects.changed).toEqual([['threadFacts'], ['tasks']]);
    expect(worker.effects.tasksChanged).toBe(1);
    expect(worker.effects.snapshotsSent).toEqual([TAB]);
  });

  it('refuses to watch for a reply with no thread open, writing nothing', async () => {
    const error = await refusal(
      worker.call('task.followUp', { title: 'Chase', due: { at: NOW + HOUR }, fromOpenThread: true, noReply: true }),
    );
    expect(error.code).toBe('invalid');
    expect(await worker.call('tasks.open', {})).toEqual([]);
    expect(worker.effects).toMatchObject({ changed: [], tasksChanged: 0 });
  });

  it('task.complete and task.snooze save the task and re-arm the alarms each time', async () => {
    const task = await worker.call('task.followUp', { title: 'Call back', due: { at: NOW + HOUR } });
    worker.clearEffects();
    const snoozed = await worker.call('task.snooze', { id: task.id, due: { at: NOW + 5 * HOUR } });
    expect(snoozed).toMatchObject({ status: 'open', dueAt: NOW + 5 * HOUR });
    worker.advance(HOUR);
    const done = await worker.call('task.complete', { id: task.id });
    expect(done).toMatchObject({ status: 'done', completedAt: NOW + HOUR });
    expect(await worker.call('tasks.open', {})).toEqual([]);
    expect(worker.effects.changed).toEqual([['tasks'], ['tasks']]);
    expect(worker.effects.tasksChanged).toBe(2);
  });

  it('refuses to complete a task that does not exist', async () => {
    expect((await refusal(worker.call('task.complete', { id: crypto.randomUUID() }))).code).toBe('not-found');
    expect(worker.effects).toMatchObject({ changed: [], tasksChanged: 0 });
  });
});

describe('settings.update', () => {
  it('stores the patch and wakes the reminders, since working hours decide when they may be shown', async () => {
    const settings = await worker.call('settings.update', {
      timeZone: 'Asia/Phnom_Penh',
      quietOutsideWorkingHours: true,
    });
    expect(settings).toMatchObject({ timeZone: 'Asia/Phnom_Penh', quietOutsideWorkingHours: true, language: 'en' });
    expect(await worker.call('settings.get', {})).toEqual(settings);
    expect(worker.effects.changed).toEqual([['settings']]);
    expect(worker.effects.wakes).toBe(1);
    expect(worker.effects.tasksChanged).toBe(0);
  });
});
