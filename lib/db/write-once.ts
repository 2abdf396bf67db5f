import type { SyncEntity } from '../sync/protocol';
import { commit } from './errors';
import { putRecord, type RecordRow, recordTx } from './record-write';
import type { CrmDb } from './schema';

/**
 * Adds `row` unless a row with its id is already there, and answers whichever is stored. Callers pass a
 * request id as the record id, which makes a create safe to repeat: the worker may stop after committing but
 * before answering, and the page then sends the same call again.
 */
export async function addOnce<S extends SyncEntity>(db: CrmDb, store: S, row: RecordRow<S>): Promise<RecordRow<S>> {
  const tx = recordTx(db, store);
  return commit(tx, async () => {
    const existing = (await tx.objectStore(store).get(row.id)) as RecordRow<S> | undefined;
    if (existing === undefined) await putRecord(tx, store, row, 'add');
    return existing ?? row;
  });
}
