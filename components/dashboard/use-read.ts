import { useEffect, useState } from 'preact/hooks';
import type { CrmDb } from '@/lib/db/schema';
import type { Dashboard } from './app-model';

/**
 * Reads from the store for a view and reads again after every committed write (the app's revision) or when `deps`
 * change. A slow answer to an older question never overwrites a newer one.
 */
export function useRead<T>(app: Dashboard, read: (db: CrmDb) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const db = app.db.value;
  const revision = app.revision.value;
  useEffect(() => {
    if (!db) return;
    let current = true;
    read(db).then(
      (next) => {
        if (current) setValue(next);
      },
      (error: unknown) => {
        if (current) app.notify(String(error));
      },
    );
    return () => {
      current = false;
    };
  }, [db, revision, ...deps]);
  return value;
}
