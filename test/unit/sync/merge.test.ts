import fc from 'fast-check';
import { type Clock, compare, format, type Hlc, newClock, receive, tick } from '@/lib/sync/hlc';
import {
  applyChange,
  type Conflict,
  emptyState,
  type FieldWrite,
  MAX_LOSERS_PER_FIELD,
  merge,
  type RecordState,
  sameState,
} from '@/lib/sync/merge';

/**
 * A small world of devices writing fields of a few records, each on its own skewed wall clock, now and then
 * receiving what another device knows (so later writes are made on top of earlier ones, as after a pull). Every
 * write is kept as the mutation it would push. The properties are then checked on the service's side of things:
 * all those mutations, in any order and any number of times.
 */
const RECORDS = ['r1', 'r2'];
const FIELDS = ['name', 'stage', 'deletedAt'];
const DEVICES = ['devA', 'devB', 'devC', 'devD'];

type Step =
  | { kind: 'write'; device: number; record: number; field: number; value: number; advance: number }
  | { kind: 'sync'; from: number; to: number; advance: number };

interface Mutation {
  record: string;
  field: string;
  write: FieldWrite;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      device: fc.nat(DEVICES.length - 1),
      record: fc.nat(RECORDS.length - 1),
      field: fc.nat(FIELDS.length - 1),
      value: fc.nat(5),
      advance: fc.nat(3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      from: fc.nat(DEVICES.length - 1),
      to: fc.nat(DEVICES.length - 1),
      advance: fc.nat(3),
    }),
  },
);

function run(steps: Step[], skews: number[]): { mutations: Mutation[]; stores: Map<string, RecordState>[] } {
  const clocks: Clock[] = DEVICES.map((d) => newClock(d));
  const stores = DEVICES.map(() => new Map<string, RecordState>());
  const mutations: Mutation[] = [];
  let time = 1000;
  for (const s of steps) {
    time += s.advance;
    if (s.kind === 'write') {
      const device = s.device;
      const record = RECORDS[s.record]!;
      const field = FIELDS[s.field]!;
      clocks[device] = tick(clocks[device]!, time + skews[device]!);
      const local = stores[device]!.get(record);
      const write: FieldWrite = {
        value: { v: s.value, note: ['x', s.value] },
        hlc: format(clocks[device]!),
        base: local?.fields[field]?.hlc ?? null,
        by: `rep-${device}`,
      };
      stores[device]!.set(record, applyChange(local ?? null, { [field]: write }));
      mutations.push({ record, field, write });
    } else {
      for (const [record, state] of stores[s.from]!) {
        for (const write of Object.values(state.fields)) {
          clocks[s.to] = receive(clocks[s.to]!, write.hlc, time + skews[s.to]!);
        }
        stores[s.to]!.set(record, merge(stores[s.to]!.get(record) ?? emptyState(), state));
      }
    }
  }
  return { mutations, stores };
}

/** A deterministic shuffle with repeats: the same mutation may arrive twice, as after a lost acknowledgement. */
function delivery(mutations: Mutation[], seed: number): Mutation[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const list = [...mutations, ...mutations.filter(() => random() < 0.3)];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function apply(mutations: Mutation[]): Map<string, RecordState> {
  const records = new Map<string, RecordState>();
  for (const m of mutations) records.set(m.record, applyChange(records.get(m.record) ?? null, { [m.field]: m.write }));
  return records;
}

const world = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 80 }),
  skews: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: DEVICES.length, maxLength: DEVICES.length }),
  seeds: fc.array(fc.integer(), { minLength: 3, maxLength: 3 }),
});

describe('merging records field by field', () => {
  it('converges to one state from any order and duplication of the same mutations', () => {
    fc.assert(
      fc.property(world, ({ steps, skews, seeds }) => {
        const { mutations, stores } = run(steps, skews);
        const [first, ...others] = seeds.map((seed) => apply(delivery(mutations, seed)));
        for (const other of others) {
          expect([...other.keys()].sort()).toEqual([...first!.keys()].sort());
          for (const [record, state] of other) expect(sameState(state, first!.get(record)!)).toBe(true);
        }
        // A device that pulls the service's state and merges its own into it ends where the service is.
        for (const store of stores) {
          for (const [record, state] of store) {
            expect(sameState(merge(state, first!.get(record)!), first!.get(record)!)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('loses no acknowledged write: each field holds its highest-stamped write, the next ones kept as conflicts', () => {
    fc.assert(
      fc.property(world, ({ steps, skews, seeds }) => {
        const { mutations } = run(steps, skews);
        const records = apply(delivery(mutations, seeds[0]!));
        for (const record of RECORDS) {
          for (const field of FIELDS) {
            const writes = mutations
              .filter((m) => m.record === record && m.field === field)
              .map((m) => m.write)
              .sort((a, b) => compare(b.hlc, a.hlc));
            const state = records.get(record);
            if (writes.length === 0) {
              expect(state?.fields[field]).toBeUndefined();
              continue;
            }
            expect(state!.fields[field]).toEqual(writes[0]);
            const kept = state!.conflicts.filter((c) => c.field === field);
            expect(kept.map((c) => c.hlc)).toEqual(writes.slice(1, 1 + MAX_LOSERS_PER_FIELD).map((w) => w.hlc));
            for (const conflict of kept) {
              const knowingly = writes.some((w) => w.base === conflict.hlc);
              expect(conflict).toMatchObject({ value: expect.anything(), lostTo: writes[0]!.hlc, silent: !knowingly });
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is commutative, associative and idempotent on any states, even with two writes under one stamp', () => {
    const stamp = fc
      .record({ wall: fc.nat(4), counter: fc.nat(2), device: fc.constantFrom('a', 'b') })
      .map(({ wall, counter, device }) => format({ wall, counter, deviceId: device }));
    const write = fc.record({
      field: fc.constantFrom('name', 'stage'),
      value: fc.oneof(fc.nat(3), fc.constant(null), fc.record({ k: fc.nat(2), j: fc.nat(2) })),
      hlc: stamp,
      base: fc.option(stamp, { nil: null }),
      by: fc.option(fc.constantFrom('r1', 'r2'), { nil: null }),
    });
    const state = fc
      .array(write, { maxLength: 12 })
      .map((writes) =>
        writes.reduce<RecordState>((s, { field, ...w }) => applyChange(s, { [field]: w }), emptyState()),
      );
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        expect(sameState(merge(a, b), merge(b, a))).toBe(true);
        expect(sameState(merge(merge(a, b), c), merge(a, merge(b, c)))).toBe(true);
        expect(sameState(merge(a, a), a)).toBe(true);
        expect(sameState(merge(a, emptyState()), a)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('shows a value overwritten without being seen as a silent conflict, and an ordinary edit as none', () => {
    const stamp = (wall: number, device: string): Hlc => format({ wall, counter: 0, deviceId: device });
    const w = (value: string, hlc: Hlc, base: Hlc | null, by: string): FieldWrite => ({ value, hlc, base, by });
    const created = w('Dara', stamp(1, 'a'), null, 'rep-a');
    // B saw "Dara" and renamed it: an edit. A, offline, had renamed it too, earlier: lost without being seen.
    const offline = w('Dara S.', stamp(2, 'a'), created.hlc, 'rep-a');
    const online = w('Dara Sok', stamp(3, 'b'), created.hlc, 'rep-b');
    const state = [created, online, offline].reduce<RecordState>((s, x) => applyChange(s, { name: x }), emptyState());
    expect(state.fields.name).toEqual(online);
    expect(state.conflicts).toEqual<Conflict[]>([
      { field: 'name', ...offline, lostTo: online.hlc, silent: true },
      { field: 'name', ...created, lostTo: online.hlc, silent: false },
    ]);
  });
});
