import { commit, StoreError } from '../db/errors';
import { SYNC_STORES, TEAM_KEY } from '../db/record-write';
import type { CrmDb, TeamRep, TeamSync } from '../db/schema';
import { newClock } from '../sync/hlc';
import type { JoinResponse } from '../sync/protocol';

/** This browser's membership of a team, or null for a lone rep. */
export async function readTeam(db: CrmDb): Promise<TeamSync | null> {
  const team = await db.get('sync', TEAM_KEY);
  return team && !team.left ? team : null;
}

/**
 * Keeps the membership the service granted. From this transaction on, every record write is queued; the records
 * written before are queued by the first round (seedOutbox), which finds them by their missing clocks.
 */
export async function saveMembership(
  db: CrmDb,
  joined: JoinResponse,
  serverUrl: string,
  deviceName: string,
  now: number,
): Promise<TeamSync> {
  const membership: TeamSync = {
    serverUrl,
    team: joined.team,
    rep: joined.rep,
    deviceId: joined.deviceId,
    deviceName,
    token: joined.token,
    joinedAt: now,
    cursor: 0,
    teamVersion: 0,
    clock: newClock(joined.deviceId),
    nextSeq: 1,
    seeded: false,
    reps: [joined.rep],
    lastSyncAt: null,
    lastError: null,
  };
  const tx = db.transaction(SYNC_STORES, 'readwrite');
  return commit(tx, async () => {
    const before = await tx.objectStore('sync').get(TEAM_KEY);
    if (before && !before.left) {
      throw new StoreError('conflict', 'This browser is already in a team: leave it first.');
    }
    // Changes queued for an earlier membership were another device's: the service would refuse them.
    await tx.objectStore('outbox').clear();
    // Clocks of another team's writes mean nothing to this one: without them every record is sent afresh. Back in
    // the same team, they are kept, so this copy merges by when each field was really written.
    if (before && before.team.id !== joined.team.id) await tx.objectStore('fieldClocks').clear();
    await tx.objectStore('sync').put(membership, TEAM_KEY);
    return membership;
  });
}

/**
 * Changes the membership row in a transaction of its own, read afresh there (record writes move its clock and
 * mutation number meanwhile). Nothing happens when the browser has left the team, or joined another, since.
 */
export async function updateTeam(
  db: CrmDb,
  deviceId: string,
  change: (team: TeamSync) => Partial<TeamSync>,
): Promise<TeamSync | null> {
  const tx = db.transaction('sync', 'readwrite');
  return commit(tx, async () => {
    const team = await tx.store.get(TEAM_KEY);
    if (!team || team.left || team.deviceId !== deviceId) return null;
    const next = { ...team, ...change(team) };
    await tx.store.put(next, TEAM_KEY);
    return next;
  });
}

/**
 * Leaves the team on this browser: the membership's token and the changes not yet sent go, the records stay. The
 * field clocks stay too, with the team they are of, so joining the same team again later merges this copy by when
 * each field was really written.
 */
export async function forgetMembership(db: CrmDb): Promise<number> {
  const tx = db.transaction(SYNC_STORES, 'readwrite');
  return commit(tx, async () => {
    const team = await tx.objectStore('sync').get(TEAM_KEY);
    const unsent = await tx.objectStore('outbox').count();
    await tx.objectStore('outbox').clear();
    if (team) await tx.objectStore('sync').put({ ...team, token: '', left: true }, TEAM_KEY);
    return unsent;
  });
}

export const pendingChanges = (db: CrmDb): Promise<number> => db.count('outbox');

/** The name a rep id stands for in this team, as the service last listed its reps. */
export function repName(team: TeamSync, repId: string | null): string | null {
  if (repId === null) return team.rep.name;
  return team.reps.find((rep: TeamRep) => rep.id === repId)?.name ?? null;
}
