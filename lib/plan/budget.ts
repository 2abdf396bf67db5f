import { PLAN_PARTS, type PlanBudgetLine, type PlanPart } from '../model';

/**
 * The plan's budget summed as a manager reads it: per month and currency (riel and dollars are never added
 * together), and per part within them, planned against spent, money in minor units and time in hours. Pure.
 */

export interface BudgetSum {
  planned: number;
  spent: number;
  plannedHours: number;
  spentHours: number;
}

export interface BudgetTotal extends BudgetSum {
  month: string;
  currency: string;
  byPart: Record<PlanPart, BudgetSum>;
}

const zero = (): BudgetSum => ({ planned: 0, spent: 0, plannedHours: 0, spentHours: 0 });

function add(sum: BudgetSum, line: BudgetSum): void {
  sum.planned += line.planned;
  sum.spent += line.spent;
  sum.plannedHours += line.plannedHours;
  sum.spentHours += line.spentHours;
}

/** Live lines, newest month first, then by part and label. */
export function budgetLines(lines: readonly PlanBudgetLine[]): PlanBudgetLine[] {
  const part = (line: PlanBudgetLine) => PLAN_PARTS.indexOf(line.part);
  return lines
    .filter((line) => line.deletedAt === null)
    .sort(
      (a, b) =>
        b.month.localeCompare(a.month) ||
        part(a) - part(b) ||
        a.label.localeCompare(b.label) ||
        a.createdAt - b.createdAt,
    );
}

/** One total per month and currency, newest month first, currencies in alphabetical order within a month. */
export function budgetTotals(lines: readonly PlanBudgetLine[]): BudgetTotal[] {
  const totals = new Map<string, BudgetTotal>();
  for (const line of lines) {
    if (line.deletedAt !== null) continue;
    const key = `${line.month}|${line.currency}`;
    let total = totals.get(key);
    if (!total) {
      total = {
        month: line.month,
        currency: line.currency,
        ...zero(),
        byPart: { training: zero(), tools: zero(), channels: zero() },
      };
      totals.set(key, total);
    }
    add(total, line);
    add(total.byPart[line.part], line);
  }
  return [...totals.values()].sort((a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency));
}
