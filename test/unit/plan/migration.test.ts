import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openCrmDb } from '@/lib/db/open';
import { DB_VERSION } from '@/lib/db/schema';
import { PLAN_ID, seedPlanTargets } from '@/lib/model';
import { readPlan, saveBudgetLine, savePlanNotes, setOwner, updateBudgetLine } from '@/lib/plan/store';
import { createV6Schema, V6_DATA } from '../../fixtures/db/v6';
import { budgetLine } from './fixtures';

const NOW = Date.UTC(2026, 11, 6, 4, 0);

describe('the plan rung (v13)', () => {
  it('upgrades a v6 database as it shipped: the plan and its two example targets seeded, the records kept', async () => {
    const old = await openDB('plan-v6', 6, { upgrade: (database, _o, _n, tx) => createV6Schema(database, tx) });
    for (const [store, rows] of Object.entries(V6_DATA)) {
      if (store === 'settings') await old.put('settings', rows, 'settings');
      else for (const row of rows as object[]) await old.put(store, row);
    }
    old.close();

    const db = await openCrmDb('plan-v6', () => NOW);
    expect(db.version).toBe(DB_VERSION);
    const { plan, targets, budgetLines, owners } = await readPlan(db);
    expect(plan.id).toBe(PLAN_ID);
    expect(await db.count('plans')).toBe(1);
    expect(targets.map((t) => [t.measure, t.comparison, t.value])).toEqual(
      seedPlanTargets().map((t) => [t.measure, t.comparison, t.value]),
    );
    expect([budgetLines, owners]).toEqual([[], []]);
    for (const store of ['contacts', 'companies', 'deals', 'activities', 'tasks'] as const) {
      expect(await db.count(store)).toBe(V6_DATA[store].length);
    }
    // A lone rep: the seeds are the upgrade's, queued for no team.
    expect(await db.count('outbox')).toBe(0);

    await saveBudgetLine(
      db,
      budgetLine({
        id: '0195f0a0-0000-7000-8000-0000000000c1',
        part: 'channels',
        label: 'ផ្សាយពាណិជ្ជកម្ម Facebook',
        month: '2026-12',
        currency: 'KHR',
        planned: 400_000,
        plannedHours: 2,
      }),
      NOW,
    );
    await setOwner(db, { part: 'channels', kindId: null, repId: null, changedBy: null }, NOW);
    db.close();
    const again = await openCrmDb('plan-v6', () => NOW + 1);
    const reread = await readPlan(again);
    expect(reread.budgetLines.map((l) => l.label)).toEqual(['ផ្សាយពាណិជ្ជកម្ម Facebook']);
    expect(reread.owners).toHaveLength(1);
    again.close();
  });

  it('refuses an owner change that names neither a part nor a kind, and a budget line with a bad month', async () => {
    const db = await openCrmDb('plan-bad', () => NOW);
    await expect(setOwner(db, { part: null, kindId: null, repId: null, changedBy: null }, NOW)).rejects.toThrow(
      /part or a kind/,
    );
    const line = budgetLine({
      id: '0195f0a0-0000-7000-8000-0000000000c2',
      part: 'tools',
      label: 'Headsets',
      month: '2026-13',
      currency: 'USD',
      planned: 1,
      plannedHours: 0,
    });
    await expect(saveBudgetLine(db, line, NOW)).rejects.toThrow(/month/);
    const { budgetLines } = await readPlan(db);
    expect(budgetLines).toEqual([]);
    db.close();
  });
});

describe('edits of the plan made one right after the other', () => {
  it("keep each other's fields: two steps' words, a line's label then its currency", async () => {
    const db = await openCrmDb('plan-quick', () => NOW);
    await Promise.all([
      savePlanNotes(db, { review: 'Answer by noon.' }, NOW),
      savePlanNotes(db, { budget: 'ថវិកាតិច' }, NOW),
    ]);
    const line = await saveBudgetLine(
      db,
      budgetLine({
        id: '0195f0a0-0000-7000-8000-0000000000c3',
        part: 'tools',
        label: '',
        month: '2026-12',
        currency: 'USD',
        planned: 0,
        plannedHours: 0,
      }),
      NOW,
    );
    await Promise.all([
      updateBudgetLine(db, line.id, { label: 'Headsets' }, NOW),
      updateBudgetLine(db, line.id, { currency: 'KHR' }, NOW),
    ]);
    const { plan, budgetLines } = await readPlan(db);
    expect([plan.review, plan.budget]).toEqual(['Answer by noon.', 'ថវិកាតិច']);
    expect(budgetLines[0]).toMatchObject({ label: 'Headsets', currency: 'KHR' });
    db.close();
  });
});
