import { type Rep, repForAccount } from '../model';
import type { Role } from '../sync/protocol';

/** What the dashboard knows of the team this browser is in: who this rep is there, and their role. */
export interface Membership {
  email: string;
  role: Role;
}

/**
 * The rep this browser's person is among the CRM's reps: in a team, the one with their team address (each browser
 * may have chosen another "which rep is you" meanwhile); else the rep chosen in Settings.
 */
export function myRepId(
  reps: readonly Rep[],
  currentRepId: string | null,
  membership: Membership | null,
): string | null {
  const byTeam = membership ? repForAccount(reps, membership.email) : null;
  return byTeam?.id ?? currentRepId;
}

/**
 * The reps whose figures a person sees: a manager the whole team; a rep, in a team or alone, their own (a browser
 * with no rep chosen yet is one person's whole CRM, so it shows every rep it has). By name, as a team list reads.
 */
export function repsShown(reps: readonly Rep[], me: string | null, membership: Membership | null): Rep[] {
  const live = reps.filter((rep) => rep.deletedAt === null).sort((a, b) => a.name.localeCompare(b.name));
  if (membership?.role === 'manager') return live;
  if (me === null) return membership ? [] : live;
  return live.filter((rep) => rep.id === me);
}

/** The owner filter of the board and the tables: mine, one rep's, nobody's, or everyone's; kept per browser. */
export type OwnerChoice = 'mine' | 'all' | 'none' | { repId: string };

export function parseOwnerChoice(stored: unknown): OwnerChoice {
  if (stored === 'mine' || stored === 'all' || stored === 'none') return stored;
  if (typeof stored === 'string' && stored.startsWith('rep:')) return { repId: stored.slice(4) };
  return 'all';
}

export function storedOwnerChoice(choice: OwnerChoice): string {
  return typeof choice === 'string' ? choice : `rep:${choice.repId}`;
}

/**
 * The owner id a choice filters by ("none" for records without one), or null for every record. "Mine" before this
 * browser knows which rep it is means everyone, as the filter then says (it offers "Mine" only with a rep).
 */
export function ownerFilterOf(choice: OwnerChoice, me: string | null): string | null {
  if (choice === 'all') return null;
  if (choice === 'none') return 'none';
  if (choice === 'mine') return me;
  return choice.repId;
}
