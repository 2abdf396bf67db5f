import { beforeEach, describe, expect, it } from 'vitest';
import { openCrmDb } from '@/lib/db/open';
import { contactRow, dealRow } from '@/lib/db/rows';
import type { CrmDb } from '@/lib/db/schema';
import type { Deal } from '@/lib/model';
import { loadReportRecords } from '@/lib/reports/data';
import { buildScheduledReport } from '@/lib/reports/report';
import { FEBRUARY, MARCH, NOW, records } from './dataset';

/**
 * The shared fixture stamps updatedAt = createdAt; the store stamps it at every write, so a deal won, moved or
 * deleted later carries that later time. The loader leans on that (byUpdated), so the rows are stamped as stored.
 */
function asStored(deal: Deal): Deal {
  const updatedAt = Math.max(deal.updatedAt, deal.closedAt ?? 0, deal.stageChangedAt, deal.deletedAt ?? 0);
  return { ...deal, updatedAt };
}

let db: CrmDb;
let n = 0;

beforeEach(async () => {
  db = await openCrmDb(`report-data-${n++}`, () => NOW);
  const tx = db.transaction(['contacts', 'deals', 'activities', 'tasks', 'pipelines', 'settings'], 'readwrite');
  // The fixture's pipelines and settings replace the defaults the first open wrote.
  await tx.objectStore('pipelines').clear();
  for (const pipeline of records.pipelines) await tx.objectStore('pipelines').put(pipeline);
  await tx.objectStore('settings').put(records.settings, 'settings');
  for (const contact of records.contacts) await tx.objectStore('contacts').put(contactRow(contact));
  for (const deal of records.deals) await tx.objectStore('deals').put(dealRow(asStored(deal)));
  for (const activity of records.activities) await tx.objectStore('activities').put(activity);
  for (const task of records.tasks) await tx.objectStore('tasks').put(task);
  await tx.done;
});

describe('loadReportRecords', () => {
  it('reads through the indexes everything the report needs: the same report as from every record', async () => {
    const loaded = await loadReportRecords(db, { from: FEBRUARY.start, to: MARCH.end, now: NOW });
    expect(buildScheduledReport(loaded, MARCH, FEBRUARY)).toEqual(buildScheduledReport(records, MARCH, FEBRUARY));
  });

  it('leaves tombstones out', async () => {
    const loaded = await loadReportRecords(db, { from: FEBRUARY.start, to: MARCH.end, now: NOW });
    for (const list of [loaded.deals, loaded.contacts, loaded.activities, loaded.tasks]) {
      expect(list.every((row) => row.deletedAt === null)).toBe(true);
    }
  });

  it('reads less than the whole store for a short range', async () => {
    const loaded = await loadReportRecords(db, { from: MARCH.end, to: MARCH.end + 86_400_000, now: NOW });
    expect(loaded.contacts.length).toBeLessThan(records.contacts.length);
    expect(loaded.tasks.every((task) => task.status === 'open' && task.dueAt < NOW)).toBe(true);
  });
});
