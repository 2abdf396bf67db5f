import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import type { backupContract } from './contract';
import { putBackupRecords, replaceBackupConfig } from './store';

export function createBackupHandlers(s: WorkerServices): HandlersOf<typeof backupContract> {
  return {
    'backup.replaceConfig': async (config) => {
      await replaceBackupConfig(s.db, config, s.now());
      s.changed(['settings', 'pipelines', 'sources', 'reps', 'propertyDefs']);
      return true as const;
    },
    'backup.put': async ({ mode, chunk }) => {
      const result = await putBackupRecords(s.db, chunk, mode);
      const store = chunk.collection;
      // A renamed or deleted company re-keys its people and deals (rekeyCompanyLinks).
      s.changed(store === 'companies' ? ['companies', 'contacts', 'deals'] : [store]);
      // Restored tasks need their reminders armed: alarms are a cache of the store.
      if (chunk.collection === 'tasks' && result.written > 0) await s.tasksChanged();
      return result;
    },
  };
}
