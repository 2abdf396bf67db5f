import type { BackupChunk, BackupData } from '@/lib/backup/format';

/**
 * The order a restore writes a backup in, cut into chunks small enough for one RPC message each. Configuration
 * comes first (a merge writes it record by record; a replace wrote it already with replaceBackupConfig), then
 * companies before the contacts and deals whose search keys carry their company's name.
 */
const CONFIG = ['propertyDefs', 'pipelines', 'sources', 'reps'] as const;
const RECORDS = [
  'companies',
  'contacts',
  'deals',
  'activities',
  'tasks',
  'closeReasons',
  'competitors',
  'templates',
  'plans',
  'planBudgetLines',
  'planOwners',
  'planTargets',
] as const;

export const RESTORE_CHUNK = 500;
const RESTORE_CHARS = 4_000_000;

export function* restoreSteps(
  data: BackupData,
  mode: 'replace' | 'merge',
  chunk = RESTORE_CHUNK,
): Generator<BackupChunk, void, undefined> {
  const collections = mode === 'merge' ? [...CONFIG, ...RECORDS] : RECORDS;
  for (const collection of collections) {
    const records: readonly unknown[] = data[collection];
    let start = 0;
    while (start < records.length) {
      let end = start;
      let chars = 0;
      // A contact may carry 100 KB of custom text: cut by size too, so no message nears the router's 8 MB cap.
      while (end < records.length && end - start < chunk && (end === start || chars < RESTORE_CHARS)) {
        chars += JSON.stringify(records[end]).length;
        end++;
      }
      yield { collection, records: records.slice(start, end) } as BackupChunk;
      start = end;
    }
  }
}

/** How many records a restore writes at most, for its progress bar. */
export function restoreTotal(data: BackupData, mode: 'replace' | 'merge'): number {
  const collections = mode === 'merge' ? [...CONFIG, ...RECORDS] : RECORDS;
  return collections.reduce((sum, collection) => sum + data[collection].length, 0);
}
