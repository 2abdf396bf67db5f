import { PLAN_PARTS, type PlanOwner } from '@/lib/model';
import { currentOwners, ownerHistory, previousOwner, subjectOf } from '@/lib/plan/owners';
import { call } from '@/lib/worker/client';
import { formatDateTime, t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import type { StepProps } from './plan-data';
import { partName } from './plan-format';

/** Step 5: an owner for each part of the plan and each kind of thread, and every change with who made it and when. */
export function OwnersStep({ app, data }: StepProps) {
  const reps = app.reps.value;
  const repName = (id: string | null) =>
    id === null ? t('plan_nobody') : (reps.find((rep) => rep.id === id)?.name ?? t('fig_no_rep'));
  const current = currentOwners(data.owners);
  const subjects = [
    ...PLAN_PARTS.map((part) => ({ key: `part:${part}`, name: partName(part), part, kindId: null })),
    ...data.kinds.map((kind) => ({ key: `kind:${kind.id}`, name: kindLabel(kind), part: null, kindId: kind.id })),
  ];
  const subjectName = (row: PlanOwner) => subjects.find((s) => s.key === subjectOf(row))?.name ?? '—';
  const set = (subject: (typeof subjects)[number], repId: string | null) =>
    void app.attempt(() =>
      call(
        'plan.owner.set',
        subject.part !== null
          ? { part: subject.part, kindId: null, repId }
          : { part: null, kindId: subject.kindId as string, repId },
      ),
    );
  const history = ownerHistory(data.owners);

  return (
    <>
      <dl class="plan-owners">
        {subjects.map((subject) => {
          const owner = current.get(subject.key)?.repId ?? null;
          return (
            <div key={subject.key} data-subject={subject.key}>
              <dt id={`plan-owner-${subject.key}`}>{subject.name}</dt>
              <dd>
                <select
                  aria-labelledby={`plan-owner-${subject.key}`}
                  value={owner ?? ''}
                  onChange={(e) => set(subject, e.currentTarget.value || null)}
                >
                  <option value="">{t('plan_nobody')}</option>
                  {reps
                    .filter((rep) => rep.deletedAt === null || rep.id === owner)
                    .map((rep) => (
                      <option key={rep.id} value={rep.id}>
                        {rep.name}
                      </option>
                    ))}
                </select>
                <span class="print-only">{repName(owner)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
      <h4>{t('plan_owner_history')}</h4>
      {history.length === 0 ? <p class="muted">{t('plan_nothing_yet')}</p> : null}
      <ul class="plan-history">
        {history.slice(0, 50).map((row) => (
          <li key={row.id}>
            {t('plan_owner_change', {
              when: formatDateTime(row.at, app.timeZone.value),
              who: row.changedBy === null ? t('plan_someone') : repName(row.changedBy),
              what: subjectName(row),
              to: repName(row.repId),
              from: repName(previousOwner(data.owners, row)?.repId ?? null),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
