import { useEffect, useState } from 'preact/hooks';
import type { TableEntity } from '@/lib/db/views';
import type { MessageKey } from '@/lib/i18n/translate';
import type { ConflictView } from '@/lib/team/contract';
import { call } from '@/lib/worker/client';
import { lifecycleLabel, sourceLabel, stageName } from '../../format';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** The label each field that can conflict is shown with; other fields show their own name. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'contact_name',
  jobTitle: 'contact_job_title',
  lifecycle: 'contact_lifecycle',
  phones: 'contact_phone',
  emails: 'dash_emails',
  ownerId: 'contact_owner',
  sourceId: 'contact_source',
  companyId: 'contact_company',
  domains: 'dash_domains',
  address: 'dash_address',
  stageId: 'deal_stage',
  value: 'deal_amount',
  expectedCloseAt: 'deal_close_date',
  status: 'dash_status',
};

/** A field's former value as the rep reads it: names for the ids of reps, sources and stages, text for lists. */
function shown(app: Dashboard, field: string, value: unknown): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('team_empty');
  if (field === 'ownerId') return app.reps.value.find((rep) => rep.id === value)?.name ?? t('team_someone');
  if (field === 'sourceId') {
    const source = app.sources.value.find((s) => s.id === value);
    return source ? sourceLabel(source) : String(value);
  }
  if (field === 'stageId') {
    const stage = app.pipelines.value.flatMap((p) => p.stages).find((s) => s.id === value);
    return stage ? stageName(stage) : String(value);
  }
  if (field === 'lifecycle') return lifecycleLabel(value as Parameters<typeof lifecycleLabel>[0]);
  if (Array.isArray(value)) {
    return value
      .map((item) => (typeof item === 'object' && item ? (item.address ?? item.number ?? JSON.stringify(item)) : item))
      .join(', ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Values of this record that a teammate's write replaced without having seen them (or that this rep's write
 * replaced), kept by the team's merge so nothing disappears silently; each can be put away once read.
 */
export function TeamConflicts({ app, entity, id }: { app: Dashboard; entity: TableEntity; id: string }) {
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  const revision = app.revision.value;
  useEffect(() => {
    let current = true;
    call('team.conflicts', { entity, id }).then(
      (found) => current && setConflicts(found),
      () => current && setConflicts([]),
    );
    return () => {
      current = false;
    };
  }, [entity, id, revision]);
  if (conflicts.length === 0) return null;
  return (
    <section class="notice stack" aria-labelledby="team-conflicts-title">
      <h3 id="team-conflicts-title">{t('team_conflicts_title')}</h3>
      <ul class="plain stack">
        {conflicts.map((conflict) => {
          const key = FIELD_LABELS[conflict.field];
          const values = {
            field: key ? t(key) : conflict.field,
            rep: (conflict.kept ? conflict.by : conflict.winner) ?? t('team_someone'),
            value: shown(app, conflict.field, conflict.value),
          };
          return (
            <li key={conflict.hlc} class="row">
              <span class="grow">{t(conflict.kept ? 'team_conflict_kept' : 'team_conflict_theirs', values)}</span>
              <button
                type="button"
                onClick={() => void app.attempt(() => call('team.dismissConflict', { entity, id, hlc: conflict.hlc }))}
              >
                {t('team_dismiss')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
