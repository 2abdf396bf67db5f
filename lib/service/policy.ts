import type { ServiceThread, Settings, ThreadKind } from '../model';
import { addWorkingMs, minutesToMs } from './working-time';

export type PolicySettings = Pick<Settings, 'timeZone' | 'workingHours'>;

/** A thread nears its target in the last quarter of its working time. */
const NEARING_SHARE = 0.75;

export interface Deadline {
  threadId: string;
  /** When the first answer is due, counted in working hours from the first unanswered message. */
  dueAt: number;
  /** From then on the thread is "nearing" its target; a complaint's owner is told then. */
  nearingAt: number;
  state: 'due' | 'nearing' | 'over';
  /** Until dueAt (due, nearing) or since it (over), in plain milliseconds. */
  ms: number;
}

/** The deadline of a waiting thread under its kind's target; null when it waits for nothing or has no target. */
export function deadlineOf(
  thread: Pick<ServiceThread, 'threadId' | 'waitingSince'>,
  kind: Pick<ThreadKind, 'targetMinutes'> | null,
  settings: PolicySettings,
  now: number,
): Deadline | null {
  if (thread.waitingSince === null || !kind || kind.targetMinutes === null) return null;
  const target = minutesToMs(kind.targetMinutes);
  const dueAt = addWorkingMs(thread.waitingSince, target, settings);
  const nearingAt = addWorkingMs(thread.waitingSince, target * NEARING_SHARE, settings);
  if (dueAt === null || nearingAt === null) return null;
  const state = now >= dueAt ? 'over' : now >= nearingAt ? 'nearing' : 'due';
  return { threadId: thread.threadId, dueAt, nearingAt, state, ms: Math.abs(dueAt - now) };
}
