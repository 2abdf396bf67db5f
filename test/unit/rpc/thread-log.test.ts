import { beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '@/lib/rpc/define';
import { LOG_AFTER_MS } from '@/lib/worker/contract';
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
const fromPage: CallContext = { sender: {}, tabId: TAB, fromContentScript: false };
const fromContentScript: CallContext = { sender: {}, tabId: TAB, fromContentScript: true };
/** The dashboard, in a tab of its own. */
const fromDashboard: CallContext = { sender: {}, tabId: 99, fromContentScript: false };

let worker: FakeWorker;
let sokha: string;

beforeEach(async () => {
  worker = await fakeWorker();
  sokha = (await worker.call('contact.create', { name: 'Sokha Chan', emails: [{ address: CLIENT }] })).id;
  worker.clearEffects();
});

const publish = (snapshot = threadSnapshot()) => worker.call('snapshot.publish', snapshot, fromContentScript);
const logged = () => worker.call('activities.forContact', { contactId: sokha });

describe('private first', () => {
  it('logs nothing of a thread just opened; a publish once it has been on screen 3 s logs it, once', async () => {
    await publish();
    worker.advance(LOG_AFTER_MS - 1);
    await publish();
    expect(await logged()).toEqual([]);
    expect(worker.effects.changed).toEqual([]);

    worker.advance(1);
    await publish();
    await publish();
    expect((await logged()).map((a) => a.messageId)).toEqual([REP_MESSAGE.messageId, CLIENT_MESSAGE.messageId]);
    expect(worker.effects.changed).toEqual([['activities', 'contacts']]);
  });

  it("logs when the tab's sidebar asks after 3 s, then each new message of that thread as it is published", async () => {
    await publish();
    worker.advance(LOG_AFTER_MS);
    expect(await worker.call('thread.log', { threadId: 'thread-1' }, fromPage)).toEqual({ logged: 2 });
    expect(await logged()).toHaveLength(2);

    const reply = withClientReply(threadSnapshot(), NOW + HOUR);
    worker.advance(HOUR);
    await publish(reply);
    expect((await logged()).map((a) => a.messageId)).toContain(reply.thread!.messages[2]!.id);
  });

  it('a thread opened again starts its 3 s afresh, and the ask of a sidebar behind the times logs nothing', async () => {
    await publish();
    await publish(threadSnapshot('thread-2'));
    worker.advance(LOG_AFTER_MS);
    // The sidebar's clock was for the thread shown before: the tab has moved on.
    expect(await worker.call('thread.log', { threadId: 'thread-1' }, fromPage)).toEqual({ logged: 0 });
    await publish();
    expect(await logged()).toEqual([]);
    // A deal made from the dashboard names the thread, but no tab of the dashboard shows it.
    const [sales] = await worker.call('pipelines.list', {});
    await worker.call(
      'deal.create',
      { title: 'Rice', pipelineId: sales!.id, stageId: sales!.stages[0]!.id, threadId: 'thread-1' },
      fromDashboard,
    );
    expect(await logged()).toEqual([]);
  });

  it.each([
    [
      'a follow-up',
      (w: FakeWorker) => w.call('task.followUp', { title: 'Chase', due: { at: NOW + HOUR }, fromOpenThread: true }),
    ],
    [
      'a deal',
      async (w: FakeWorker) => {
        const [sales] = await w.call('pipelines.list', {});
        return w.call('deal.create', {
          title: 'Rice, 10 tons',
          pipelineId: sales!.id,
          stageId: sales!.stages[0]!.id,
          threadId: 'thread-1',
        });
      },
    ],
  ])('logs the thread at once when the rep sets %s from it', async (_, act) => {
    await publish();
    await act(worker);
    expect(await logged()).toHaveLength(2);
  });

  it('never logs a thread marked private, and marking it later tombstones what was logged', async () => {
    await worker.call('thread.setDoNotLog', { threadId: 'thread-2', doNotLog: true }, fromPage);
    await publish(threadSnapshot('thread-2'));
    worker.advance(LOG_AFTER_MS);
    await worker.call('thread.log', { threadId: 'thread-2' }, fromPage);
    await publish(threadSnapshot('thread-2'));
    expect(await logged()).toEqual([]);

    await publish();
    worker.advance(LOG_AFTER_MS);
    await worker.call('thread.log', { threadId: 'thread-1' }, fromPage);
    expect((await worker.call('contact.get', { id: sokha }))?.lastContactedAt).toBe(REP_MESSAGE.at);
    worker.clearEffects();
    worker.advance(60_000);
    const { now } = await worker.call('ping', {});
    await worker.call('thread.setDoNotLog', { threadId: 'thread-1', doNotLog: true }, fromPage);
    expect(await logged()).toEqual([]);
    expect(worker.effects.changed).toEqual([['threadPrefs'], ['activities', 'contacts']]);
    // Tombstones, not deletions: a team's server learns the thread is gone. And it stays gone.
    const rows = await worker.db.getAllFromIndex('activities', 'byThread', 'thread-1');
    expect(rows.map((r) => r.deletedAt)).toEqual([now, now]);
    expect((await worker.call('contact.get', { id: sokha }))?.lastContactedAt).toBeNull();
    await publish();
    expect(await logged()).toEqual([]);

    // Unticked, the rep has chosen: it is logged again at once.
    await worker.call('thread.setDoNotLog', { threadId: 'thread-1', doNotLog: false }, fromPage);
    expect(await logged()).toHaveLength(2);
  });

  it('never logs a message to or from a never-log domain', async () => {
    await worker.call('settings.update', { neverLogDomains: ['angkortrade.com.kh'] });
    await publish();
    await worker.call('thread.log', { threadId: 'thread-1' }, fromPage);
    expect(await logged()).toEqual([]);
  });
});

describe('times and reps of logged email', () => {
  it("takes a message's time from its id, else its date text in the rep's time zone, else the moment of logging", async () => {
    await worker.call('settings.update', { timeZone: 'Asia/Phnom_Penh' });
    const thread = threadSnapshot().thread!;
    const [fromClient, fromRep] = thread.messages;
    const snapshot = {
      ...threadSnapshot(),
      thread: {
        ...thread,
        messages: [
          // A message just sent, with neither id readable yet: Khmer date text, 10:15 in Phnom Penh.
          { ...fromClient!, id: 'msg-a:r123', time: null, timeText: 'ថ្ងៃសុក្រ ទី២០ ខែវិច្ឆិកា ឆ្នាំ២០២៦ ម៉ោង ១០:១៥ ព្រឹក' },
          { ...fromRep!, id: 'msg-a:r124', time: null, timeText: '5 minutes ago' },
          withClientReply(threadSnapshot(), NOW - 60_000).thread!.messages[2]!,
        ],
      },
    };
    await publish(snapshot);
    // The sidebar and "remind me if no reply" see the times the worker found; unknown stays unknown.
    const stored = (await worker.call('snapshot.current', {}, fromPage)).snapshot;
    expect(stored?.thread?.messages.map((m) => m.time)).toEqual([Date.UTC(2026, 10, 20, 3, 15), null, NOW - 60_000]);

    await worker.call('thread.log', { threadId: 'thread-1' }, fromPage);
    const byMessage = new Map((await logged()).map((a) => [a.messageId, [a.occurredAt, a.timeSource]]));
    expect(Object.fromEntries(byMessage)).toEqual({
      'msg-a:r123': [Date.UTC(2026, 10, 20, 3, 15), 'text'],
      'msg-a:r124': [NOW, 'logged'],
      [snapshot.thread.messages[2]!.id]: [NOW - 60_000, 'id'],
    });
  });

  it("records the rep whose account it is; an unknown account's rep claims it once, with the mail already logged", async () => {
    const rep = await worker.call('rep.save', {
      id: crypto.randomUUID(),
      createdAt: NOW,
      updatedAt: NOW,
      deletedAt: null,
      name: 'Sophea Lim',
      email: 'sophea@mekonghome.com.kh',
      accountEmails: [],
    });
    await publish();
    await worker.call('thread.log', { threadId: 'thread-1' }, fromPage);
    expect((await logged()).map((a) => [a.repId, a.repAddress])).toEqual([
      [null, REP],
      [null, REP],
    ]);

    worker.clearEffects();
    const claimed = await worker.call('rep.claimAccount', { repId: rep.id }, fromPage);
    expect(claimed.accountEmails).toEqual([REP]);
    expect((await logged()).map((a) => a.repId)).toEqual([rep.id, rep.id]);
    expect((await worker.call('settings.get', {})).currentRepId).toBe(rep.id);
    expect(worker.effects.changed).toEqual([['reps', 'settings', 'activities']]);

    // New mail from the account now carries the rep as it is logged.
    const reply = withClientReply(threadSnapshot(), NOW + HOUR);
    worker.advance(HOUR);
    await publish(reply);
    expect((await logged())[0]).toMatchObject({ messageId: reply.thread!.messages[2]!.id, repId: rep.id });
  });

  it('adds a new rep for the account when the rep is none of those known', async () => {
    await publish();
    const rep = await worker.call('rep.claimAccount', { repId: null, name: 'Vannak Ouk' }, fromPage);
    expect(rep).toMatchObject({ name: 'Vannak Ouk', email: REP, accountEmails: [REP] });
    expect((await worker.call('reps.list', {})).map((r) => r.id)).toEqual([rep.id]);
  });
});
