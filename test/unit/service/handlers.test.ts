import { beforeEach, describe, expect, it } from 'vitest';
import { addThreadFacts } from '@/lib/db/thread-facts';
import { localeOf } from '@/lib/i18n/locale';
import { translate } from '@/lib/i18n/translate';
import { BUILT_IN_KIND_IDS, type WebmailSnapshot } from '@/lib/model';
import { reportToCsv, reportToText } from '@/lib/reports/report';
import type { CallContext } from '@/lib/rpc/define';
import {
  CLIENT_MESSAGE,
  type FakeWorker,
  fakeWorker,
  NOW,
  REP_MESSAGE,
  TAB,
  threadSnapshot,
  withClientReply,
} from '../rpc/fake-worker';

const HOUR = 3_600_000;
const fromSidebar: CallContext = { sender: {}, tabId: TAB, fromContentScript: false };
const complaint = BUILT_IN_KIND_IDS.complaint;

let worker: FakeWorker;
let repId: string;
/** NOW is Monday 10:00 in Phnom Penh; the client wrote again twenty minutes before, after the rep's answer. */
const asked = NOW - HOUR / 3;
const waiting = (subject = 'Rice order for December', tail = 'Still no delivery.') => {
  const snapshot = withClientReply(threadSnapshot(), asked);
  const thread = snapshot.thread!;
  const messages = thread.messages.map((m, i) => (i === thread.messages.length - 1 ? { ...m, tail } : m));
  return { ...snapshot, thread: { ...thread, subject, messages } } satisfies WebmailSnapshot;
};
const call: FakeWorker['call'] = (method, input, context = fromSidebar) => worker.call(method, input, context);

beforeEach(async () => {
  worker = await fakeWorker();
  await worker.call('settings.update', { timeZone: 'Asia/Phnom_Penh' });
  await worker.openThread(waiting());
  repId = (await call('rep.claimAccount', { repId: null, name: 'Dara' })).id;
  worker.clearEffects();
});

describe('a complaint marked in the sidebar', () => {
  it('gets its owner, a deadline in working hours, and a reminder for its owner before it', async () => {
    expect(await call('service.thread', {})).toMatchObject({ record: null, waiting: true, deadline: null });

    const record = await call('service.setKind', { threadId: 'thread-1', kindId: complaint });
    expect(record).toMatchObject({ kindId: complaint, kindBy: 'rep', ownerRepId: repId, waitingSince: asked });
    const view = await call('service.thread', {});
    expect(view.deadline).toMatchObject({ state: 'due', dueAt: asked + 4 * HOUR, ms: 4 * HOUR - HOUR / 3 });

    const [reminder] = await call('tasks.open', {});
    expect(reminder).toMatchObject({ threadId: 'thread-1', ownerId: repId, dueAt: asked + 3 * HOUR, accountIndex: 1 });
    expect(worker.effects.tasksChanged).toBeGreaterThan(0);

    expect(await call('service.urgent', {})).toEqual([]);
    worker.advance(3 * HOUR);
    expect((await call('service.urgent', {})).map((u) => u.deadline.state)).toEqual(['nearing']);
    worker.advance(HOUR);
    expect((await call('service.urgent', {})).map((u) => u.deadline.state)).toEqual(['over']);
  });

  it('stops waiting, and cancels the reminder, once the rep has answered', async () => {
    await call('service.setKind', { threadId: 'thread-1', kindId: complaint });
    const answered = waiting();
    const thread = answered.thread!;
    const reply = { ...thread.messages[1]!, id: 'msg-f:1800000000000000001', time: NOW };
    await worker.openThread({ ...answered, thread: { ...thread, messages: [...thread.messages, reply] } });

    const view = await call('service.thread', {});
    expect(view.record).toMatchObject({ waitingSince: null, firstAnsweredAt: REP_MESSAGE.at });
    expect(view.deadline).toBeNull();
    expect(await call('tasks.open', {})).toEqual([]);
  });

  it('can be handed to another rep', async () => {
    const other = await call('rep.save', {
      id: '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a9999',
      createdAt: NOW,
      updatedAt: NOW,
      deletedAt: null,
      name: 'Bopha',
      email: 'bopha@shop.kh',
      accountEmails: [],
    });
    await call('service.setKind', { threadId: 'thread-1', kindId: complaint });
    expect(await call('service.assign', { threadId: 'thread-1', repId: other.id })).toMatchObject({
      ownerRepId: other.id,
    });
    expect((await call('tasks.open', {}))[0]?.ownerId).toBe(other.id);
  });
});

describe('the rules and the private thread', () => {
  it('suggest a kind, kept as the rules’ until the rep confirms, on a thread seen for a while', async () => {
    await worker.openThread(waiting('ខ្ញុំចង់ប្ដឹងតវ៉ា: refund please'));
    expect((await call('service.thread', {})).suggestedKindId).toBe(complaint);
    const seen = await call('service.seen', { threadId: 'thread-1' });
    expect(seen).toMatchObject({ kindId: complaint, kindBy: 'rule', ownerRepId: repId });
  });

  it('drop the record and reminder of a thread marked private after it was kept', async () => {
    await call('service.setKind', { threadId: 'thread-1', kindId: complaint });
    await call('thread.setDoNotLog', { threadId: 'thread-1', doNotLog: true });
    expect(await call('service.thread', {})).toMatchObject({ private: true, record: null });
    expect(await call('tasks.open', {})).toEqual([]);
    expect((await worker.db.getAll('serviceThreads')).map((row) => row.deletedAt !== null)).toEqual([true]);
    expect(await call('service.urgent', {})).toEqual([]);
  });

  it('leave a thread the rep keeps private alone', async () => {
    await call('thread.setDoNotLog', { threadId: 'thread-1', doNotLog: true });
    expect(await call('service.thread', {})).toMatchObject({ private: true, record: null });
    expect(await call('service.seen', { threadId: 'thread-1' })).toBeNull();
  });
});

describe('satisfaction', () => {
  it('offers the score a reply holds and records it on the contact, thread, kind and owner', async () => {
    await call('service.setKind', { threadId: 'thread-1', kindId: complaint });
    await worker.openThread(waiting('Rice order for December', '៤\n\nSokha Chan'));
    expect((await call('service.thread', {})).offeredScore).toBe(4);
    const contact = await call('contact.create', { name: 'Sokha Chan' });
    const score = await call('service.recordScore', { contactId: contact.id, threadId: 'thread-1', score: 4 });
    expect(score).toMatchObject({
      type: 'satisfaction',
      score: 4,
      threadKindId: complaint,
      repId,
      contactId: contact.id,
    });
  });
});

describe('the scheduled report', () => {
  it('carries the month’s service figures, in its table and its CSV', async () => {
    await call('service.setKind', { threadId: 'thread-1', kindId: complaint });
    await call('service.recordScore', { contactId: null, threadId: 'thread-1', score: 5 });
    worker.advance(5 * HOUR);
    const { report } = await call('reports.generateNow', { kind: 'month' });
    expect(report.service).toMatchObject({
      received: 1,
      answered: 1,
      withinTarget: 1,
      overTarget: 0,
      satisfaction: { count: 1, average: 5, goodShare: 1 },
    });
    expect(report.service?.byKind[0]).toMatchObject({ kindId: complaint, builtIn: 'complaint', scores: 1 });
    expect(reportToCsv(report)).toContain('service,satisfaction_average,5');
    const km = localeOf({ language: 'km' });
    expect(reportToText(report, (key, values) => translate(km, key, values), km)).toContain(
      'ខ្សែអ៊ីមែលអតិថិជនដែលបានទទួល៖ ១; ឆ្លើយក្នុងគោលដៅ៖ ១០០%',
    );
  });

  it('times an answer the rep sent without reopening the thread from what Gmail’s lists showed of it', async () => {
    const question = threadSnapshot();
    await worker.openThread({
      ...question,
      thread: { ...question.thread!, messages: [question.thread!.messages[0]!] },
    });
    await call('service.setKind', { threadId: 'thread-1', kindId: complaint });
    const place = { threadId: 'thread-1', accountIndex: 1, repAddress: null, repId: null };
    await addThreadFacts(
      worker.db,
      place,
      [
        { messageId: '', at: CLIENT_MESSAGE.at, from: 'sokha@angkortrade.com.kh', direction: 'inbound' },
        { messageId: '', at: CLIENT_MESSAGE.at + HOUR / 4, from: 'rep@sidecar.example', direction: 'outbound' },
      ],
      NOW,
    );
    const { report } = await call('reports.generateNow', { kind: 'month' });
    expect(report.service).toMatchObject({ received: 1, answered: 1, medianMs: HOUR / 4, withinTarget: 1 });
  });
});
