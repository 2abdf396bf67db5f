import type { Activity, ServiceThread, ThreadKind } from '../model';
import { percentile } from '../stats/percentile';
import { type PeriodKind, periodKey, periodsBetween } from '../time/periods';
import { deadlineOf, type PolicySettings } from './policy';
import { minutesToMs, workingMsBetween } from './working-time';

/**
 * The policy's results, per kind, rep and period: how many threads came in, how fast the first answer went out
 * (counted in working hours, as the targets are), how many were answered within target, which wait past it now, and
 * what customers scored. Pure: the dashboard and the scheduled reports pass what they read.
 */

/** A first answer as lib/reports/response-times.ts measures it from logged mail (its ResponseSample fits). */
export interface LoggedAnswer {
  threadId: string;
  inboundAt: number;
  repliedAt: number;
}

export interface ServiceFilter {
  from: number;
  /** Exclusive. */
  to: number;
  /** The owner of the threads and the rep of the scores; null or absent for everyone. */
  repId?: string | null;
  kindId?: string | null;
}

export interface ServiceInput {
  threads: readonly ServiceThread[];
  kinds: readonly ThreadKind[];
  /** Satisfaction activities; others are ignored. */
  scores: readonly Activity[];
  /** First answers from logged mail, for threads whose own record has none (the rep never reopened them). */
  answers?: readonly LoggedAnswer[];
  settings: PolicySettings;
  now: number;
}

export interface ResponseRow {
  received: number;
  answered: number;
  medianMs: number | null;
  p90Ms: number | null;
  /** Answered within target ÷ (answered + over target unanswered), of the threads with a target; null if none. */
  withinTarget: number | null;
  overTarget: number;
}

export interface ScoreRow {
  count: number;
  average: number | null;
  /** Share of scores of 4 or 5; null with no score. */
  goodShare: number | null;
}

export interface OverTarget {
  threadId: string;
  accountIndex: number | null;
  subject: string;
  kindId: string | null;
  ownerRepId: string | null;
  waitingSince: number;
  dueAt: number;
}

export interface Holding {
  ownerRepId: string | null;
  waiting: number;
  overTarget: number;
}

export interface ServiceFigures {
  overall: ResponseRow;
  byKind: Array<ResponseRow & ScoreRow & { kindId: string | null }>;
  byRep: Array<ResponseRow & ScoreRow & { repId: string | null }>;
  byPeriod: Array<ResponseRow & ScoreRow & { key: string; start: number; end: number }>;
  satisfaction: ScoreRow;
  /** As of now, whatever the period: what needs answering first. */
  overTarget: OverTarget[];
  holders: Holding[];
}

/** The response-time figures' percentile, in whole milliseconds. */
function quantile(sorted: readonly number[], share: number): number | null {
  const value = percentile(sorted, share * 100);
  return value === null ? null : Math.round(value);
}

interface Measured {
  thread: ServiceThread;
  kind: ThreadKind | null;
  /** Working ms to the first answer; null while unanswered. */
  answerMs: number | null;
  verdict: 'within' | 'late' | 'over-now' | null;
}

function measure(input: ServiceInput, kinds: Map<string, ThreadKind>): Measured[] {
  const logged = new Map<string, LoggedAnswer>();
  for (const answer of input.answers ?? []) {
    const seen = logged.get(answer.threadId);
    if (!seen || answer.inboundAt < seen.inboundAt) logged.set(answer.threadId, answer);
  }
  return input.threads
    .filter((thread) => thread.deletedAt === null && thread.firstInboundAt !== null)
    .map((thread) => {
      const kind = thread.kindId ? (kinds.get(thread.kindId) ?? null) : null;
      const fallback = logged.get(thread.threadId);
      const inboundAt = thread.firstInboundAt ?? 0;
      const answeredAt = thread.firstAnsweredAt ?? fallback?.repliedAt ?? null;
      const answerMs = answeredAt === null ? null : workingMsBetween(inboundAt, answeredAt, input.settings);
      let verdict: Measured['verdict'] = null;
      if (kind?.targetMinutes != null) {
        if (answerMs !== null) verdict = answerMs <= minutesToMs(kind.targetMinutes) ? 'within' : 'late';
        else if (deadlineOf(thread, kind, input.settings, input.now)?.state === 'over') verdict = 'over-now';
      }
      return { thread, kind, answerMs, verdict };
    });
}

function responseRow(rows: readonly Measured[]): ResponseRow {
  const times = rows
    .map((row) => row.answerMs)
    .filter((ms): ms is number => ms !== null)
    .sort((a, b) => a - b);
  const within = rows.filter((row) => row.verdict === 'within').length;
  const decided = rows.filter((row) => row.verdict !== null).length;
  return {
    received: rows.length,
    answered: times.length,
    medianMs: quantile(times, 0.5),
    p90Ms: quantile(times, 0.9),
    withinTarget: decided === 0 ? null : within / decided,
    overTarget: rows.filter((row) => row.verdict === 'over-now').length,
  };
}

function scoreRow(scores: readonly Activity[]): ScoreRow {
  const values = scores.map((score) => score.score ?? 0);
  const sum = values.reduce((total, value) => total + value, 0);
  return {
    count: values.length,
    average: values.length === 0 ? null : sum / values.length,
    goodShare: values.length === 0 ? null : values.filter((value) => value >= 4).length / values.length,
  };
}

/** Groups rows and scores by a key, keeping every key either has. */
function grouped<K>(
  measured: readonly Measured[],
  scores: readonly Activity[],
  keyOfThread: (row: Measured) => K,
  keyOfScore: (score: Activity) => K,
): Array<{ key: K; rows: Measured[]; scores: Activity[] }> {
  const groups = new Map<K, { key: K; rows: Measured[]; scores: Activity[] }>();
  const entry = (key: K) => {
    let found = groups.get(key);
    if (!found) {
      found = { key, rows: [], scores: [] };
      groups.set(key, found);
    }
    return found;
  };
  for (const row of measured) entry(keyOfThread(row)).rows.push(row);
  for (const score of scores) entry(keyOfScore(score)).scores.push(score);
  return [...groups.values()];
}

export function serviceFigures(
  input: ServiceInput,
  filter: ServiceFilter,
  bucket: PeriodKind = 'week',
  weekStartsOn = 1,
): ServiceFigures {
  const kinds = new Map(input.kinds.map((kind) => [kind.id, kind]));
  const rep = filter.repId ?? null;
  const kindId = filter.kindId ?? null;
  const scoped = measure(input, kinds).filter(
    (row) => (rep === null || row.thread.ownerRepId === rep) && (kindId === null || row.thread.kindId === kindId),
  );
  const inRange = (at: number) => at >= filter.from && at < filter.to;
  const measured = scoped.filter((row) => inRange(row.thread.firstInboundAt ?? 0));
  const scores = input.scores.filter(
    (score) =>
      score.deletedAt === null &&
      score.type === 'satisfaction' &&
      score.score !== null &&
      inRange(score.occurredAt) &&
      (rep === null || score.repId === rep) &&
      (kindId === null || score.threadKindId === kindId),
  );
  const order = (id: string | null) => (id ? (kinds.get(id)?.order ?? 999) : 1000);
  const { timeZone } = input.settings;

  const rowsBy = (thread: (row: Measured) => string | null, score: (score: Activity) => string | null) =>
    grouped(measured, scores, thread, score).map(({ key, rows, scores: own }) => ({
      key,
      ...responseRow(rows),
      ...scoreRow(own),
    }));

  const overTarget = scoped
    .filter((row) => row.verdict === 'over-now' && row.thread.waitingSince !== null)
    .map((row): OverTarget => {
      const { thread } = row;
      const deadline = deadlineOf(thread, row.kind, input.settings, input.now);
      return {
        threadId: thread.threadId,
        accountIndex: thread.accountIndex,
        subject: thread.subject,
        kindId: thread.kindId,
        ownerRepId: thread.ownerRepId,
        waitingSince: thread.waitingSince ?? 0,
        dueAt: deadline?.dueAt ?? 0,
      };
    })
    .sort((a, b) => a.waitingSince - b.waitingSince || a.threadId.localeCompare(b.threadId));

  const holders = grouped(
    scoped.filter((row) => row.thread.waitingSince !== null),
    [],
    (row) => row.thread.ownerRepId,
    () => null,
  )
    .map(({ key, rows }) => ({
      ownerRepId: key,
      waiting: rows.length,
      overTarget: rows.filter((row) => row.verdict === 'over-now').length,
    }))
    .sort((a, b) => b.waiting - a.waiting);

  return {
    overall: responseRow(measured),
    byKind: rowsBy(
      (row) => row.thread.kindId,
      (score) => score.threadKindId,
    )
      .map(({ key, ...row }) => ({ kindId: key, ...row }))
      .sort((a, b) => order(a.kindId) - order(b.kindId)),
    byRep: rowsBy(
      (row) => row.thread.ownerRepId,
      (score) => score.repId,
    )
      .map(({ key, ...row }) => ({ repId: key, ...row }))
      .sort((a, b) => b.received - a.received || b.count - a.count),
    byPeriod: periodsBetween(bucket, filter.from, filter.to, timeZone, weekStartsOn).map((period) => {
      const within = (at: number) => at >= period.start && at < period.end;
      return {
        key: periodKey(bucket, period.start, timeZone, weekStartsOn),
        ...period,
        ...responseRow(measured.filter((row) => within(row.thread.firstInboundAt ?? 0))),
        ...scoreRow(scores.filter((score) => within(score.occurredAt))),
      };
    }),
    satisfaction: scoreRow(scores),
    overTarget,
    holders,
  };
}
