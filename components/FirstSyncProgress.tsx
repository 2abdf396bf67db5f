import { useEffect, useState } from 'preact/hooks';
import { call } from '@/lib/worker/client';
import { onSidecarEvent } from './events';
import { formatCount, t } from './i18n';

/**
 * How far this browser's first sync with its team has come, where the rep looks (the dashboard's header, the
 * sidebar's): a new device of a big team takes minutes to bring in the team's records, and an empty board meanwhile
 * would look like lost data. Read again each time the worker says the team's state moved (once a second at most
 * during a first sync); nothing is shown for a lone rep or once the browser has caught up.
 */
export function FirstSyncProgress() {
  const [percent, setPercent] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      void call('team.status', {}).then(
        (status) => {
          const catchingUp = status.joined && status.teamVersion > 0 && status.cursor < status.teamVersion;
          setPercent(catchingUp ? Math.floor((status.cursor / status.teamVersion) * 100) : null);
        },
        () => undefined,
      );
    load();
    onSidecarEvent((event) => {
      if (event.type === 'changed' && event.stores.includes('team')) load();
    }, controller.signal);
    return () => controller.abort();
  }, []);
  if (percent === null) return null;
  return (
    <div class="first-sync" role="status">
      <span>{t('team_first_sync_percent', { percent: formatCount(percent) })}</span>
      <progress value={percent} max={100} aria-label={t('team_first_sync')} />
    </div>
  );
}
