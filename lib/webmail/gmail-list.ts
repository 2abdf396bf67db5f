import type { InboxSeen, ListRow } from '../model/inbox-seen';
import { readAccountIndex } from './gmail';
import { attr, cut, fromElement } from './gmail-read';
import * as GMAIL from './gmail-selectors';

/**
 * Replies seen without opening the thread: the rows of the inbox and label lists as they show, and Gmail's unread
 * feed. The page only copies what is there (ids, addresses, the date cell's text, the feed's text); the worker reads
 * times and XML and decides (lib/worker/inbox-facts.ts), so this part of the content script stays small.
 */

/** Rows read at most; Gmail shows 50 a page by default, 100 at most. */
const MAX_ROWS = 100;
/** Gmail's unread feed lists 20 entries; a page answering with much more is not that feed. */
export const MAX_FEED = 200_000;
/** At most one feed fetch a minute, and only while Gmail is on screen. */
const FEED_EVERY_MS = 60_000;

/** Every conversation row of the lists in the page (Gmail keeps a list it has hidden up to date as well). */
export function readGmailRows(doc: Document): ListRow[] {
  const rows: ListRow[] = [];
  for (const row of doc.querySelectorAll(`${GMAIL.main} ${GMAIL.listRow}`)) {
    const ids = row.querySelector(GMAIL.rowIds);
    const thread = attr(ids, 'data-legacy-thread-id');
    if (!thread || rows.length >= MAX_ROWS) continue;
    rows.push({
      thread: cut(thread, 100),
      last: cut(attr(ids, 'data-legacy-last-message-id'), 100),
      date: cut(attr(row.querySelector(GMAIL.rowDate), 'title'), 200),
      senders: [...row.querySelectorAll(GMAIL.rowSenders)].slice(-20).flatMap((el) => fromElement(el) ?? []),
    });
  }
  return rows;
}

/**
 * Sends the worker what the lists and the feed show: now, when `check` is called (a list came on screen), and every
 * minute while the page is visible; nothing when it is the same as last sent. The feed is fetched on Gmail's own
 * origin with the rep's session, as Gmail's own notifier pages do, so no permission is needed; any failure is no feed.
 */
export function watchGmailLists(win: Window, send: (seen: InboxSeen) => void, signal: AbortSignal): () => void {
  const doc = win.document;
  let fetchedAt = -FEED_EVERY_MS;
  let feed = '';
  // Every list snapshot calls check: the rows are compared as text, the feed (up to 200 KB) by what was last sent.
  let sentRows = '';
  let sentFeed = '';
  const check = async () => {
    if (doc.hidden || signal.aborted) return;
    if (Date.now() - fetchedAt >= FEED_EVERY_MS) {
      fetchedAt = Date.now();
      feed = await fetch(`/mail/u/${readAccountIndex(win.location.pathname)}/feed/atom`, { credentials: 'include' })
        .then((answer) => (answer.ok ? answer.text() : ''))
        .then((text) => cut(text, MAX_FEED))
        .catch(() => '');
    }
    const rows = readGmailRows(doc);
    const rowsKey = JSON.stringify(rows);
    if ((rowsKey !== sentRows || feed !== sentFeed) && !signal.aborted) send({ rows, feed });
    sentRows = rowsKey;
    sentFeed = feed;
  };
  const timer = win.setInterval(check, FEED_EVERY_MS);
  signal.addEventListener('abort', () => win.clearInterval(timer));
  doc.addEventListener('visibilitychange', check, { signal });
  void check();
  return check;
}
