import { openCrmDb } from '@/lib/db/open';
import type { WebmailSnapshot } from '@/lib/model';
import type { CallContext } from '@/lib/rpc/define';
import type { WorkerServices } from '@/lib/rpc/services';
import { SnapshotCache } from '@/lib/webmail/snapshot-cache';
import { contract, type Input, type Method, type Output } from '@/lib/worker/contract';
import { createHandlers } from '@/lib/worker/handlers';
import { gmailMessageIds } from '../../fixtures/gmail/generate';

export const NOW = Date.UTC(2026, 10, 23, 3, 0);
export const TAB = 7;
export const REP = 'rep@sidecar.example';
export const CLIENT = 'sokha@angkortrade.com.kh';

/** A call from the dashboard or the sidebar of tab TAB: an extension page, so every method is open to it. */
const fromPage: CallContext = {
  sender: { id: 'sidecar', url: 'chrome-extension://sidecar/sidebar.html', tab: { id: TAB } },
  tabId: TAB,
  fromContentScript: false,
};

let n = 0;

/**
 * The worker's handlers over a fresh store, with the effects of each call recorded instead of broadcast: the stores
 * each write announced, and how often the reminders were re-armed or woken.
 */
export async function fakeWorker() {
  const db = await openCrmDb(`handlers-${n++}`, () => NOW);
  let clock = NOW;
  const effects = { changed: [] as string[][], tasksChanged: 0, wakes: 0, snapshotsSent: [] as number[] };
  const kept = new Map<string, unknown>();
  const services: WorkerServices = {
    db,
    now: () => clock,
    version: '1.2.3',
    snapshots: new SnapshotCache({ load: async () => ({}), save: async () => undefined }),
    storage: {
      get: async (key) => (kept.has(key) ? { [key]: kept.get(key) } : {}),
      set: async (items) => {
        for (const [key, value] of Object.entries(items)) kept.set(key, value);
      },
    },
    changed: (stores) => effects.changed.push(stores),
    snapshotChanged: (tabId) => effects.snapshotsSent.push(tabId),
    tasksChanged: async () => {
      effects.tasksChanged++;
    },
    wakeReminders: async () => {
      effects.wakes++;
    },
    // A lone rep: the network is never called.
    team: {
      fetch: () => Promise.reject(new Error('a lone rep makes no request')),
      syncNow: async () => undefined,
      watch: async () => false,
    },
  };
  const handlers = createHandlers(services);

  /** Calls a method as the router does: the input parsed with the contract first, then handed to its handler. */
  const call = <M extends Method>(method: M, input: Input<M>, context = fromPage): Promise<Output<M>> => {
    const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<Output<M>>;
    return handler(contract[method].input.parse(input), context);
  };

  return {
    db,
    effects,
    call,
    /** Opens a thread in tab TAB, as the content script's publish leaves it in the snapshot cache. */
    openThread: (snapshot: WebmailSnapshot) => services.snapshots.set(TAB, snapshot, clock),
    advance: (ms: number) => {
      clock += ms;
    },
    /** Forgets the effects so far, so a test asserts only those of the call it makes next. */
    clearEffects: () => {
      effects.changed.length = 0;
      effects.snapshotsSent.length = 0;
      effects.tasksChanged = 0;
      effects.wakes = 0;
    },
  };
}

export type FakeWorker = Awaited<ReturnType<typeof fakeWorker>>;

/** A message Gmail accepted at `at`, with the ids it would have then. */
function accepted(at: number, low: number) {
  return { at, ...gmailMessageIds(at, low) };
}

/** The client wrote an hour ago (some seconds into the minute, as Gmail's ids say), the rep answered half an hour later. */
export const CLIENT_MESSAGE = accepted(NOW - 3_600_000 + 12_345, 0x4c1e2);
export const REP_MESSAGE = accepted(NOW - 1_800_000 + 41_007, 0x2a0b9);

/** A Gmail thread between the rep and a client: the client wrote with a signature, the rep answered. */
export function threadSnapshot(threadId = 'thread-1'): WebmailSnapshot {
  return {
    provider: 'gmail',
    account: REP,
    accountIndex: 1,
    view: 'thread',
    thread: {
      id: threadId,
      permId: null,
      subject: 'Rice order for December',
      messages: [
        {
          id: CLIENT_MESSAGE.messageId,
          legacyId: null,
          from: { email: CLIENT, name: 'Sokha Chan' },
          to: [{ email: REP, name: 'Rep' }],
          cc: [],
          time: CLIENT_MESSAGE.at,
          timeText: '09:00',
          collapsed: false,
          tail: 'Please send the price list.\n\n--\nSokha Chan\nPurchasing Manager\nTel: +855 12 345 678',
        },
        {
          id: REP_MESSAGE.messageId,
          legacyId: null,
          from: { email: REP, name: 'Rep' },
          to: [{ email: CLIENT, name: 'Sokha Chan' }],
          cc: [],
          time: REP_MESSAGE.at,
          timeText: '09:30',
          collapsed: false,
          tail: 'Attached.',
        },
      ],
    },
    participants: [{ email: CLIENT, name: 'Sokha Chan', roles: ['from', 'to'] }],
    composes: [],
    problem: null,
  };
}

/** The same thread once the client has written again. */
export function withClientReply(snapshot: WebmailSnapshot, time: number): WebmailSnapshot {
  const thread = snapshot.thread!;
  const reply = {
    ...thread.messages[0]!,
    id: gmailMessageIds(time, thread.messages.length).messageId,
    time,
    tail: 'Thank you, we will order 10 tons.',
  };
  return { ...snapshot, thread: { ...thread, messages: [...thread.messages, reply] } };
}
