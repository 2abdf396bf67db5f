import { describe, expect, it } from 'vitest';
import { backupContract } from '@/lib/backup/contract';
import { RECORD_COLLECTIONS } from '@/lib/backup/format';

describe('backup.put', () => {
  // Every synced store is in a backup, so a restore must be able to send each one's records back.
  it.each(RECORD_COLLECTIONS)('takes a chunk of %s', (collection) => {
    const parsed = backupContract['backup.put'].input.safeParse({ mode: 'merge', chunk: { collection, records: [] } });
    expect(parsed.success).toBe(true);
  });

  it('refuses a collection no backup has', () => {
    const parsed = backupContract['backup.put'].input.safeParse({
      mode: 'merge',
      chunk: { collection: 'outbox', records: [] },
    });
    expect(parsed.success).toBe(false);
  });
});
