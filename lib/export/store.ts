import { readBackupData } from '../backup/store';
import { toCsv } from '../csv/encode';
import type { CrmDb } from '../db/schema';
import {
  activitiesTable,
  type CsvTable,
  companiesTable,
  contactsTable,
  dealsTable,
  type ExportContext,
  indexById,
  tasksTable,
} from './tables';

export type CsvKind = 'contacts' | 'companies' | 'deals' | 'activities' | 'tasks';

const live = <T extends { deletedAt: number | null }>(records: T[]) => records.filter((r) => r.deletedAt === null);

/** Reads the store (a read, never a write) and builds the table of one kind of record. */
async function csvTable(db: CrmDb, kind: CsvKind, timeZone: string): Promise<CsvTable> {
  const data = await readBackupData(db);
  const context: ExportContext = {
    companiesById: indexById(data.companies),
    contactsById: indexById(data.contacts),
    dealsById: indexById(data.deals),
    pipelinesById: indexById(data.pipelines),
    sourcesById: indexById(data.sources),
    repsById: indexById(data.reps),
    propertyDefs: data.propertyDefs,
    timeZone,
  };
  switch (kind) {
    case 'contacts':
      return contactsTable(live(data.contacts), context);
    case 'companies':
      return companiesTable(live(data.companies), context);
    case 'deals':
      return dealsTable(live(data.deals), context);
    case 'activities':
      return activitiesTable(live(data.activities), context);
    case 'tasks':
      return tasksTable(live(data.tasks), context);
  }
}

/** The CSV text of one kind of live record, as the dashboard's export downloads it. */
export async function exportCsv(db: CrmDb, kind: CsvKind, timeZone: string): Promise<string> {
  const { headers, rows } = await csvTable(db, kind, timeZone);
  return toCsv(headers, rows);
}
