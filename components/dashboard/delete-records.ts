import type { TableEntity } from '@/lib/db/views';
import { call } from '@/lib/worker/client';
import { t } from '../i18n';
import type { Dashboard } from './app-model';

/**
 * Tombstones records, from a record page or a table's selection; the toast says how many went and offers them back,
 * a company with the links to its contacts and deals that the deletion undid. Resolves to what was deleted, or null.
 */
export function deleteRecords(app: Dashboard, entity: TableEntity, ids: string[]) {
  return app.undoable(
    () => call('records.setDeleted', { entity, ids, deleted: true }),
    (done) => t('dash_deleted_n', { count: done.ids.length }),
    (done) => call('records.setDeleted', { entity, ids: done.ids, deleted: false, links: done.links }),
  );
}
