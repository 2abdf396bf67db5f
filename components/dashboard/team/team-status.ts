import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type Membership, myRepId } from '@/lib/dashboard/team-view';
import type { TeamStatus } from '@/lib/team/contract';
import { request } from '@/lib/worker/client';
import type { Dashboard } from '../app-model';

/** The team this browser is in, as the dashboard last read it; undefined until read. One copy for every view. */
export const teamStatus = signal<TeamStatus | undefined>(undefined);
let readAt = -1;

/**
 * The team's status, read again after each change the worker announces (joining and leaving are such changes), by
 * whichever view asks first.
 */
export function useTeamStatus(app: Dashboard): TeamStatus | undefined {
  const revision = app.revision.value;
  useEffect(() => {
    if (readAt === revision) return;
    readAt = revision;
    void request('team.status', {}).then((answer) => {
      if (answer.ok) teamStatus.value = answer.value;
    });
  }, [revision]);
  return teamStatus.value;
}

/** The team membership the dashboard's pure helpers take (lib/dashboard/team-view.ts); null for a lone rep. */
export function membershipOf(status: TeamStatus | undefined): Membership | null {
  return status?.joined ? { email: status.rep.email, role: status.rep.role } : null;
}

/** Which of the CRM's reps this browser's person is; tracked by a computed that reads it. */
export function meOf(app: Dashboard): string | null {
  return myRepId(app.reps.value, app.settings.value?.currentRepId ?? null, membershipOf(teamStatus.value));
}
