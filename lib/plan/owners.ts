import type { PlanOwner } from '../model';

/**
 * Who holds each part of the plan and each kind of thread. Every change of owner is a record of its own, never
 * edited, so two managers changing owners on two browsers of a team both keep their change, and the history is
 * simply the records in time order. Pure.
 */

/** 'part:training', 'kind:<id>': what an owner is for. */
export function subjectOf(row: Pick<PlanOwner, 'part' | 'kindId'>): string {
  return row.part !== null ? `part:${row.part}` : `kind:${row.kindId}`;
}

const newestFirst = (a: PlanOwner, b: PlanOwner) => b.at - a.at || b.id.localeCompare(a.id);

/** Every change, newest first. */
export function ownerHistory(rows: readonly PlanOwner[]): PlanOwner[] {
  return rows.filter((row) => row.deletedAt === null).sort(newestFirst);
}

/** The newest change per subject: its current owner. */
export function currentOwners(rows: readonly PlanOwner[]): Map<string, PlanOwner> {
  const current = new Map<string, PlanOwner>();
  for (const row of ownerHistory(rows)) {
    const subject = subjectOf(row);
    if (!current.has(subject)) current.set(subject, row);
  }
  return current;
}

/** The owner a subject had just before a change, for "from … to …" in the history; undefined for the first. */
export function previousOwner(rows: readonly PlanOwner[], change: PlanOwner): PlanOwner | undefined {
  const subject = subjectOf(change);
  return ownerHistory(rows).find((row) => subjectOf(row) === subject && newestFirst(change, row) < 0);
}
