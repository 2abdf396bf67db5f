import { minorUnitDigits, newRecordBase, PLAN_PARTS, type PlanBudgetLine, parseMoneyInput } from '@/lib/model';
import { budgetLines, budgetTotals } from '@/lib/plan/budget';
import { monthKey } from '@/lib/time/periods';
import { call } from '@/lib/worker/client';
import { money } from '../../format';
import { t } from '../../i18n';
import { monthFromKey } from '../reports/report-format';
import { DraftInput } from './DraftInput';
import { PlanTable } from './PlanTable';
import type { StepProps } from './plan-data';
import { budgetLineCells, budgetLineColumns, hoursText, partName } from './plan-format';

/** The plan's budgets are in the business's two currencies. */
const CURRENCIES = ['USD', 'KHR'] as const;

const amountValue = (amount: number, currency: string) => String(amount / 10 ** minorUnitDigits(currency));

/** Step 4: lines of time and money per part and month, planned against spent, each editable where it stands. */
export function BudgetStep({ app, data }: StepProps) {
  const timeZone = app.timeZone.value;
  // Only the field the rep changed is sent: a line's fields are edited one after another faster than pages re-read.
  const save = (line: PlanBudgetLine, patch: Partial<PlanBudgetLine>) =>
    void app.attempt(() => call('plan.budget.update', { id: line.id, patch }));
  const add = () => {
    const currency = app.settings.value?.defaultCurrency === 'KHR' ? 'KHR' : 'USD';
    void app.attempt(() =>
      call('plan.budget.save', {
        ...newRecordBase(Date.now()),
        part: 'training',
        label: '',
        month: monthKey(Date.now(), timeZone),
        currency,
        planned: 0,
        spent: 0,
        plannedHours: 0,
        spentHours: 0,
      }),
    );
  };
  const moneyField = (line: PlanBudgetLine, field: 'planned' | 'spent', label: string) => (
    <DraftInput
      label={label}
      inputMode="decimal"
      value={amountValue(line[field], line.currency)}
      onCommit={(text) => {
        const amount = parseMoneyInput(text, line.currency);
        if (amount === null || amount < 0) app.notify(t('plan_amount_invalid'));
        else save(line, { [field]: amount });
      }}
    />
  );
  const hoursField = (line: PlanBudgetLine, field: 'plannedHours' | 'spentHours', label: string) => (
    <DraftInput
      label={label}
      type="number"
      min={0}
      step={0.5}
      value={String(line[field])}
      onCommit={(text) => save(line, { [field]: Math.max(0, Number(text) || 0) })}
    />
  );

  return (
    <>
      <div class="plan-budget-lines no-print">
        {budgetLines(data.budgetLines).map((line) => (
          <fieldset key={line.id} class="plan-budget-line" data-line={line.id}>
            <legend class="visually-hidden">{line.label || partName(line.part)}</legend>
            <label>
              {t('plan_part')}
              <select
                value={line.part}
                onChange={(e) => save(line, { part: e.currentTarget.value as PlanBudgetLine['part'] })}
              >
                {PLAN_PARTS.map((part) => (
                  <option key={part} value={part}>
                    {partName(part)}
                  </option>
                ))}
              </select>
            </label>
            <DraftInput
              label={t('plan_line_label')}
              value={line.label}
              maxLength={120}
              onCommit={(text) => save(line, { label: text })}
            />
            <label>
              {t('plan_month')}
              <input
                type="month"
                value={line.month}
                onChange={(e) => e.currentTarget.value && save(line, { month: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('plan_currency')}
              <select value={line.currency} onChange={(e) => save(line, { currency: e.currentTarget.value })}>
                {CURRENCIES.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </label>
            {moneyField(line, 'planned', t('plan_planned'))}
            {moneyField(line, 'spent', t('plan_spent'))}
            {hoursField(line, 'plannedHours', t('plan_planned_hours'))}
            {hoursField(line, 'spentHours', t('plan_spent_hours'))}
            <button type="button" class="link no-print" onClick={() => save(line, { deletedAt: Date.now() })}>
              {t('plan_remove')}
            </button>
          </fieldset>
        ))}
      </div>
      <button type="button" class="no-print" onClick={add}>
        {t('plan_add_line')}
      </button>
      <div class="print-only">
        <PlanTable
          caption={t('plan_budget_lines_caption')}
          columns={budgetLineColumns()}
          rows={budgetLines(data.budgetLines).map((line) => ({ key: line.id, cells: budgetLineCells(line) }))}
        />
      </div>
      <PlanTable
        caption={t('plan_budget_caption')}
        columns={[t('plan_month'), t('plan_planned'), t('plan_spent'), t('plan_planned_hours'), t('plan_spent_hours')]}
        rows={budgetTotals(data.budgetLines).map((total) => ({
          key: `${total.month}-${total.currency}`,
          cells: [
            `${monthFromKey(total.month)} · ${total.currency}`,
            money({ amount: total.planned, currency: total.currency }),
            money({ amount: total.spent, currency: total.currency }),
            hoursText(total.plannedHours),
            hoursText(total.spentHours),
          ],
        }))}
      />
    </>
  );
}
