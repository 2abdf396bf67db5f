import { useEffect, useState } from 'preact/hooks';
import type { TableEntity } from '@/lib/db/views';
import type { ConflictView } from '@/lib/team/contract';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { fieldLabel, shown } from './field-text';

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
          const values = {
            field: fieldLabel(conflict.field),
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
