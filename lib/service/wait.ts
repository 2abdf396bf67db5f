import { normaliseEmail, type WebmailSnapshot } from '../model';
import { messageTime } from '../webmail/message-time';
import { scoreFromReply } from './score';

export interface ThreadWait {
  /** The first message of the thread's first wait, and the rep's first answer to it (null while unanswered). */
  firstInboundAt: number | null;
  firstAnsweredAt: number | null;
  /** The first message nobody has answered yet; null when the rep has the last word. */
  waitingSince: number | null;
  /** The newest message on the page. */
  latestAt: number | null;
}

export type KnownWait = Pick<ThreadWait, 'firstInboundAt' | 'firstAnsweredAt' | 'waitingSince'>;

/**
 * How the thread on screen stands, read as the response times read logged mail (lib/reports/response-times.ts): a
 * message from someone else starts a wait unless one is running; the rep's next message ends it. Unlike those, every
 * sender counts, contact or not: a stranger's complaint is owed an answer too.
 */
export function threadWait(
  thread: NonNullable<WebmailSnapshot['thread']>,
  repAddresses: ReadonlySet<string>,
  timeZone: string,
  now: number,
): ThreadWait {
  const messages = thread.messages
    .filter((message) => message.from !== null)
    .map((message) => ({
      // The worker has already read each time it could (withMessageTimes); a message with none is new.
      at: message.time ?? messageTime(message, timeZone, now).at,
      outbound: repAddresses.has(normaliseEmail(message.from?.email ?? '')),
      // A reply that holds just a score ("5", "★★★★") answers the survey; it asks nothing back.
      score: scoreFromReply(message.tail) !== null,
    }))
    // On a tie the rep's message goes first, as in the response times: a reply cannot precede what it answers.
    .sort((a, b) => a.at - b.at || Number(b.outbound) - Number(a.outbound));
  const wait: ThreadWait = {
    firstInboundAt: null,
    firstAnsweredAt: null,
    waitingSince: null,
    latestAt: messages.at(-1)?.at ?? null,
  };
  for (const message of messages) {
    if (!message.outbound) {
      if (message.score) continue;
      wait.waitingSince ??= message.at;
      wait.firstInboundAt ??= message.at;
    } else if (wait.waitingSince !== null) {
      if (wait.firstAnsweredAt === null) wait.firstAnsweredAt = message.at;
      wait.waitingSince = null;
    }
  }
  return wait;
}

/**
 * What a record learns from the page: Gmail hides the middle of a long thread behind "N older messages", so a page
 * that shows nothing as new as what the record already saw misses messages, and its wait is not taken; a first
 * message or first answer once seen stays.
 */
export function mergeWait(known: KnownWait | null, seen: ThreadWait): KnownWait {
  const fresh = {
    firstInboundAt: seen.firstInboundAt,
    firstAnsweredAt: seen.firstAnsweredAt,
    waitingSince: seen.waitingSince,
  };
  if (!known) return fresh;
  const newestKnown = Math.max(known.firstAnsweredAt ?? 0, known.waitingSince ?? 0);
  const stale = (seen.latestAt ?? 0) < newestKnown;
  const earliest = [known.firstInboundAt, seen.firstInboundAt].filter((at): at is number => at !== null);
  return {
    firstInboundAt: earliest.length > 0 ? Math.min(...earliest) : null,
    firstAnsweredAt: known.firstAnsweredAt ?? seen.firstAnsweredAt,
    waitingSince: stale ? known.waitingSince : seen.waitingSince,
  };
}
