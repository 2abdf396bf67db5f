import { useEffect, useState } from 'preact/hooks';
import type { InviteResponse } from '@/lib/sync/protocol';
import { call } from '@/lib/worker/client';
import { formatDateTime, t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { ConfirmButton } from '../ConfirmButton';
import { NameEmailFields } from './NameEmailFields';
import { teamAttempt } from './team-errors';

type Device = Awaited<ReturnType<typeof call<'team.devices'>>>[number];

/** What a manager does for the team: invite reps (each code shown once) and remove browsers from it. */
export function TeamManager({ app }: { app: Dashboard }) {
  const [devices, setDevices] = useState<Device[]>([]);
  const [invite, setInvite] = useState<InviteResponse | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'rep' | 'manager'>('rep');
  const [revoking, setRevoking] = useState<Device | null>(null);
  const zone = app.timeZone.value;
  const load = () => teamAttempt(app, () => call('team.devices', {})).then((found) => found && setDevices(found));
  // Read again after each sync round too: a rep who just joined shows up.
  const revision = app.revision.value;
  useEffect(() => {
    void load();
  }, [revision]);
  const revoke = async (device: Device) => {
    setRevoking(null);
    if (await teamAttempt(app, () => call('team.revokeDevice', { deviceId: device.id }))) {
      app.notify(t('team_revoked', { device: device.name }));
      await load();
    }
  };
  return (
    <div class="stack">
      <h4>{t('team_invite_title')}</h4>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void teamAttempt(app, () => call('team.invite', { role, name, email })).then((made) => {
            if (!made) return;
            setInvite(made);
            setName('');
            setEmail('');
          });
        }}
      >
        <NameEmailFields name={name} email={email} onName={setName} onEmail={setEmail} />
        <label>
          {t('team_role')}
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as 'rep' | 'manager')}>
            <option value="rep">{t('team_role_rep')}</option>
            <option value="manager">{t('team_role_manager')}</option>
          </select>
        </label>
        <button type="submit">{t('team_invite')}</button>
      </form>
      {invite ? (
        <p class="notice" role="status" data-testid="team-invite-code">
          {t('team_invite_code', {
            name: invite.name,
            code: invite.code,
            date: formatDateTime(invite.expiresAt, zone, 'date'),
          })}
        </p>
      ) : null}
      <h4>{t('team_devices')}</h4>
      <ul class="plain">
        {devices.map((device) => (
          <li key={device.id} class="row">
            <span class="grow">
              {t('team_device_of', { device: device.name, rep: device.rep.name })}{' '}
              <span class="muted">
                {device.revokedAt !== null
                  ? t('team_device_revoked')
                  : device.current
                    ? t('team_device_current')
                    : device.lastSeenAt !== null
                      ? t('team_device_seen', { date: formatDateTime(device.lastSeenAt, zone) })
                      : ''}
              </span>
            </span>
            {device.revokedAt === null && !device.current ? (
              <button type="button" class="danger" onClick={() => setRevoking(device)}>
                {t('team_revoke', { device: device.name })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {revoking ? (
        <ConfirmButton
          question={t('team_revoke_question', { device: revoking.name })}
          confirmLabel={t('team_revoke', { device: revoking.name })}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </div>
  );
}
