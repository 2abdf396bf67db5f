import { beforeEach, describe, expect, it } from 'vitest';
import { listThreadFacts } from '@/lib/db/thread-facts';
import type { InboxSeen, ListRow } from '@/lib/model/inbox-seen';
import { factSamples } from '@/lib/reports/response-times';
import type { CallContext } from '@/lib/rpc/define';
import { gmailFeedXml } from '../../fixtures/gmail/feed';
import { gmailMessageIds } from '../../fixtures/gmail/generate';
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
} from './fake-worker';

const HOUR = 3_600_000;
const fromContentScript: CallContext = { sender: {}, tabId: TAB, fromContentScript: true };
const STRANGER = 'vanna@siemreap-hotel.com.kh';

let worker: FakeWorker;
let taskId: string;

/** A "remind me if no reply" set on thread-1 with a contact, while it was open, as the sidebar sets it. */
beforeEach(async () => {
  worker = await fakeWorker();
  await worker.call('contact.create', { name: 'Sokha Chan', emails: [{ address: CLIENT }] });
  await worker.openThread(threadSnapshot());
  taskId = (
    await worker.call('task.followUp', {
      title: 'Chase',
      due: { at: NOW + 48 * HOUR },
      fromOpenThread: true,
      noReply: true,
    })
  ).id;
  worker.clearEffects();
});

const seen = (input: Partial<InboxSeen>) =>
  worker.call('inbox.seen', { rows: [], feed: '', ...input }, fromContentScript);
const status = async () => (await worker.call('tasks.forThread', { threadId: 'thread-1' }))[0]?.status;
const reply = gmailMessageIds(NOW + HOUR, 0x1f00d);
const row = (patch: Partial<ListRow> = {}): ListRow => ({
  thread: 'thread-1',
  last: reply.legacyId,
  date: '',
  senders: [
    { email: CLIENT, name: 'Sokha Chan' },
    { email: REP, name: 'me' },
    { email: CLIENT, name: 'Sokha Chan' },
  ],
  ...patch,
});

describe('replies seen in the list', () => {
  it("a contact's reply in a list row cancels the thread's no-reply reminder, without the thread being opened", async () => {
    worker.advance(HOUR);
    expect(await seen({ rows: [row()] })).toBe(true);
    const [task] = await worker.call('tasks.forThread', { threadId: 'thread-1' });
    expect(task).toMatchObject({ id: taskId, status: 'cancelled' });
    expect(task?.history.at(-1)).toMatchObject({ event: 'cancelled-by-reply', detail: CLIENT });
    expect(worker.effects.changed).toEqual([['threadFacts'], ['tasks']]);
    expect(worker.effects.tasksChanged).toBe(1);
  });

  it('a row whose newest message is the rep’s, or one the watch already knew, cancels nothing', async () => {
    await seen({
      rows: [
        row({
          senders: [
            { email: CLIENT, name: 'Sokha' },
            { email: REP, name: 'me' },
          ],
        }),
      ],
    });
    await seen({ rows: [row({ last: gmailMessageIds(REP_MESSAGE.at, 0x2a0b9).legacyId })] });
    await seen({ rows: [row({ last: CLIENT_MESSAGE.legacyId, senders: [{ email: CLIENT, name: 'Sokha' }] })] });
    expect(await status()).toBe('open');
  });

  it('a row with no id is read by its date in the rep’s zone, and counts only when after the reminder was set', async () => {
    await worker.call('settings.update', { timeZone: 'Asia/Phnom_Penh' });
    // NOW is 10:00 in Phnom Penh: 09:58 that day is before the reminder, 10:30 after.
    await seen({ rows: [row({ last: '', date: 'Mon, Nov 23, 2026, 9:58 AM' })] });
    expect(await status()).toBe('open');
    await seen({ rows: [row({ last: '', date: 'ថ្ងៃច័ន្ទ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២៦ ម៉ោង ១០:៣០ ព្រឹក' })] });
    expect(await status()).toBe('cancelled');
  });

  it('a private thread and a never-log domain leave no facts and cancel nothing', async () => {
    await worker.call('thread.setDoNotLog', { threadId: 'thread-1', doNotLog: true });
    await seen({ rows: [row()] });
    expect(await status()).toBe('open');
    await worker.call('thread.setDoNotLog', { threadId: 'thread-1', doNotLog: false });
    await worker.call('settings.update', { neverLogDomains: ['angkortrade.com.kh'] });
    await seen({ rows: [row()] });
    expect(await status()).toBe('open');
    expect(await listThreadFacts(worker.db)).toEqual([]);
  });

  it('marking a thread private later forgets what the lists showed of it', async () => {
    await seen({ rows: [row({ thread: 'thread-9' })] });
    expect((await listThreadFacts(worker.db)).map((f) => f.threadId)).toEqual(['thread-9']);
    await worker.call('thread.setDoNotLog', { threadId: 'thread-9', doNotLog: true });
    expect(await listThreadFacts(worker.db)).toEqual([]);
  });
});

describe('replies seen in the unread feed', () => {
  const entry = {
    subject: 'Re: Rice order for December',
    summary: 'We will order 10 tons.',
    thread: 'thread-1',
    at: NOW + HOUR,
    low: 0x1f00d,
    from: { name: 'Sokha Chan', email: CLIENT },
  };

  it("a contact's unread reply in the feed cancels the reminder", async () => {
    // The feed names conversations by their hex ids; the fake worker's thread is called "thread-1".
    const xml = gmailFeedXml(REP, [entry]).replace('message_id=thread-1', 'message_id=18d7711562c5e3a1');
    await worker.openThread({ ...threadSnapshot('18d7711562c5e3a1') });
    await worker.call('task.followUp', {
      title: 'Chase',
      due: { at: NOW + 48 * HOUR },
      fromOpenThread: true,
      noReply: true,
    });
    worker.advance(HOUR);
    await seen({ feed: xml });
    expect((await worker.call('tasks.forThread', { threadId: '18d7711562c5e3a1' }))[0]?.status).toBe('cancelled');
    expect(await status()).toBe('open');
  });

  it('a sign-in page or a changed format where the feed should be is no facts, not an error', async () => {
    expect(await seen({ feed: '<!doctype html><title>Sign in</title>' })).toBe(true);
    expect(await seen({ feed: '<feed xmlns="urn:changed"><entry/></feed>' })).toBe(true);
    expect(await listThreadFacts(worker.db)).toEqual([]);
  });
});

describe('thread facts for response times', () => {
  it('a stranger’s thread counts: their message, then the rep’s answer, make one sample, not a contact', async () => {
    const asked = gmailMessageIds(NOW - HOUR, 0x11111);
    const answered = gmailMessageIds(NOW - HOUR / 2, 0x22222);
    await seen({
      rows: [{ thread: asked.legacyId, last: asked.legacyId, date: '', senders: [{ email: STRANGER, name: 'Vanna' }] }],
    });
    await seen({
      rows: [
        {
          thread: asked.legacyId,
          last: answered.legacyId,
          date: '',
          senders: [
            { email: STRANGER, name: 'Vanna' },
            { email: REP, name: 'me' },
          ],
        },
      ],
    });
    const facts = await listThreadFacts(worker.db);
    expect(facts[0]?.events.map((e) => e.direction)).toEqual(['inbound', 'outbound']);
    expect(factSamples(facts, [])).toEqual([
      expect.objectContaining({ threadId: asked.legacyId, contactId: null, ms: HOUR / 2, repAddress: REP }),
    ]);
    expect(await worker.call('sidebar.lookup', { emails: [STRANGER] })).toEqual({ contactIds: { [STRANGER]: null } });
  });
});
