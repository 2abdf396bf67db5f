import type { MessageKey } from '@/lib/i18n/translate';
import type { Activity } from '@/lib/model';
import { formatDateTime, t } from '../i18n';

export function ActivityList({ activities, timeZone }: { activities: Activity[]; timeZone: string }) {
  if (activities.length === 0) return <p class="muted">{t('activities_none')}</p>;
  return (
    <ul class="activities" aria-label={t('activities_title')}>
      {activities.map((a) => (
        <li key={a.id}>
          <span class="badge">{t(`activity_${a.type}` as MessageKey)}</span>{' '}
          {a.direction ? <span class="muted">{t(`direction_${a.direction}` as MessageKey)} · </span> : null}
          <span class="subject">{a.subject || a.outcome || a.body.slice(0, 80)}</span>
          <time class="muted" dateTime={new Date(a.occurredAt).toISOString()}>
            {' '}
            {formatDateTime(a.occurredAt, timeZone, 'short-date-time')}
          </time>
        </li>
      ))}
    </ul>
  );
}
