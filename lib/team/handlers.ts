import { StoreError } from '../db/errors';
import type { CrmDb, TeamSync } from '../db/schema';
import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import { readRecordChanges } from './changes';
import { serviceUrl, TeamError, teamClient } from './client';
import { dismissConflict, recordConflicts } from './conflicts';
import type { TeamStatus, teamContract } from './contract';
import { forgetMembership, pendingChanges, readTeam, saveMembership } from './store';
import { refreshTeam } from './sync';

/** Open pages re-read the team's state on this (see components/dashboard/settings/TeamSettings.tsx). */
export const TEAM_STORES = ['team'];

export async function teamStatus(db: CrmDb, team: TeamSync | null): Promise<TeamStatus> {
  if (!team) return { joined: false };
  return {
    joined: true,
    serverUrl: team.serverUrl,
    team: team.team,
    rep: team.rep,
    reps: team.reps,
    deviceId: team.deviceId,
    deviceName: team.deviceName,
    joinedAt: team.joinedAt,
    lastSyncAt: team.lastSyncAt,
    lastError: team.lastError,
    pending: await pendingChanges(db),
    cursor: team.cursor,
    teamVersion: team.teamVersion,
  };
}

/**
 * A service's refusal as the store's: the page shows the message, and `details.team` (the service's code, or
 * `offline`) lets it say so in the rep's language.
 */
export async function asked<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof TeamError)) throw error;
    const known = error.code !== 'offline' && error.code !== 'unavailable' && error.code !== 'internal';
    throw new StoreError(known ? 'invalid' : 'internal', error.message, null, { team: error.code });
  }
}

export function createTeamHandlers(s: WorkerServices): HandlersOf<typeof teamContract> {
  const db = s.db;
  const joined = async (): Promise<TeamSync> => {
    const team = await readTeam(db);
    if (!team) throw new StoreError('not-found', 'This browser is not in a team.', null, { team: 'not_joined' });
    return team;
  };
  const client = (team: TeamSync) => teamClient(s.team.fetch, team.serverUrl, team.token);

  return {
    'team.status': async ({ refresh }) => {
      const team = await readTeam(db);
      if (team && refresh) await refreshTeam(db, client(team), team).catch(() => null);
      return teamStatus(db, await readTeam(db));
    },
    'team.join': async ({ serverUrl, code, deviceName }) => {
      const url = serviceUrl(serverUrl);
      if (!url) {
        throw new StoreError('invalid', 'Type the address of your team service, https://…', 'serverUrl', {
          team: 'bad_address',
        });
      }
      if (await readTeam(db)) throw new StoreError('conflict', 'This browser is already in a team: leave it first.');
      const answer = await asked(teamClient(s.team.fetch, url, null).join({ code: code.trim(), deviceName }));
      const team = await saveMembership(db, answer, url, deviceName, s.now());
      await refreshTeam(db, client(team), team).catch(() => null);
      s.changed(TEAM_STORES);
      // The first round (queueing this browser's records, pulling the team's) may take a while: it runs on its own.
      void s.team.syncNow();
      return teamStatus(db, await readTeam(db));
    },
    'team.leave': async () => {
      const team = await readTeam(db);
      if (!team) return { revoked: false, unsent: 0 };
      let revoked = true;
      try {
        await client(team).revoke(team.deviceId);
      } catch (error) {
        // Revoked already is as good; unreachable, the manager can revoke the device later.
        revoked = error instanceof TeamError && error.code === 'unauthorized';
      }
      const unsent = await forgetMembership(db);
      await s.team.syncNow();
      s.changed(TEAM_STORES);
      return { revoked, unsent };
    },
    'team.syncNow': async () => {
      await s.team.syncNow();
      return teamStatus(db, await readTeam(db));
    },
    'team.watch': async () => ({ joined: await s.team.watch() }),
    'team.devices': async () => (await asked(client(await joined()).devices())).devices,
    'team.revokeDevice': async ({ deviceId }) => {
      const team = await joined();
      const { device } = await asked(client(team).revoke(deviceId));
      return device;
    },
    'team.invite': async (invite) => asked(client(await joined()).invite(invite)),
    'team.conflicts': async ({ entity, id }) => {
      const team = await readTeam(db);
      return team ? recordConflicts(db, team, entity, id) : [];
    },
    'team.changes': async ({ entity, id }) => {
      const team = await readTeam(db);
      return team ? readRecordChanges(db, team, entity, id) : null;
    },
    'team.dismissConflict': async ({ entity, id, hlc }) => {
      await dismissConflict(db, entity, id, hlc);
      s.changed([entity]);
      return true;
    },
  };
}
