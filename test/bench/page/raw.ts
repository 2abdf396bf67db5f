/**
 * The baselines: plain IndexedDB calls with no idb wrapper, no zod and no row building, on the same database and
 * indexes as the store code they are compared with.
 */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export function rawIndexGet(db: IDBDatabase, store: string, index: string, key: IDBValidKey): Promise<unknown> {
  return request(db.transaction(store).objectStore(store).index(index).get(key));
}

/** The first `count` rows of an index whose keys start with `prefix`: what a search costs at the very least. */
export function rawPrefixRead(
  db: IDBDatabase,
  store: string,
  index: string,
  prefix: string,
  count = 20,
): Promise<unknown[]> {
  const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  return request(db.transaction(store).objectStore(store).index(index).getAll(range, count));
}

/** Every row of a store through a cursor, as a full scan would read them. */
export function rawScan(db: IDBDatabase, store: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    const req = db.transaction(store).objectStore(store).openCursor();
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) {
        resolve(rows);
        return;
      }
      rows++;
      cursor.continue();
    };
  });
}

/** Puts prebuilt rows, `perTransaction` to a transaction, and resolves when the last one has committed. */
export async function rawBulkPut(
  db: IDBDatabase,
  store: string,
  rows: readonly unknown[],
  perTransaction = 10_000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += perTransaction) {
    const tx = db.transaction(store, 'readwrite');
    const os = tx.objectStore(store);
    for (let i = start; i < Math.min(rows.length, start + perTransaction); i++) os.put(rows[i]);
    await done(tx);
  }
}

export async function deleteDatabase(name: string): Promise<void> {
  await request(indexedDB.deleteDatabase(name));
}
