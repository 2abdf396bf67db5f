import { describe, expect, it } from 'vitest';
import { myRepId, ownerFilterOf, parseOwnerChoice, repsShown, storedOwnerChoice } from '@/lib/dashboard/team-view';
import type { Rep } from '@/lib/model';

const NOW = Date.UTC(2026, 11, 6);
const rep = (id: string, name: string, email: string, deletedAt: number | null = null): Rep => ({
  id,
  name,
  email,
  accountEmails: [],
  createdAt: NOW,
  updatedAt: NOW,
  deletedAt,
});
const DARA = rep('0195f0a0-0000-7000-8000-00000000aaaa', 'Dara', 'dara@lucky.kh');
const SOPHEA = rep('0195f0a0-0000-7000-8000-00000000bbbb', 'Sophea', 'Sophea@Lucky.kh');
const GONE = rep('0195f0a0-0000-7000-8000-00000000cccc', 'Gone', 'gone@lucky.kh', NOW);
const REPS = [SOPHEA, GONE, DARA];

describe('who this browser is in the team', () => {
  it('is the rep with the team address, else the rep chosen in Settings', () => {
    expect(myRepId(REPS, DARA.id, { email: 'sophea@lucky.kh', role: 'rep' })).toBe(SOPHEA.id);
    expect(myRepId(REPS, DARA.id, { email: 'new@lucky.kh', role: 'rep' })).toBe(DARA.id);
    expect(myRepId(REPS, null, null)).toBeNull();
  });

  it('shows a manager every live rep, a rep their own, and a browser alone its own or all it has', () => {
    expect(repsShown(REPS, DARA.id, { email: 'dara@lucky.kh', role: 'manager' })).toEqual([DARA, SOPHEA]);
    expect(repsShown(REPS, SOPHEA.id, { email: 'sophea@lucky.kh', role: 'rep' })).toEqual([SOPHEA]);
    expect(repsShown(REPS, null, { email: 'x@lucky.kh', role: 'rep' })).toEqual([]);
    expect(repsShown(REPS, DARA.id, null)).toEqual([DARA]);
    expect(repsShown(REPS, null, null)).toEqual([DARA, SOPHEA]);
  });
});

describe('the owner filter', () => {
  it('round-trips through storage and reads anything else as everyone', () => {
    for (const choice of ['mine', 'all', 'none', { repId: SOPHEA.id }] as const) {
      expect(parseOwnerChoice(storedOwnerChoice(choice))).toEqual(choice);
    }
    expect(parseOwnerChoice(undefined)).toBe('all');
    expect(parseOwnerChoice(42)).toBe('all');
  });

  it('filters by this rep, one rep, records without an owner, or nothing', () => {
    expect(ownerFilterOf('mine', DARA.id)).toBe(DARA.id);
    expect(ownerFilterOf('mine', null)).toBeNull();
    expect(ownerFilterOf('all', DARA.id)).toBeNull();
    expect(ownerFilterOf('none', DARA.id)).toBe('none');
    expect(ownerFilterOf({ repId: SOPHEA.id }, DARA.id)).toBe(SOPHEA.id);
  });
});
