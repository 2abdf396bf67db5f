import { useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n/translate';
import type { ImportSummaryView } from '@/lib/import/contract';
import { listImports } from '@/lib/import/journal';
import { formatDateTime, t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { ConfirmButton } from '../ConfirmButton';
import { useRead } from '../use-read';
import type { ImportWizard } from './import-model';

const ENTITY_LABEL: Record<ImportSummaryView['entity'], MessageKey> = {
  contacts: 'dash_entity_contact',
  companies: 'dash_entity_company',
  deals: 'dash_entity_deal',
};
const STATUS_LABEL: Record<ImportSummaryView['status'], MessageKey> = {
  running: 'imp_status_running',
  done: 'imp_status_done',
  cancelled: 'imp_status_cancelled',
  undone: 'imp_status_undone',
};

/** Past imports, newest first, with Undo for each and Resume for one that stopped before its last row. */
export function ImportHistory({ app, wizard }: { app: Dashboard; wizard: ImportWizard }) {
  const imports = useRead(app, (db) => listImports(db), []);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section aria-labelledby="imp-history-title">
      <h3 id="imp-history-title">{t('imp_history')}</h3>
      {!imports ? (
        <p class="muted">{t('loading')}</p>
      ) : imports.length === 0 ? (
        <p class="muted">{t('imp_history_empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="imp-table">
            <thead>
              <tr>
                <th scope="col">{t('imp_h_file')}</th>
                <th scope="col">{t('imp_h_kind')}</th>
                <th scope="col">{t('imp_h_when')}</th>
                <th scope="col">{t('imp_h_rows')}</th>
                <th scope="col">{t('imp_h_status')}</th>
                <th scope="col">{t('dash_actions')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((record) => {
                const driving = wizard.runningId.value === record.id;
                const resumable = !driving && (record.status === 'running' || record.status === 'cancelled');
                const undoable = !driving && (record.status !== 'undone' || record.pages > 0);
                const busy = wizard.busyUndo.value === record.id;
                return (
                  <tr key={record.id}>
                    <th scope="row">{record.fileName}</th>
                    <td>{t(ENTITY_LABEL[record.entity])}</td>
                    <td>{formatDateTime(record.startedAt, app.timeZone.value)}</td>
                    <td>
                      {record.processedRows} / {record.totalRows}
                    </td>
                    <td>{t(STATUS_LABEL[record.status])}</td>
                    <td>
                      {confirming === record.id ? (
                        <ConfirmButton
                          question={t('imp_undo_confirm', { name: record.fileName })}
                          confirmLabel={t('dash_undo')}
                          onConfirm={() => {
                            setConfirming(null);
                            void wizard.undo(record);
                          }}
                          onCancel={() => setConfirming(null)}
                        />
                      ) : (
                        <div class="row">
                          {resumable && (
                            <button
                              type="button"
                              aria-label={t('imp_resume_named', { name: record.fileName })}
                              onClick={() => {
                                wizard.startResume(record);
                                document.getElementById('imp-file')?.focus();
                              }}
                            >
                              {t('imp_resume')}
                            </button>
                          )}
                          {undoable && (
                            <button
                              type="button"
                              disabled={busy}
                              aria-label={t('imp_undo_named', { name: record.fileName })}
                              onClick={() => setConfirming(record.id)}
                            >
                              {busy
                                ? t('imp_undoing')
                                : record.status === 'undone'
                                  ? t('imp_finish_undo')
                                  : t('dash_undo')}
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
