import type { RecordChanges } from '@/lib/team/contract';
import { formatDateTime, t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { fieldLabel, shown } from './field-text';

/** A record's writes in a team, newest first, each naming its rep and what it set. */
export function RecordHistory({ app, changes }: { app: Dashboard; changes: RecordChanges | null }) {
  if (!changes || changes.history.length === 0) return null;
  return (
    <details class="record-history">
      <summary>{t('history_title')}</summary>
      <ol class="plain stack" aria-label={t('history_title')}>
        {changes.history.map((write) => {
          const rep = write.by ?? t('team_someone');
          return (
            <li key={write.hlc}>
              <time class="muted" dateTime={new Date(write.at).toISOString()}>
                {formatDateTime(write.at, app.timeZone.value)}
              </time>{' '}
              {t(write.created ? 'history_created' : 'history_changed', { rep })}
              {write.fields.length > 0 ? (
                <ul class="plain">
                  {write.fields.map(({ field, value }) => (
                    <li key={field} dir="auto">
                      {fieldLabel(field)}: {shown(app, field, value)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
