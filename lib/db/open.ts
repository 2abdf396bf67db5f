import { openDB } from 'idb';
import { upgradeCrmDb } from './migrations';
import { type CrmDb, type CrmSchema, DB_NAME, DB_VERSION } from './schema';

/** `onClose` hears when this connection is closed under its holder, who should open a new one when next needed. */
export async function openCrmDb(
  name = DB_NAME,
  now: () => number = Date.now,
  onClose: () => void = () => undefined,
): Promise<CrmDb> {
  const db = await openDB<CrmSchema>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      upgradeCrmDb(database, oldVersion, tx, now());
    },
    blocking() {
      // A newer build (or a restore that deletes the store) wants it: step aside so it is not blocked forever.
      db.close();
      onClose();
    },
    terminated() {
      // The browser closed the connection (the profile's storage was cleared, or the disk failed).
      onClose();
    },
  });
  return db;
}
