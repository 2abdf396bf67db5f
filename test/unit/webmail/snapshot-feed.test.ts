import { describe, expect, it } from 'vitest';
import { createSnapshotFeed, publishedSnapshot } from '../../../lib/content/snapshot-feed';
import type { WebmailSnapshot } from '../../../lib/model/snapshot';
import { rpcRequest } from '../../../lib/rpc/wire';

const EXTENSION = 'abcdefghijklmnopabcdefghijklmnop';

function snapshot(threadId: string, ...emails: string[]): WebmailSnapshot {
  return {
    provider: 'gmail',
    account: 'rep@example.com',
    accountIndex: 0,
    view: 'thread',
    thread: { id: threadId, permId: null, subject: `Thread ${threadId}`, messages: [] },
    participants: emails.map((email) => ({ email, name: email.split('@')[0] ?? '', roles: ['from'] })),
    composes: [],
    problem: null,
  };
}

const fromGmail = { id: EXTENSION, url: 'https://mail.google.com/mail/u/0/#inbox/abc', frameId: 0, tab: { id: 7 } };

describe('publishedSnapshot', () => {
  const message = rpcRequest('snapshot.publish', snapshot('t1', 'dara@example.com'));

  it('takes a snapshot the top frame of a Gmail tab published', () => {
    expect(publishedSnapshot(message, fromGmail, EXTENSION)).toEqual({
      tabId: 7,
      snapshot: snapshot('t1', 'dara@example.com'),
    });
  });

  it('ignores other extensions, other origins, subframes, non-tabs and other methods', () => {
    expect(publishedSnapshot(message, { ...fromGmail, id: 'another' }, EXTENSION)).toBeNull();
    expect(
      publishedSnapshot(message, { ...fromGmail, url: 'https://mail.google.com.evil.test/' }, EXTENSION),
    ).toBeNull();
    expect(publishedSnapshot(message, { ...fromGmail, url: 'https://example.com/' }, EXTENSION)).toBeNull();
    expect(publishedSnapshot(message, { ...fromGmail, frameId: 3 }, EXTENSION)).toBeNull();
    expect(publishedSnapshot(message, { ...fromGmail, tab: undefined }, EXTENSION)).toBeNull();
    expect(publishedSnapshot(rpcRequest('contact.create', {}), fromGmail, EXTENSION)).toBeNull();
    expect(publishedSnapshot({ kind: 'sidecar-event', type: 'snapshot' }, fromGmail, EXTENSION)).toBeNull();
    expect(publishedSnapshot(null, fromGmail, EXTENSION)).toBeNull();
  });

  it('refuses a snapshot of the wrong shape or past the bounds the worker enforces', () => {
    expect(publishedSnapshot(rpcRequest('snapshot.publish', { provider: 'gmail' }), fromGmail, EXTENSION)).toBeNull();
    const huge = snapshot('t1');
    huge.participants = Array.from({ length: 501 }, (_, i) => ({ email: `p${i}@example.com`, name: '', roles: [] }));
    expect(publishedSnapshot(rpcRequest('snapshot.publish', huge), fromGmail, EXTENSION)).toBeNull();
  });
});

describe('createSnapshotFeed', () => {
  const A = snapshot('a', 'a@example.com');
  const B = snapshot('b', 'b@example.com');
  const C = snapshot('c', 'c@example.com');

  function feedShowing() {
    const shown: (string | null)[] = [];
    const feed = createSnapshotFeed((s) => shown.push(s?.thread?.id ?? null));
    return { feed, shown };
  }

  it('shows the answer to snapshot.current, then what the content script publishes', () => {
    const { feed, shown } = feedShowing();
    feed.ask()(7, A);
    feed.fromContentScript(7, B);
    expect(shown).toEqual(['a', 'b']);
    expect(feed.tabId).toBe(7);
  });

  it('ignores the worker repeating publishes once the content script has been heard, even when late', () => {
    const { feed, shown } = feedShowing();
    feed.ask()(7, A);
    feed.fromContentScript(7, B);
    feed.fromContentScript(7, C);
    feed.fromWorker(7, B);
    feed.fromWorker(7, C);
    expect(shown).toEqual(['a', 'b', 'c']);
  });

  it('ignores the content script messages once its port delivers, since they repeat the port later', () => {
    const { feed, shown } = feedShowing();
    feed.ask()(7, A);
    feed.fromContentScript(7, B, 'message');
    feed.fromContentScript(7, C, 'link');
    feed.fromContentScript(7, B, 'message');
    feed.fromWorker(7, B);
    expect(shown).toEqual(['a', 'b', 'c']);
  });

  it('falls back on the worker while nothing came from the content script directly', () => {
    const { feed, shown } = feedShowing();
    feed.ask()(7, A);
    feed.fromWorker(7, B);
    feed.fromWorker(8, C);
    expect(shown).toEqual(['a', 'b']);
  });

  it('keeps only its own tab', () => {
    const { feed, shown } = feedShowing();
    feed.ask()(7, A);
    feed.fromContentScript(8, B);
    expect(shown).toEqual(['a']);
  });

  it('keeps a publish heard before the sidebar knew its tab, and prefers it to an older answer', () => {
    const { feed, shown } = feedShowing();
    const answer = feed.ask();
    feed.fromContentScript(8, C);
    feed.fromContentScript(7, B);
    answer(7, A);
    expect(shown).toEqual(['b']);
    feed.fromWorker(7, B);
    expect(shown).toEqual(['b']);
  });

  it('drops an answer overtaken by a newer snapshot while it was on its way', () => {
    const { feed, shown } = feedShowing();
    feed.ask()(7, A);
    const answer = feed.ask();
    feed.fromContentScript(7, B);
    answer(7, A);
    expect(shown).toEqual(['a', 'b']);
  });

  it('shows an answer with no tab (the sidebar opened outside one) as it is', () => {
    const { feed, shown } = feedShowing();
    feed.ask()(null, null);
    feed.fromContentScript(7, B);
    expect(shown).toEqual([null]);
  });
});
