import { useEffect, useState } from 'preact/hooks';
import type { TeamStatus } from '@/lib/team/contract';
import { call } from '@/lib/worker/client';
import { formatDateTime, t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { ConfirmButton } from '../ConfirmButton';
import { TeamManager } from './TeamManager';
import { teamAttempt, teamErrorText } from './team-errors';

type Joined = Extract<TeamStatus, { joined: true }>;

/**
 * Settings → Team: joining the business's team service with an invite code, and once joined, what this browser
 * shares with whom, how the sync is doing, and leaving. The worker does every call to the service.
 */
export function TeamSettings({ app }: { app: Dashboard }) {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const revision = app.revision.value;
  useEffect(() => {
    let current = true;
    call('team.status', { refresh: revision === 0 }).then(
      (next) => current && setStatus(next),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [revision]);
  return (
    <section class="settings-section" aria-labelledby="team-title">
      <h3 id="team-title">{t('team_title')}</h3>
      {status === null ? null : status.joined ? (
        <JoinedTeam app={app} status={status} onChange={setStatus} />
      ) : (
        <JoinForm app={app} onJoined={setStatus} />
      )}
    </section>
  );
}

function JoinForm({ app, onJoined }: { app: Dashboard; onJoined(status: TeamStatus): void }) {
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const join = async () => {
    setBusy(true);
    const joined = await teamAttempt(app, () => call('team.join', { serverUrl, code, deviceName }));
    setBusy(false);
    if (!joined?.joined) return;
    app.notify(t('team_joined', { team: joined.team.name }));
    onJoined(joined);
  };
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void join();
      }}
    >
      <p class="muted">{t('team_intro')}</p>
      <label>
        {t('team_server')}
        <input
          required
          type="url"
          inputMode="url"
          placeholder="https://crm.example.com"
          value={serverUrl}
          onInput={(e) => setServerUrl(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('team_code')}
        <input
          required
          autoComplete="off"
          maxLength={40}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('team_device')}
        <input required maxLength={80} value={deviceName} onInput={(e) => setDeviceName(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit" disabled={busy}>
          {t('team_join')}
        </button>
      </div>
    </form>
  );
}

function JoinedTeam({ app, status, onChange }: { app: Dashboard; status: Joined; onChange(status: TeamStatus): void }) {
  const [leaving, setLeaving] = useState(false);
  const zone = app.timeZone.value;
  const error = status.lastError;
  const catchingUp = status.teamVersion > 0 && status.cursor < status.teamVersion;
  const leave = async () => {
    setLeaving(false);
    const left = await teamAttempt(app, () => call('team.leave', {}));
    if (!left) return;
    app.notify(t(left.revoked ? 'team_left' : 'team_left_not_revoked'));
    onChange({ joined: false });
  };
  return (
    <div class="stack">
      <dl class="facts">
        <dt>{t('team_name')}</dt>
        <dd>{status.team.name}</dd>
        <dt>{t('team_you')}</dt>
        <dd>
          {status.rep.name} ({t(status.rep.role === 'manager' ? 'team_role_manager' : 'team_role_rep')})
        </dd>
        <dt>{t('team_this_device')}</dt>
        <dd>
          {status.deviceName} · <span class="muted">{status.serverUrl}</span>
        </dd>
        <dt>{t('team_last_sync')}</dt>
        <dd>{status.lastSyncAt === null ? t('team_never') : formatDateTime(status.lastSyncAt, zone)}</dd>
        <dt>{t('team_waiting')}</dt>
        <dd data-testid="team-pending">{status.pending}</dd>
        <dt>{t('team_state')}</dt>
        <dd role="status">{error === null ? t('team_online') : teamErrorText(error.code, error.message)}</dd>
      </dl>
      {catchingUp ? (
        <label>
          {t('team_first_sync')}
          <progress value={status.cursor} max={status.teamVersion} />
        </label>
      ) : null}
      <div class="row">
        <button
          type="button"
          onClick={() => void teamAttempt(app, () => call('team.syncNow', {})).then((next) => next && onChange(next))}
        >
          {t('team_sync_now')}
        </button>
        <button type="button" class="danger" onClick={() => setLeaving(true)}>
          {t('team_leave')}
        </button>
      </div>
      {leaving ? (
        <ConfirmButton
          question={status.pending > 0 ? t('team_leave_unsent', { count: status.pending }) : t('team_leave_question')}
          confirmLabel={t('team_leave')}
          onConfirm={() => void leave()}
          onCancel={() => setLeaving(false)}
        />
      ) : null}
      <h4>{t('team_members')}</h4>
      <ul class="plain">
        {status.reps.map((rep) => (
          <li key={rep.id}>
            {rep.name} <span class="muted">{rep.email}</span> ·{' '}
            {t(rep.role === 'manager' ? 'team_role_manager' : 'team_role_rep')}
          </li>
        ))}
      </ul>
      {status.rep.role === 'manager' ? <TeamManager app={app} /> : null}
    </div>
  );
}
