import { putRecord, recordTx } from '../db/record-write';
import type { CrmDb } from '../db/schema';
import { SYNC_ENTITIES } from '../sync/protocol';

const SEED_BATCH = 500;

/**
 * Queues, whole, every live record written before this browser joined (the ones with no field clocks yet), a batch
 * per transaction, so a stopped worker resumes where it was. Tombstones stay behind: the team never had them.
 */
export async function seedOutbox(db: CrmDb): Promise<number> {
  let queued = 0;
  for (const store of SYNC_ENTITIES) {
    let after: string | null = null;
    for (;;) {
      const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
      const tx = recordTx(db, store);
      const rows = await tx.objectStore(store).getAll(range, SEED_BATCH);
      for (const row of rows) {
        if (row.deletedAt !== null) continue;
        if ((await tx.objectStore('fieldClocks').getKey([store, row.id])) !== undefined) continue;
        await putRecord(tx, store, row);
        queued++;
      }
      await tx.done;
      if (rows.length < SEED_BATCH) break;
      after = rows[rows.length - 1]?.id ?? null;
    }
  }
  return queued;
}
