import type { StoreNames } from 'idb';
import { commit } from './errors';
import type { CrmDb, CrmSchema } from './schema';

/**
 * Adds `row` unless a row with its id is already there, and answers whichever is stored. Callers pass a
 * request id as the record id, which makes a create safe to repeat: the worker may stop after committing but
 * before answering, and the page then sends the same call again.
 */
export async function addOnce<S extends StoreNames<CrmSchema>>(
  db: CrmDb,
  store: S,
  row: CrmSchema[S]['value'] & { id: string },
): Promise<CrmSchema[S]['value']> {
  const tx = db.transaction(store, 'readwrite');
  return commit(tx, async () => {
    const existing = await tx.store.get(row.id as CrmSchema[S]['key']);
    if (existing === undefined) await tx.store.add(row);
    return existing ?? row;
  });
}
