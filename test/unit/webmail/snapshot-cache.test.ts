import { SnapshotCache } from '@/lib/webmail/snapshot-cache';
import { threadSnapshot } from '../rpc/fake-worker';

/** A cache over a session-storage stand-in that outlives it, as session storage outlives a stopped worker. */
function sessionStore(initial: Record<string, unknown> = {}) {
  let kept: Record<string, unknown> = structuredClone(initial);
  const open = () =>
    new SnapshotCache({
      load: async () => structuredClone(kept),
      save: async (all) => {
        kept = structuredClone(all);
      },
    });
  return { open };
}

describe('SnapshotCache', () => {
  it('keeps since when each tab shows its thread, and whether it was released, across a worker restart', async () => {
    const session = sessionStore();
    const cache = session.open();
    await cache.set(7, threadSnapshot(), 1_000);
    await cache.set(7, threadSnapshot(), 2_000);
    await cache.set(8, threadSnapshot('thread-2'), 1_500);
    expect(await cache.release(7, 'thread-2')).toBe(false);
    expect(await cache.release(7, 'thread-1')).toBe(true);

    const restarted = session.open();
    expect(await restarted.get(7)).toEqual(threadSnapshot());
    expect(await restarted.shownThread(7)).toEqual({ threadId: 'thread-1', since: 1_000, released: true });
    expect(await restarted.shownThread(8)).toEqual({ threadId: 'thread-2', since: 1_500, released: false });

    // Another thread in the tab starts afresh; a view with no thread has none.
    await restarted.set(7, threadSnapshot('thread-3'), 9_000);
    expect(await restarted.shownThread(7)).toEqual({ threadId: 'thread-3', since: 9_000, released: false });
    await restarted.set(7, { ...threadSnapshot(), view: 'list', thread: null }, 9_500);
    expect(await restarted.shownThread(7)).toBeNull();
  });

  it('ignores what an older build kept in the session', async () => {
    const cache = sessionStore({ 7: threadSnapshot() }).open();
    expect(await cache.get(7)).toBeNull();
    expect(await cache.shownThread(7)).toBeNull();
  });
});
