import type { MessageKey } from '@/lib/i18n/translate';
import type { Activity } from '@/lib/model';
import { formatDateTime, t } from '../../i18n';

/**
 * A record's activities, newest first; each can be deleted (the toast offers undo). In a team, `repName` names the
 * rep of each activity that has one.
 */
export function Timeline({
  activities,
  timeZone,
  repName,
  onDelete,
}: {
  activities: Activity[];
  timeZone: string;
  repName?: (repId: string) => string | null;
  onDelete(activity: Activity): void;
}) {
  if (activities.length === 0) return <p class="muted">{t('activities_none')}</p>;
  return (
    <ol class="timeline" aria-label={t('activities_title')}>
      {activities.map((a) => (
        <li key={a.id}>
          <div class="row spread">
            <span>
              <span class="badge">{t(`activity_${a.type}` as MessageKey)}</span>{' '}
              <time class="muted" dateTime={new Date(a.occurredAt).toISOString()}>
                {formatDateTime(a.occurredAt, timeZone)}
              </time>
              {repName && a.repId !== null && repName(a.repId) ? (
                <span class="muted"> · {repName(a.repId)}</span>
              ) : null}
              {a.durationMinutes !== null ? (
                <span class="muted"> · {t('dash_minutes', { count: a.durationMinutes })}</span>
              ) : null}
            </span>
            <button type="button" class="link" onClick={() => onDelete(a)}>
              {t('dash_delete')}
            </button>
          </div>
          {a.subject ? (
            <div class="subject" dir="auto">
              {a.subject}
            </div>
          ) : null}
          {a.outcome ? (
            <div class="subject">
              {t('dash_outcome')}: {a.outcome}
            </div>
          ) : null}
          {a.body ? (
            <p class="body" dir="auto">
              {a.body.length > 2000 ? `${a.body.slice(0, 2000)}…` : a.body}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
