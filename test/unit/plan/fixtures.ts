import { newRecordBase, type PlanBudgetLine } from '@/lib/model';

/** A budget line of December 2026 in dollars, nothing planned or spent, with `fields` over it. */
export function budgetLine(fields: Partial<PlanBudgetLine> = {}): PlanBudgetLine {
  return {
    ...newRecordBase(1),
    part: 'training',
    label: '',
    month: '2026-12',
    currency: 'USD',
    planned: 0,
    spent: 0,
    plannedHours: 0,
    spentHours: 0,
    ...fields,
  };
}
