import type { RecordChanges } from '@/lib/team/contract';
import { formatDateTime, t } from './i18n';

/** "Changed by Sophea · 6 Dec, 10:42": the record's latest change in a team; nothing for a lone rep. */
export function ChangedBy({ changes, timeZone }: { changes: RecordChanges | null; timeZone: string }) {
  const last = changes?.last;
  if (!last) return null;
  return (
    <p class="muted small changed-by">
      {t('changed_by', { rep: last.by ?? t('team_someone'), when: formatDateTime(last.at, timeZone) })}
    </p>
  );
}
