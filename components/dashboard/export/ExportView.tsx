import { useState } from 'preact/hooks';
import { createBackup } from '@/lib/backup/format';
import { readBackupData } from '@/lib/backup/store';
import { csvFileBytes } from '@/lib/csv/encode';
import { stripRow } from '@/lib/db/rows';
import type { CrmDb } from '@/lib/db/schema';
import { openTasks } from '@/lib/db/tasks';
import { type IcsLinks, tasksToIcs } from '@/lib/export/ics';
import { type CsvKind, exportCsv } from '@/lib/export/store';
import { indexById } from '@/lib/export/tables';
import { contactsToVCard } from '@/lib/export/vcard';
import type { MessageKey } from '@/lib/i18n/translate';
import type { Contact, Deal, Task } from '@/lib/model';
import { t } from '../../i18n';
import type { ViewProps } from '../view-props';
import { downloadFile, fileStamp } from './download';
import { RestoreSection } from './RestoreSection';
import '../import/import.css';

const CSV_KINDS: { kind: CsvKind; label: MessageKey }[] = [
  { kind: 'contacts', label: 'dash_entity_contact' },
  { kind: 'companies', label: 'dash_entity_company' },
  { kind: 'deals', label: 'dash_entity_deal' },
  { kind: 'activities', label: 'exp_activities' },
  { kind: 'tasks', label: 'dash_nav_tasks' },
];

const live = <T extends { deletedAt: number | null }>(records: T[]) => records.filter((r) => r.deletedAt === null);

/**
 * The contacts and deals the follow-ups name, read by id: the calendar needs a handful of records, not every store
 * the backup reads.
 */
async function followUpLinks(db: CrmDb, tasks: readonly Task[]): Promise<IcsLinks> {
  const idsOf = (pick: (task: Task) => string | null) => [
    ...new Set(tasks.map(pick).filter((id): id is string => id !== null)),
  ];
  const tx = db.transaction(['contacts', 'deals']);
  const [contacts, deals] = await Promise.all([
    Promise.all(idsOf((task) => task.contactId).map((id) => tx.objectStore('contacts').get(id))),
    Promise.all(idsOf((task) => task.dealId).map((id) => tx.objectStore('deals').get(id))),
  ]);
  return {
    contactsById: new Map(contacts.flatMap((row) => (row ? [[row.id, stripRow(row) as Contact]] : []))),
    dealsById: new Map(deals.flatMap((row) => (row ? [[row.id, stripRow(row) as Deal]] : []))),
  };
}

/**
 * Downloads of the CRM's data (CSV per record kind, vCard, a calendar of the open follow-ups, the full backup) and
 * restore from a backup.
 */
export function ExportView({ app }: ViewProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const db = app.db.value;

  const run = async (what: string, work: (db: CrmDb) => Promise<string>) => {
    if (!db) return;
    setBusy(what);
    setMessage(null);
    try {
      const name = await work(db);
      setMessage(t('exp_downloaded', { name }));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  const downloadCsv = (kind: CsvKind) =>
    run(kind, async (database) => {
      const csv = await exportCsv(database, kind, app.timeZone.value);
      const name = `sidecar-${kind}-${fileStamp(Date.now())}.csv`;
      downloadFile(name, [csvFileBytes(csv).slice()], 'text/csv');
      return name;
    });

  const downloadVCard = () =>
    run('vcard', async (database) => {
      const data = await readBackupData(database);
      const name = `sidecar-contacts-${fileStamp(Date.now())}.vcf`;
      downloadFile(name, [contactsToVCard(live(data.contacts), indexById(data.companies))], 'text/vcard');
      return name;
    });

  const downloadCalendar = () =>
    run('ics', async (database) => {
      const tasks = await openTasks(database);
      const name = `sidecar-follow-ups-${fileStamp(Date.now())}.ics`;
      const links = await followUpLinks(database, tasks);
      downloadFile(name, [tasksToIcs(tasks, links, Date.now(), t('exp_ics_calendar'))], 'text/calendar');
      return name;
    });

  const downloadBackup = () =>
    run('backup', async (database) => {
      const backup = createBackup(await readBackupData(database), Date.now());
      const name = `sidecar-backup-${fileStamp(backup.exportedAt)}.json`;
      downloadFile(name, [JSON.stringify(backup)], 'application/json');
      return name;
    });

  const downloads: { id: string; title: MessageKey; hint: MessageKey; label: MessageKey; run(): Promise<void> }[] = [
    {
      id: 'exp-vcard-title',
      title: 'exp_vcard',
      hint: 'exp_vcard_hint',
      label: 'exp_download_vcard',
      run: downloadVCard,
    },
    { id: 'exp-ics-title', title: 'exp_ics', hint: 'exp_ics_hint', label: 'exp_download_ics', run: downloadCalendar },
    {
      id: 'exp-backup-title',
      title: 'exp_backup',
      hint: 'exp_backup_hint',
      label: 'exp_download_backup',
      run: downloadBackup,
    },
  ];

  return (
    <div class="exp">
      <h2>{t('exp_title')}</h2>
      <section aria-labelledby="exp-csv-title">
        <h3 id="exp-csv-title">{t('exp_csv')}</h3>
        <p class="muted">{t('exp_csv_hint')}</p>
        <div class="row">
          {CSV_KINDS.map(({ kind, label }) => (
            <button key={kind} type="button" disabled={busy !== null} onClick={() => void downloadCsv(kind)}>
              {t('exp_download_csv', { what: t(label) })}
            </button>
          ))}
        </div>
      </section>
      {downloads.map((d) => (
        <section key={d.id} aria-labelledby={d.id}>
          <h3 id={d.id}>{t(d.title)}</h3>
          <p class="muted">{t(d.hint)}</p>
          <button type="button" disabled={busy !== null} onClick={() => void d.run()}>
            {t(d.label)}
          </button>
        </section>
      ))}
      <p role="status" aria-live="polite">
        {busy ? t('exp_preparing') : message}
      </p>
      <RestoreSection app={app} />
    </div>
  );
}
