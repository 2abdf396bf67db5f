import { getSettings, listPipelines } from '../db/config';
import { stripRow } from '../db/rows';
import type { CrmDb } from '../db/schema';
import { listThreadFacts } from '../db/thread-facts';
import type { Activity, Contact, Deal, Settings, Task } from '../model';
import { reportPlanSummary } from '../plan/report';
import { loadServiceRecords } from '../service/store';
import type { Period } from '../time/periods';
import type { ReportRecords } from './figures';
import { buildScheduledReport, type ScheduledReport } from './report';
import { responseSamples } from './response-times';

/**
 * What the figures of lib/reports need for one range of time, read through indexes so the cost follows the range
 * and the open work, not the size of the store. Used by the dashboard page (read-only) and by the worker's
 * scheduled reports alike. Tombstones are dropped here, so nothing downstream can count one by mistake.
 */

/**
 * How far back a thread may start and still be listed as waiting for an answer. Older silences are not inquiries
 * any more, and without a bound the list would need every email ever logged.
 */
export const WAITING_WINDOW_MS = 90 * 86_400_000;

export interface ReportRange {
  from: number;
  /** Exclusive. */
  to: number;
  now: number;
}

const live = <T extends { deletedAt: number | null }>(row: T): boolean => row.deletedAt === null;

/**
 * Deals the figures can use: every open deal (pipeline value and forecast are snapshots of now) and every deal
 * touched since `from`. A deal won, lost or moved in the range was updated at that moment or later, so the
 * byUpdated index from `from` upwards holds them all.
 */
async function dealsFor(db: CrmDb, from: number): Promise<Deal[]> {
  const tx = db.transaction('deals');
  const [open, touched] = await Promise.all([
    tx.store.index('byStatus').getAll(IDBKeyRange.only('open')),
    tx.store.index('byUpdated').getAll(IDBKeyRange.lowerBound(from)),
  ]);
  const byId = new Map<string, Deal>();
  for (const row of [...open, ...touched]) if (live(row)) byId.set(row.id, stripRow(row) as Deal);
  return [...byId.values()];
}

/** Contacts created in the range: created ≤ updated, so walking byUpdated from `from` finds each of them. */
async function contactsFor(db: CrmDb, range: ReportRange): Promise<Contact[]> {
  const rows = await db.getAllFromIndex('contacts', 'byUpdated', IDBKeyRange.lowerBound(range.from));
  return rows
    .filter((row) => live(row) && row.createdAt >= range.from && row.createdAt < range.to)
    .map((row) => stripRow(row) as Contact);
}

/**
 * Activities of the range, plus recent ones for the waiting list, plus every message of each email thread among
 * them: a reply in the range is measured from an inbound message that may be older than the range.
 */
async function activitiesFor(db: CrmDb, range: ReportRange): Promise<Activity[]> {
  const tx = db.transaction('activities');
  const byTime = tx.store.index('byTime');
  const [inRange, recent] = await Promise.all([
    byTime.getAll(IDBKeyRange.bound(range.from, range.to, false, true)),
    byTime.getAll(IDBKeyRange.bound(range.now - WAITING_WINDOW_MS, range.now)),
  ]);
  const byId = new Map<string, Activity>();
  for (const row of [...inRange, ...recent]) if (live(row)) byId.set(row.id, stripRow(row) as Activity);
  const threads = new Set<string>();
  for (const activity of byId.values()) {
    if (activity.type === 'email' && activity.threadId !== null) threads.add(activity.threadId);
  }
  const byThread = tx.store.index('byThread');
  const threadRows = await Promise.all([...threads].map((threadId) => byThread.getAll(threadId)));
  for (const row of threadRows.flat()) if (live(row)) byId.set(row.id, stripRow(row) as Activity);
  return [...byId.values()];
}

/** Open tasks due before now: the only tasks any figure looks at. */
async function overdueTasksFor(db: CrmDb, now: number): Promise<Task[]> {
  const rows = await db.getAllFromIndex(
    'tasks',
    'byStatusDue',
    IDBKeyRange.bound(['open', Number.NEGATIVE_INFINITY], ['open', now], false, true),
  );
  return rows.filter(live);
}

export async function loadReportRecords(db: CrmDb, range: ReportRange, settings?: Settings): Promise<ReportRecords> {
  const [resolved, pipelines, deals, contacts, activities, tasks, threadFacts] = await Promise.all([
    settings ?? getSettings(db),
    listPipelines(db),
    dealsFor(db, range.from),
    contactsFor(db, range),
    activitiesFor(db, range),
    overdueTasksFor(db, range.now),
    listThreadFacts(db, range.from - WAITING_WINDOW_MS),
  ]);
  return { settings: resolved, pipelines, deals, contacts, activities, tasks, threadFacts, now: range.now };
}

/** Reads what the periods need from the store and builds the report. */
export async function generateReport(
  db: CrmDb,
  settings: Settings,
  now: number,
  periods: { period: Period; previous: Period },
  repId: string | null,
): Promise<ScheduledReport> {
  const records = await loadReportRecords(db, { from: periods.previous.start, to: periods.period.end, now }, settings);
  const service = await loadServiceRecords(db, { from: periods.period.start, to: periods.period.end });
  const report = buildScheduledReport({ ...records, repId, service }, periods.period, periods.previous);
  return { ...report, plan: await reportPlanSummary(db, settings, now, periods.period.end, responseSamples) };
}

/** Display names of contacts, for the waiting-threads list; tombstoned contacts are left out. */
export async function contactNames(db: CrmDb, ids: Iterable<string>): Promise<Record<string, string>> {
  const store = db.transaction('contacts').store;
  const unique = [...new Set(ids)];
  const rows = await Promise.all(unique.map((id) => store.get(id)));
  const names: Record<string, string> = {};
  for (const row of rows) if (row && live(row)) names[row.id] = row.name;
  return names;
}
