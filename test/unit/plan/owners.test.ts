import { describe, expect, it } from 'vitest';
import { BUILT_IN_KIND_IDS, newRecordBase, type PlanOwner } from '@/lib/model';
import { currentOwners, ownerHistory, previousOwner, subjectOf } from '@/lib/plan/owners';

const DARA = '0195f0a0-0000-7000-8000-00000000000a';
const SOPHEA = '0195f0a0-0000-7000-8000-00000000000b';

function change(at: number, fields: Partial<PlanOwner>): PlanOwner {
  return { ...newRecordBase(at), part: 'training', kindId: null, repId: DARA, changedBy: DARA, at, ...fields };
}

describe("the owners' history", () => {
  const first = change(100, {});
  const handed = change(200, { repId: SOPHEA, changedBy: DARA });
  const complaint = change(150, { part: null, kindId: BUILT_IN_KIND_IDS.complaint, repId: SOPHEA, changedBy: SOPHEA });
  const rows = [handed, complaint, first];

  it('names each part and kind by its newest change', () => {
    const current = currentOwners(rows);
    expect(current.get('part:training')?.repId).toBe(SOPHEA);
    expect(current.get(`kind:${BUILT_IN_KIND_IDS.complaint}`)?.changedBy).toBe(SOPHEA);
    expect(current.has('part:tools')).toBe(false);
  });

  it('keeps every change newest first, each with the owner before it', () => {
    expect(ownerHistory(rows).map((row) => row.at)).toEqual([200, 150, 100]);
    expect(previousOwner(rows, handed)?.repId).toBe(DARA);
    expect(previousOwner(rows, first)).toBeUndefined();
    expect(subjectOf(complaint)).toBe(`kind:${BUILT_IN_KIND_IDS.complaint}`);
  });

  it('orders two changes made in the same millisecond the same way in every browser', () => {
    const a = change(300, { repId: DARA });
    const b = change(300, { repId: SOPHEA });
    expect(currentOwners([a, b]).get('part:training')?.id).toBe(currentOwners([b, a]).get('part:training')?.id);
  });
});
