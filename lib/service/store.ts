import { StoreError, validate } from '../db/errors';
import { writeRecord } from '../db/record-write';
import { stripRow } from '../db/rows';
import type { CrmDb } from '../db/schema';
import {
  type Activity,
  newRecordBase,
  type ServiceThread,
  serviceThreadSchema,
  type ThreadKind,
  threadKindSchema,
} from '../model';
import type { ThreadFact } from '../model/inbox-seen';

const live = <T extends { deletedAt: number | null }>(row: T): boolean => row.deletedAt === null;

export async function listKinds(db: CrmDb): Promise<ThreadKind[]> {
  return (await db.getAll('threadKinds')).filter(live).sort((a, b) => a.order - b.order);
}

/** Removing a kind is a tombstone: threads and scores keep pointing at it, and the figures still name it. */
export async function saveKind(db: CrmDb, kind: ThreadKind, now: number): Promise<ThreadKind> {
  const next = validate(threadKindSchema, { ...kind, updatedAt: now }, 'Kind');
  if (next.builtIn === null && next.name === '') throw new StoreError('invalid', 'Kind name: is required', 'name');
  await writeRecord(db, 'threadKinds', next);
  return next;
}

/** Removed kinds too: the figures still name threads and scores of a kind since removed. */
async function allKinds(db: CrmDb): Promise<ThreadKind[]> {
  return db.getAll('threadKinds');
}

/** The record of a Gmail thread; a thread has one, the oldest if two browsers of a team each made one. */
export async function threadRecord(db: CrmDb, threadId: string): Promise<ServiceThread | null> {
  const rows = (await db.getAllFromIndex('serviceThreads', 'byThread', threadId)).filter(live);
  return rows.sort((a, b) => a.createdAt - b.createdAt)[0] ?? null;
}

export function newThreadRecord(
  fields: Pick<ServiceThread, 'threadId' | 'accountIndex' | 'subject' | 'ownerRepId'>,
  now: number,
): ServiceThread {
  return {
    ...newRecordBase(now),
    ...fields,
    kindId: null,
    kindBy: null,
    waitingSince: null,
    firstInboundAt: null,
    firstAnsweredAt: null,
    reminderTaskId: null,
  };
}

export async function saveThreadRecord(db: CrmDb, row: ServiceThread, now: number): Promise<ServiceThread> {
  const next = validate(serviceThreadSchema, { ...row, updatedAt: now }, 'Thread');
  await writeRecord(db, 'serviceThreads', next);
  return next;
}

export async function allThreadRecords(db: CrmDb): Promise<ServiceThread[]> {
  return (await db.getAll('serviceThreads')).filter(live);
}

/** Every thread still waiting for an answer: the popup's and the owners' list. */
export async function waitingRecords(db: CrmDb): Promise<ServiceThread[]> {
  return (await allThreadRecords(db)).filter((row) => row.waitingSince !== null);
}

export interface ServiceRecords {
  threads: ServiceThread[];
  kinds: ThreadKind[];
  scores: Activity[];
  /** Logged mail of the threads whose record has no first answer, for lib/reports' responseSamples. */
  threadMail: Activity[];
  /** What the lists and the unread feed showed of those threads, for lib/reports' factSamples. */
  threadFacts: ThreadFact[];
}

/** What the service figures of [from, to) need, read through indexes: scores by time, mail by thread. */
export async function loadServiceRecords(db: CrmDb, range: { from: number; to: number }): Promise<ServiceRecords> {
  const [threads, kinds, inRange] = await Promise.all([
    allThreadRecords(db),
    allKinds(db),
    db.getAllFromIndex('activities', 'byTime', IDBKeyRange.bound(range.from, range.to, false, true)),
  ]);
  const scores = inRange.filter((row) => live(row) && row.type === 'satisfaction').map(stripRow) as Activity[];
  const unanswered = threads.filter((row) => row.firstAnsweredAt === null && row.firstInboundAt !== null);
  const mail = await Promise.all(unanswered.map((row) => db.getAllFromIndex('activities', 'byThread', row.threadId)));
  const threadMail = mail.flat().filter(live).map(stripRow) as Activity[];
  const facts = await Promise.all(unanswered.map((row) => db.get('threadFacts', row.threadId)));
  const threadFacts = facts.filter((fact): fact is ThreadFact => fact !== undefined);
  return { threads, kinds, scores, threadMail, threadFacts };
}
