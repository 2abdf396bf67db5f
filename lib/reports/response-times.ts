/**
 * How fast reps answer contacts, from logged email activities.
 *
 * A thread is read in time order. An inbound email from a contact starts a wait unless one is already running, so
 * three messages sent before a reply count once, from the first unanswered one (the contact has waited since then).
 * The rep's next outbound email in the thread ends the wait and yields one sample; outbound emails with no wait
 * running (the rep writing first, or following up) yield none. Inbound mail with no contact (a colleague, a
 * mailing list) neither starts nor ends a wait.
 *
 * Threads with no logged mail are measured the same way from their thread facts (lib/worker/inbox-facts.ts): what
 * the lists, the unread feed and opened threads showed of them, people who are not contacts included.
 */
import type { Activity } from '../model/activity';
import type { ThreadFact } from '../model/inbox-seen';
import { percentile } from '../stats/percentile';
import { type PeriodKind, periodKey, periodsBetween } from '../time/periods';

export interface ResponseSample {
  threadId: string;
  /** Null for a thread known only from its thread facts. */
  contactId: string | null;
  /** The inbound message that started the wait. */
  inboundId: string;
  /** The outbound message that ended it; the rep who sent it is the rep who answered. */
  replyId: string;
  inboundAt: number;
  repliedAt: number;
  ms: number;
  repId: string | null;
  repAddress: string | null;
}

function emailThreads(activities: readonly Activity[], until = Number.POSITIVE_INFINITY): Map<string, Activity[]> {
  const threads = new Map<string, Activity[]>();
  for (const activity of activities) {
    if (activity.deletedAt !== null || activity.type !== 'email') continue;
    if (activity.threadId === null || activity.direction === null || activity.occurredAt > until) continue;
    const thread = threads.get(activity.threadId) ?? [];
    thread.push(activity);
    threads.set(activity.threadId, thread);
  }
  for (const thread of threads.values()) {
    // On a tie the outbound goes first: a reply cannot be sent in the same instant as the message it answers, so
    // the inbound is the later one (Gmail's clock has one-second steps).
    thread.sort(
      (a, b) =>
        a.occurredAt - b.occurredAt ||
        (a.direction === b.direction ? 0 : a.direction === 'outbound' ? -1 : 1) ||
        a.id.localeCompare(b.id),
    );
  }
  return threads;
}

interface Wait {
  first: Activity & { contactId: string };
  last: Activity;
  messages: number;
}

/** Walks one sorted thread; returns its samples and the wait still running at the end, if any. */
function walkThread(threadId: string, thread: readonly Activity[]): { samples: ResponseSample[]; open: Wait | null } {
  const samples: ResponseSample[] = [];
  let wait: Wait | null = null;
  for (const message of thread) {
    if (message.direction === 'inbound') {
      if (message.contactId === null) continue;
      if (wait) {
        wait.last = message;
        wait.messages += 1;
      } else {
        wait = { first: { ...message, contactId: message.contactId }, last: message, messages: 1 };
      }
    } else if (wait) {
      samples.push({
        threadId,
        contactId: wait.first.contactId,
        inboundId: wait.first.id,
        replyId: message.id,
        inboundAt: wait.first.occurredAt,
        repliedAt: message.occurredAt,
        ms: message.occurredAt - wait.first.occurredAt,
        repId: message.repId,
        repAddress: message.repAddress,
      });
      wait = null;
    }
  }
  return { samples, open: wait };
}

/** Every answered wait in every thread, in reply order. */
export function responseSamples(activities: readonly Activity[]): ResponseSample[] {
  const samples: ResponseSample[] = [];
  for (const [threadId, thread] of emailThreads(activities)) samples.push(...walkThread(threadId, thread).samples);
  return samples.sort((a, b) => a.repliedAt - b.repliedAt || a.replyId.localeCompare(b.replyId));
}

/** Samples of the threads known only from their facts: those with logged mail are measured from that. */
export function factSamples(facts: readonly ThreadFact[], activities: readonly Activity[]): ResponseSample[] {
  const logged = new Set(activities.flatMap((a) => (a.type === 'email' && a.threadId !== null ? [a.threadId] : [])));
  const samples: ResponseSample[] = [];
  for (const fact of facts) {
    if (logged.has(fact.threadId)) continue;
    let wait: ThreadFact['events'][number] | null = null;
    for (const event of fact.events) {
      if (event.direction === 'inbound') wait ??= event;
      else if (wait) {
        samples.push({
          threadId: fact.threadId,
          contactId: null,
          inboundId: wait.messageId,
          replyId: event.messageId,
          inboundAt: wait.at,
          repliedAt: event.at,
          ms: event.at - wait.at,
          repId: fact.repId,
          repAddress: fact.repAddress,
        });
        wait = null;
      }
    }
  }
  return samples;
}

export interface ResponseStats {
  count: number;
  /** Null when there is no sample. Percentiles by linear interpolation, see `percentile` in figures.ts. */
  medianMs: number | null;
  p90Ms: number | null;
}

export interface ResponseTimeFilter {
  from: number;
  /** Exclusive. */
  to: number;
  /** The answering rep; null or absent for every rep. */
  repId?: string | null;
  timeZone: string;
  /** Size of the per-period buckets; a week when absent. */
  bucket?: PeriodKind;
  weekStartsOn?: number;
}

export interface RepResponseStats extends ResponseStats {
  /** Replies are grouped by repId; replies logged with no repId are grouped by repAddress instead. */
  repId: string | null;
  repAddress: string | null;
}

export interface PeriodResponseStats extends ResponseStats {
  key: string;
  start: number;
  end: number;
}

export interface ResponseTimeReport {
  overall: ResponseStats;
  byRep: RepResponseStats[];
  byPeriod: PeriodResponseStats[];
}

export function statsOf(values: readonly number[]): ResponseStats {
  const sorted = [...values].sort((a, b) => a - b);
  // Interpolation leaves float dust (64800000.000000015); a whole millisecond is precision enough.
  const at = (p: number) => {
    const value = percentile(sorted, p);
    return value === null ? null : Math.round(value);
  };
  return { count: sorted.length, medianMs: at(50), p90Ms: at(90) };
}

/**
 * Response times for replies sent in [from, to). A sample belongs to the period of its reply, not of the inbound
 * message: that way a period's figure is final once the period is over (a report sent on the 1st does not change
 * later), and waits not yet answered are not silently left out as fast ones; they show in `waitingThreads`.
 */
export function responseTimeStats(
  activities: readonly Activity[],
  filter: ResponseTimeFilter,
  facts: readonly ThreadFact[] = [],
): ResponseTimeReport {
  const samples = [...responseSamples(activities), ...factSamples(facts, activities)].filter(
    (sample) =>
      sample.repliedAt >= filter.from &&
      sample.repliedAt < filter.to &&
      (filter.repId === undefined || filter.repId === null || sample.repId === filter.repId),
  );

  const byRep = new Map<string, { repId: string | null; repAddress: string | null; values: number[] }>();
  for (const sample of samples) {
    const key = sample.repId !== null ? `id:${sample.repId}` : `address:${sample.repAddress ?? ''}`;
    const entry = byRep.get(key) ?? { repId: sample.repId, repAddress: sample.repAddress, values: [] };
    entry.values.push(sample.ms);
    byRep.set(key, entry);
  }

  const bucket = filter.bucket ?? 'week';
  const weekStartsOn = filter.weekStartsOn ?? 1;
  const byPeriod = periodsBetween(bucket, filter.from, filter.to, filter.timeZone, weekStartsOn).map(
    (period): PeriodResponseStats => ({
      key: periodKey(bucket, period.start, filter.timeZone, weekStartsOn),
      ...period,
      ...statsOf(samples.filter((s) => s.repliedAt >= period.start && s.repliedAt < period.end).map((s) => s.ms)),
    }),
  );

  return {
    overall: statsOf(samples.map((sample) => sample.ms)),
    byRep: [...byRep.values()]
      .map(({ values, ...rep }) => ({ ...rep, ...statsOf(values) }))
      .sort(
        (a, b) => b.count - a.count || (a.repId ?? a.repAddress ?? '').localeCompare(b.repId ?? b.repAddress ?? ''),
      ),
    byPeriod,
  };
}

export interface WaitingThread {
  threadId: string;
  contactId: string;
  /** The rep whose mailbox logged the first unanswered message: the one expected to answer. */
  repId: string | null;
  /** N of the /mail/u/N/ that message was seen in (else the latest message of the thread seen in one); null if none. */
  accountIndex: number | null;
  /** When the first unanswered message arrived. */
  since: number;
  waitingMs: number;
  /** Unanswered messages from contacts since then. */
  messages: number;
  lastInboundAt: number;
}

/**
 * Threads whose last word is a contact's, with no reply after it, oldest wait first. Messages logged after `now`
 * are ignored, so the answer is the same whenever it is computed for that `now`.
 */
export function waitingThreads(activities: readonly Activity[], now: number): WaitingThread[] {
  const waiting: WaitingThread[] = [];
  for (const [threadId, thread] of emailThreads(activities, now)) {
    const { open } = walkThread(threadId, thread);
    if (!open) continue;
    waiting.push({
      threadId,
      contactId: open.first.contactId,
      repId: open.first.repId,
      accountIndex: open.first.accountIndex ?? thread.findLast((m) => m.accountIndex !== null)?.accountIndex ?? null,
      since: open.first.occurredAt,
      waitingMs: now - open.first.occurredAt,
      messages: open.messages,
      lastInboundAt: open.last.occurredAt,
    });
  }
  return waiting.sort((a, b) => a.since - b.since || a.threadId.localeCompare(b.threadId));
}
