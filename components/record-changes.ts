import { useEffect, useState } from 'preact/hooks';
import type { SyncEntity } from '@/lib/sync/protocol';
import type { RecordChanges } from '@/lib/team/contract';
import { call } from '@/lib/worker/client';

/**
 * Who changed a record, read again whenever `stamp` moves (the record's updatedAt, or a page's revision); null for a
 * lone rep, whose browser has no one else to name, and while it is read.
 */
export function useRecordChanges(entity: SyncEntity, id: string, stamp: number): RecordChanges | null {
  const [changes, setChanges] = useState<RecordChanges | null>(null);
  useEffect(() => {
    let current = true;
    call('team.changes', { entity, id }).then(
      (found) => current && setChanges(found),
      () => current && setChanges(null),
    );
    return () => {
      current = false;
    };
  }, [entity, id, stamp]);
  return changes;
}
