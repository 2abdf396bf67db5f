import { commit, StoreError, validate } from '../db/errors';
import { putRecord, recordTx, writeRecord } from '../db/record-write';
import type { CrmDb } from '../db/schema';
import {
  newRecordBase,
  PLAN_ID,
  type Plan,
  type PlanBudgetLine,
  type PlanOwner,
  type PlanStep,
  type PlanTarget,
  planBudgetLineSchema,
  planOwnerSchema,
  planSchema,
  planTargetSchema,
  seedPlan,
} from '../model';

/**
 * The plan's records, all shared with the team: every write goes through writeRecord, so it queues for the team
 * while this browser is joined. Removing a line or a target is a tombstone; changes of owner are only ever added.
 */

export interface PlanRecords {
  plan: Plan;
  budgetLines: PlanBudgetLine[];
  owners: PlanOwner[];
  targets: PlanTarget[];
}

export async function readPlan(db: CrmDb): Promise<PlanRecords> {
  const tx = db.transaction(['plans', 'planBudgetLines', 'planOwners', 'planTargets']);
  const [plan, budgetLines, owners, targets] = await Promise.all([
    tx.objectStore('plans').get(PLAN_ID),
    tx.objectStore('planBudgetLines').getAll(),
    tx.objectStore('planOwners').getAll(),
    tx.objectStore('planTargets').getAll(),
  ]);
  return { plan: plan ?? seedPlan(), budgetLines, owners, targets };
}

/**
 * Writes the steps' text the rep changed, read and written in one transaction: the other steps keep what was last
 * written, here or by a teammate.
 */
export async function savePlanNotes(db: CrmDb, notes: Partial<Record<PlanStep, string>>, now: number): Promise<Plan> {
  const tx = recordTx(db, 'plans');
  return commit(tx, async () => {
    const stored = (await tx.objectStore('plans').get(PLAN_ID)) ?? seedPlan();
    const next = validate(planSchema, { ...stored, ...notes, updatedAt: now }, 'Plan');
    await putRecord(tx, 'plans', next, 'put', now);
    return next;
  });
}

export async function saveBudgetLine(db: CrmDb, line: PlanBudgetLine, now: number): Promise<PlanBudgetLine> {
  const next = validate(planBudgetLineSchema, { ...line, updatedAt: now }, 'Budget line');
  await writeRecord(db, 'planBudgetLines', next);
  return next;
}

/**
 * Changes some fields of a line, read and written in one transaction: two quick edits of one line (its label, then
 * its currency) each keep the other's, and a teammate's edit of another field is not written back over.
 */
export async function updateBudgetLine(
  db: CrmDb,
  id: string,
  patch: Partial<Omit<PlanBudgetLine, 'id' | 'createdAt' | 'updatedAt'>>,
  now: number,
): Promise<PlanBudgetLine> {
  const tx = recordTx(db, 'planBudgetLines');
  return commit(tx, async () => {
    const stored = await tx.objectStore('planBudgetLines').get(id);
    if (!stored) throw new StoreError('not-found', 'Budget line not found');
    const next = validate(planBudgetLineSchema, { ...stored, ...patch, updatedAt: now }, 'Budget line');
    await putRecord(tx, 'planBudgetLines', next, 'put', now);
    return next;
  });
}

export async function saveTarget(db: CrmDb, target: PlanTarget, now: number): Promise<PlanTarget> {
  const next = validate(planTargetSchema, { ...target, updatedAt: now }, 'Target');
  if (next.measure !== 'satisfaction' && next.measure !== 'medianMinutes' && next.value > 1) {
    throw new StoreError('invalid', 'Target: a share is at most 100 %', 'value');
  }
  await writeRecord(db, 'planTargets', next);
  return next;
}

/** A new owner for a part or a kind of thread, recorded with who changed it and when. */
export async function setOwner(
  db: CrmDb,
  change: Pick<PlanOwner, 'part' | 'kindId' | 'repId' | 'changedBy'>,
  now: number,
): Promise<PlanOwner> {
  const next = validate(planOwnerSchema, { ...newRecordBase(now), ...change, at: now }, 'Owner');
  await writeRecord(db, 'planOwners', next, 'add');
  return next;
}
