import { z } from 'zod';
import { epochMs } from './common';
import { snapshotPerson } from './snapshot';

/**
 * What the content script sees of replies without a thread being opened (lib/webmail/gmail-list.ts): the list rows
 * as they show, and the text of Gmail's unread feed, which the worker reads. Page data: parsed with these schemas,
 * bounded, kept as text.
 */
const text = (max: number) => z.string().max(max);

export const listRow = z.object({
  /** The conversation's legacy hex id, as in a thread's `data-legacy-thread-id`. */
  thread: text(100),
  /** The newest message's legacy hex id; empty when the row does not carry it. */
  last: text(100),
  /** The date cell's full date, in the account's language and time zone. */
  date: text(200),
  /** The row's senders in the order they wrote, the newest last. */
  senders: z.array(snapshotPerson).max(20),
});
export type ListRow = z.infer<typeof listRow>;

export const inboxSeen = z.object({
  rows: z.array(listRow).max(100),
  /** The unread feed's text as Gmail answered it; empty when there was none or it failed. */
  feed: text(200_000),
});
export type InboxSeen = z.infer<typeof inboxSeen>;

/**
 * One message of a thread as far as replies and response times need it, wherever it was seen (a list row, the
 * feed, an opened thread): no subject, no body.
 */
export const threadFactEvent = z.object({
  /** The message's id when known (legacy hex or `msg-f:…`), else empty. */
  messageId: text(200),
  at: epochMs,
  /** Normalised address of the sender. */
  from: text(254),
  direction: z.enum(['inbound', 'outbound']),
});
export type ThreadFactEvent = z.infer<typeof threadFactEvent>;

/**
 * What is known of one thread's messages without logging it on a contact: kept for threads with people who are not
 * contacts (and contacts' threads never opened), so replies and response times count them. Never kept for a private
 * thread or a never-log domain's sender.
 */
export const threadFactSchema = z.object({
  threadId: text(100),
  accountIndex: z.number().int().min(0).max(99),
  /** The signed-in account the thread was seen in (normalised), when known, and the rep it belongs to. */
  repAddress: text(254).nullable(),
  repId: z.uuid().nullable(),
  /** Oldest first; the newest are kept when there are more. */
  events: z.array(threadFactEvent).max(100),
  updatedAt: epochMs,
});
export type ThreadFact = z.infer<typeof threadFactSchema>;
