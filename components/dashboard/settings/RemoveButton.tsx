import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/**
 * Removes a rep or a source: a tombstone, so the records that point at it keep pointing; the toast offers it back.
 * `setDeletedAt` saves the same item with the tombstone set (a time) or cleared (null).
 */
export function RemoveButton({
  app,
  name,
  setDeletedAt,
}: {
  app: Dashboard;
  name: string;
  setDeletedAt(deletedAt: number | null): Promise<unknown>;
}) {
  return (
    <button
      type="button"
      aria-label={t('dash_remove_named', { name })}
      onClick={() =>
        void app.undoable(
          () => setDeletedAt(Date.now()),
          t('dash_removed_named', { name }),
          () => setDeletedAt(null),
        )
      }
    >
      {t('dash_remove')}
    </button>
  );
}
