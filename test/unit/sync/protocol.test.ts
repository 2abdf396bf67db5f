import { format } from '@/lib/sync/hlc';
import { MAX_MUTATIONS_PER_PUSH, pullQuerySchema, pushRequestSchema } from '@/lib/sync/protocol';

const DEVICE = 'a1b2c3d4e5f6a7b8c9d0';
const ID = '0190f5a0-1111-7000-8000-000000000001';
const stamp = (wall: number, deviceId = DEVICE) => format({ wall, counter: 0, deviceId });

function push(overrides: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) {
  return {
    deviceId: DEVICE,
    mutations: [
      {
        seq: 1,
        entity: 'contacts',
        id: ID,
        fields: { name: { value: 'Sok Dara', hlc: stamp(1), base: null }, ...fields },
      },
    ],
    ...overrides,
  };
}

const issues = (value: unknown) => pushRequestSchema.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('the push body', () => {
  it('takes a batch of field changes of the stores that sync', () => {
    expect(issues(push({}, { deletedAt: { value: 1733456789012, hlc: stamp(2), base: stamp(1) } }))).toEqual([]);
  });

  it('refuses unknown fields at every level, and fields the store derives', () => {
    expect(issues(push({ extra: 1 }))).toEqual(['']);
    expect(issues(push({}, { emailKeys: { value: [], hlc: stamp(1), base: null } }))).toEqual([
      'mutations.0.fields.emailKeys',
    ]);
    expect(issues(push({}, { id: { value: ID, hlc: stamp(1), base: null } }))).toEqual(['mutations.0.fields.id']);
    expect(issues(push({}, { name: { value: 'x', hlc: stamp(1), base: null, by: 'me' } }))).toEqual([
      'mutations.0.fields.name',
    ]);
  });

  it('checks each value with the schema the extension stores it with', () => {
    expect(issues(push({}, { lifecycle: { value: 'bogus', hlc: stamp(1), base: null } }))).toEqual([
      'mutations.0.fields.lifecycle.value',
    ]);
    expect(issues(push({}, { name: { value: 'x'.repeat(201), hlc: stamp(1), base: null } }))).toEqual([
      'mutations.0.fields.name.value',
    ]);
  });

  it('refuses a stamp made by another device', () => {
    expect(issues(push({}, { name: { value: 'x', hlc: stamp(1, 'other'), base: null } }))).toEqual([
      'mutations.0.fields.name.hlc',
    ]);
  });

  it('wants mutation numbers that follow each other, and no more than a batch', () => {
    const mutation = push().mutations[0]!;
    const two = (a: number, b: number) =>
      push({
        mutations: [
          { ...mutation, seq: a },
          { ...mutation, seq: b },
        ],
      });
    expect(issues(two(4, 5))).toEqual([]);
    expect(issues(two(4, 6))).toEqual(['mutations.1.seq']);
    expect(issues(two(4, 4))).toEqual(['mutations.1.seq']);
    const many = Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, (_, i) => ({ ...mutation, seq: i + 1 }));
    expect(issues(push({ mutations: many }))).toEqual(['mutations']);
    expect(issues(push({ mutations: [] }))).toEqual(['mutations']);
  });
});

describe('the pull query', () => {
  it('reads numbers from the query string and bounds the page', () => {
    expect(pullQuerySchema.parse({ cursor: '42' })).toEqual({ cursor: 42, limit: 500 });
    expect(pullQuerySchema.safeParse({ cursor: '0', limit: '1001' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ cursor: '-1' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ cursor: '1', token: 'x' }).success).toBe(false);
  });
});
