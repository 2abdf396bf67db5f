import type { CrmDb, FieldClockRow, TeamSync } from '../db/schema';
import { wallOf } from '../sync/hlc';
import { canonicalJson } from '../sync/json';
import type { SyncEntity } from '../sync/protocol';
import type { ConflictView } from './contract';
import { repName } from './store';

/** Fields every write stamps: two reps editing different things both change them, which is no news to anyone. */
export const BOOKKEEPING = new Set(['updatedAt', 'createdAt', 'stageChangedAt', 'lastContactedAt', 'history']);

/**
 * The values of a record that were overwritten by a write made without seeing them ("changed by … while you were
 * offline: was …"), newest first, minus those the rep dismissed and those equal to what the field holds now.
 */
export function conflictViews(row: FieldClockRow | undefined, team: TeamSync): ConflictView[] {
  if (!row) return [];
  const dismissed = new Set(row.dismissed);
  const me = team.rep.id;
  return row.conflicts
    .filter((conflict) => conflict.silent && !dismissed.has(conflict.hlc) && !BOOKKEEPING.has(conflict.field))
    .filter((conflict) => {
      const now = row.fields[conflict.field];
      return now !== undefined && canonicalJson(now.value) !== canonicalJson(conflict.value);
    })
    .map((conflict) => {
      const winner = row.fields[conflict.field]?.by ?? null;
      return {
        field: conflict.field,
        value: conflict.value,
        hlc: conflict.hlc,
        by: repName(team, conflict.by),
        winner: repName(team, winner),
        kept: winner === null || winner === me,
        at: wallOf(conflict.hlc),
      };
    })
    .sort((a, b) => b.at - a.at);
}

export async function recordConflicts(db: CrmDb, team: TeamSync, entity: SyncEntity, id: string) {
  return conflictViews(await db.get('fieldClocks', [entity, id]), team);
}

/** Puts a conflict away on this browser; the team keeps it. */
export async function dismissConflict(db: CrmDb, entity: SyncEntity, id: string, hlc: string): Promise<void> {
  const tx = db.transaction('fieldClocks', 'readwrite');
  const row = await tx.store.get([entity, id]);
  if (row && !row.dismissed.includes(hlc)) await tx.store.put({ ...row, dismissed: [...row.dismissed, hlc] });
  await tx.done;
}
