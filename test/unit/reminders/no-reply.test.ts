import { describe, expect, it } from 'vitest';
import type { SnapshotMessage } from '@/lib/model';
import { replyCancels, type SnapshotThread, watchFromThread } from '@/lib/reminders/no-reply';
import { HOUR, makeTask, storable, T0 } from './fixtures';

const REP = ['Sokha.Rep@Example.com'];
const ana = { email: 'Ana.Chan@Client.com.kh', name: 'Ana Chan' };
const dara = { email: 'dara@client.com.kh', name: 'Dara' };
const rep = { email: 'sokha.rep@example.com', name: 'Sokha' };

function message(id: string, from: SnapshotMessage['from'], time: number | null, extra: Partial<SnapshotMessage> = {}) {
  return {
    id,
    legacyId: null,
    from,
    to: [rep],
    cc: [],
    time,
    timeText: '',
    collapsed: true,
    tail: '',
    ...extra,
  } satisfies SnapshotMessage;
}

/** The thread as the rep saw it when setting "remind me if no reply": Ana wrote, the rep answered. */
const original: SnapshotThread = {
  id: '18c2f0a9b7d4e311',
  permId: 'thread-f:1780000000000000001',
  subject: 'Quotation for 200 units',
  messages: [
    message('msg-f:1780000000000000001', ana, T0 - 2 * HOUR, { to: [rep], cc: [dara] }),
    message('msg-f:1780000000000000002', rep, T0 - 5 * 60_000, {
      to: [{ email: ' ana.chan@client.com.kh ', name: 'Ana' }],
      cc: [dara],
      legacyId: '18c2f0a9b7d4e312',
    }),
    message('msg-f:1780000000000000003', null, null),
  ],
};

function watchedTask() {
  return makeTask({
    kind: 'no-reply',
    createdAt: T0,
    dueAt: T0 + 3 * 24 * HOUR,
    threadId: original.id,
    accountIndex: 0,
    watch: watchFromThread(original, REP),
  });
}

const withMessages = (...extra: SnapshotMessage[]): SnapshotThread => ({
  ...original,
  messages: [...original.messages, ...extra],
});

describe('watchFromThread', () => {
  it('records the known message ids (both forms) and the other participants, normalised, the rep left out', () => {
    const watch = watchFromThread(original, REP);
    expect(watch.knownMessageIds).toEqual([
      'msg-f:1780000000000000001',
      'msg-f:1780000000000000002',
      '18c2f0a9b7d4e312',
      'msg-f:1780000000000000003',
    ]);
    expect(watch.participants).toEqual(['ana.chan@client.com.kh', 'dara@client.com.kh']);
  });

  it('makes a task the schema accepts', () => {
    expect(storable(watchedTask()).watch?.participants).toHaveLength(2);
  });
});

describe('replyCancels', () => {
  it('cancels the task when the contact replies, naming who replied in the history', () => {
    const task = watchedTask();
    const now = T0 + HOUR;
    const cancelled = replyCancels(
      task,
      withMessages(message('msg-f:1780000000000000009', ana, T0 + 50 * 60_000)),
      now,
    );
    expect(cancelled).not.toBeNull();
    expect(storable(cancelled!)).toMatchObject({ status: 'cancelled', updatedAt: now, dueAt: task.dueAt });
    expect(cancelled?.history.at(-1)).toEqual({
      at: now,
      event: 'cancelled-by-reply',
      detail: 'ana.chan@client.com.kh',
    });
  });

  it('cancels on a reply from another watched participant, even one whose time Gmail did not show', () => {
    const cancelled = replyCancels(
      watchedTask(),
      withMessages(message('msg-f:17800000000000000010', dara, null)),
      T0 + HOUR,
    );
    expect(cancelled?.history.at(-1)?.detail).toBe('dara@client.com.kh');
  });

  it("does not cancel on the rep's own new message", () => {
    const followUp = message('msg-f:1780000000000000009', { email: 'SOKHA.REP@example.com', name: 'Sokha' }, T0 + HOUR);
    expect(replyCancels(watchedTask(), withMessages(followUp), T0 + HOUR)).toBeNull();
  });

  it('does not cancel on messages it already knew, under either id form', () => {
    const task = watchedTask();
    expect(replyCancels(task, original, T0 + HOUR)).toBeNull();
    // Gmail showed the rep's message by its msg-f id before; now it only has the legacy id.
    const relabelled = {
      ...original,
      messages: original.messages.map((m) => (m.legacyId ? { ...m, id: m.legacyId, legacyId: null, from: ana } : m)),
    };
    expect(replyCancels(task, relabelled, T0 + HOUR)).toBeNull();
  });

  it('ignores messages with no readable sender and people who were not in the thread', () => {
    const task = watchedTask();
    const stranger = { email: 'someone@else.com', name: 'Someone' };
    expect(replyCancels(task, withMessages(message('new-1', null, T0 + HOUR)), T0 + HOUR)).toBeNull();
    expect(replyCancels(task, withMessages(message('new-2', stranger, T0 + HOUR)), T0 + HOUR)).toBeNull();
  });

  it('does not take an older message Gmail had folded away for a reply', () => {
    const older = message('msg-f:1779999999999999999', ana, T0 - 24 * HOUR);
    expect(replyCancels(watchedTask(), withMessages(older), T0 + HOUR)).toBeNull();
  });

  it("leaves done, cancelled, deleted, unwatched and other threads' tasks alone", () => {
    const reply = withMessages(message('msg-f:1780000000000000009', ana, T0 + HOUR));
    const task = watchedTask();
    expect(replyCancels({ ...task, status: 'done', completedAt: T0 }, reply, T0 + HOUR)).toBeNull();
    expect(replyCancels({ ...task, status: 'cancelled' }, reply, T0 + HOUR)).toBeNull();
    expect(replyCancels({ ...task, deletedAt: T0 }, reply, T0 + HOUR)).toBeNull();
    expect(replyCancels({ ...task, watch: null }, reply, T0 + HOUR)).toBeNull();
    expect(replyCancels({ ...task, threadId: 'another' }, reply, T0 + HOUR)).toBeNull();
  });
});
