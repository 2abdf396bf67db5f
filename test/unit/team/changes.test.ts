import { describe, expect, it } from 'vitest';
import type { FieldClockRow, TeamSync } from '@/lib/db/schema';
import { newClock } from '@/lib/sync/hlc';
import { MAX_HISTORY, recordChanges } from '@/lib/team/changes';

const DARA = '0195f0a0-0000-7000-8000-00000000aaaa';
const SOPHEA = '0195f0a0-0000-7000-8000-00000000bbbb';
const CONTACT = '0195f0a0-0000-7000-8000-00000000cccc';
const T0 = Date.UTC(2026, 11, 6, 3, 0);

const team: TeamSync = {
  serverUrl: 'https://crm.lucky.kh',
  team: { id: '0195f0a0-0000-7000-8000-000000000001', name: 'Lucky Retail' },
  rep: { id: DARA, name: 'Dara', email: 'dara@lucky.kh', role: 'manager' },
  deviceId: 'dev_1',
  deviceName: 'Laptop',
  token: 't',
  joinedAt: T0,
  cursor: 0,
  teamVersion: 0,
  clock: newClock('dev_1'),
  nextSeq: 1,
  seeded: true,
  reps: [
    { id: DARA, name: 'Dara', email: 'dara@lucky.kh', role: 'manager' },
    { id: SOPHEA, name: 'Sophea', email: 'sophea@lucky.kh', role: 'rep' },
  ],
  lastSyncAt: null,
  lastError: null,
};

const stamp = (at: number, device = 'dev_1') => `${at}-000000-${device}`;
const write = (value: unknown, at: number, by: string | null, device = 'dev_1') => ({
  value: value as never,
  hlc: stamp(at, device),
  base: null,
  by,
});

describe('who changed what on a record', () => {
  it('names the rep of each write, newest first, the creation included, bookkeeping left out', () => {
    const row: FieldClockRow = {
      entity: 'contacts',
      id: CONTACT,
      fields: {
        name: write('Sokha', T0, DARA),
        createdAt: write(T0, T0, DARA),
        // What a new record starts with when nobody typed it, and a link no rep sets, are no news.
        phones: write([], T0, DARA),
        companyId: write(null, T0, DARA),
        mergedInto: write(null, T0, DARA),
        jobTitle: write('Buyer', T0 + 60_000, SOPHEA, 'dev_2'),
        // Emptied later, by hand: that is news.
        sourceId: write(null, T0 + 60_000, SOPHEA, 'dev_2'),
        updatedAt: write(T0 + 60_000, T0 + 60_000, SOPHEA, 'dev_2'),
        // A save of only what every save stamps is no change anyone made.
        lastContactedAt: write(T0 + 120_000, T0 + 120_000, DARA),
      },
      conflicts: [
        {
          field: 'jobTitle',
          ...write('Director', T0 + 30_000, DARA),
          lostTo: stamp(T0 + 60_000, 'dev_2'),
          silent: true,
        },
      ],
      dismissed: [],
    };
    const changes = recordChanges(row, team);
    expect(changes.last).toEqual({ by: 'Sophea', at: T0 + 60_000 });
    expect(changes.history).toEqual([
      {
        hlc: stamp(T0 + 60_000, 'dev_2'),
        by: 'Sophea',
        at: T0 + 60_000,
        created: false,
        fields: [
          { field: 'jobTitle', value: 'Buyer' },
          { field: 'sourceId', value: null },
        ],
      },
      {
        hlc: stamp(T0 + 30_000),
        by: 'Dara',
        at: T0 + 30_000,
        created: false,
        fields: [{ field: 'jobTitle', value: 'Director' }],
      },
      { hlc: stamp(T0), by: 'Dara', at: T0, created: true, fields: [{ field: 'name', value: 'Sokha' }] },
    ]);
  });

  it('names this rep for a write the service has not stamped yet, and says nothing of a record it has no clocks of', () => {
    const row: FieldClockRow = {
      entity: 'deals',
      id: CONTACT,
      fields: { title: write('Fleet', T0, null) },
      conflicts: [],
      dismissed: [],
    };
    expect(recordChanges(row, team).last).toEqual({ by: 'Dara', at: T0 });
    expect(recordChanges(undefined, team)).toEqual({ last: null, history: [] });
  });

  it('lists at most the latest writes, and a rep the team no longer lists as nobody named', () => {
    const fields = Object.fromEntries(
      Array.from({ length: MAX_HISTORY + 5 }, (_, i) => [
        `custom${i}`,
        write(i, T0 + i * 1000, i === MAX_HISTORY + 4 ? '0195f0a0-0000-7000-8000-00000000dddd' : DARA),
      ]),
    );
    const changes = recordChanges({ entity: 'contacts', id: CONTACT, fields, conflicts: [], dismissed: [] }, team);
    expect(changes.history).toHaveLength(MAX_HISTORY);
    expect(changes.history[0]).toMatchObject({ by: null, at: T0 + (MAX_HISTORY + 4) * 1000 });
    expect(changes.last?.by).toBeNull();
  });
});
