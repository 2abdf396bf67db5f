import { t } from '../../i18n';
import { PlanTable } from './PlanTable';
import type { StepProps } from './plan-data';
import { reviewCells, reviewColumns } from './plan-format';

/** Step 1: how inquiries and complaints are answered today, per kind of thread. */
export function ReviewStep({ data }: StepProps) {
  return (
    <PlanTable
      caption={t('plan_review_caption')}
      columns={reviewColumns()}
      rows={data.review.byKind.map((row) => ({ key: row.kindId ?? 'none', cells: reviewCells(row, data.kinds) }))}
    />
  );
}
