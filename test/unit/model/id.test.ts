import { describe, expect, it } from 'vitest';
import { newId, newRecordBase, recordId } from '../../../lib/model';

const timeOf = (id: string) => Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('newId', () => {
  it('makes version 7 UUIDs that the record schema accepts', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(recordId.safeParse(id).success).toBe(true);
  });

  it('starts with the creation time, so a later record sorts later', () => {
    const now = Date.now() + 60_000;
    const id = newId(now);
    expect(timeOf(id)).toBe(now);
    expect(newId(now + 1) > id).toBe(true);
  });

  it('keeps counting up within one millisecond, past the 12-bit sequence, without repeating', () => {
    const now = Date.now() + 120_000;
    const ids = Array.from({ length: 10_000 }, () => newId(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // 10,000 ids cannot all fit one millisecond's 4,096 sequence numbers: the time field moved on instead.
    expect(timeOf(ids.at(-1) ?? '')).toBeGreaterThan(now);
  });

  it('does not go backwards when the clock does', () => {
    const ahead = newId(Date.now() + 180_000);
    const behind = newId(Date.now());
    expect(behind > ahead).toBe(true);
  });

  it('is what a new record gets unless it is given one', () => {
    const first = newRecordBase(1).id;
    const second = newRecordBase(1).id;
    expect(second > first).toBe(true);
    expect(newRecordBase(1, '3f1e9a52-1c1b-4c1a-9d8e-0a1b2c3d4e5f').id).toBe('3f1e9a52-1c1b-4c1a-9d8e-0a1b2c3d4e5f');
  });
});
