import { openDB } from 'idb';
import { type CrmDb, type CrmSchema, DB_NAME, DB_VERSION, upgradeCrmDb } from './schema';

export async function openCrmDb(name = DB_NAME, now: () => number = Date.now): Promise<CrmDb> {
  const db = await openDB<CrmSchema>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      upgradeCrmDb(database, oldVersion, tx, now());
    },
    blocking() {
      // A newer build wants to upgrade: step aside so it is not blocked forever by this old connection.
      db.close();
    },
  });
  return db;
}
