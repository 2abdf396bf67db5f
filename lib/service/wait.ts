import { normaliseEmail, type WebmailSnapshot } from '../model';
import { messageTime } from '../webmail/message-time';
import { scoreFromReply } from './score';

export interface ThreadWait {
  /** The first message of the thread's first wait, and the rep's first answer to it (null while unanswered). */
  firstInboundAt: number | null;
  firstAnsweredAt: number | null;
  /** The first message nobody has answered yet; null when the rep has the last word. */
  waitingSince: number | null;
}

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
  const wait: ThreadWait = { firstInboundAt: null, firstAnsweredAt: null, waitingSince: null };
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
