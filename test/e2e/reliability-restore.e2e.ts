import type { BackupChunk } from '../../lib/backup/format';
import { backupData, fixedId } from '../fixtures/reliability/data';
import { dumpStores, send, verifyWhole } from '../fixtures/reliability/store';
import { armedAlarms, killUntilSettled, markWorker, proveKilled, report } from './faults';
import { expect, test } from './harness';

/** A backup restore cut short by worker kills and run again; the store is checked whole and equal to the backup. */

/** The restore's chunks, in the dashboard's order (components/dashboard/export/restore-steps.ts), merge mode. */
function* restoreChunks(data: ReturnType<typeof backupData>): Generator<BackupChunk> {
  const order = [
    'propertyDefs',
    'pipelines',
    'sources',
    'reps',
    'companies',
    'contacts',
    'deals',
    'activities',
    'tasks',
  ] as const;
  for (const collection of order) {
    const records: readonly unknown[] = data[collection];
    for (let start = 0; start < records.length; start += 500) {
      yield { collection, records: records.slice(start, start + 500) } as BackupChunk;
    }
  }
}

function stripIndexKeys(row: object): object {
  const { emailKeys: _e, searchKeys: _s, messageKey: _m, ...rest } = row as Record<string, unknown>;
  return rest;
}

test('a backup restore killed mid-way and run again leaves every record once, equal to the backup', async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await ext.openPage('popup.html');
  const tag = 'a11ce5ed';
  const data = backupData(tag, { companies: 200, contacts: 2000, deals: 300, activities: 1000, tasks: 100 });
  const chunks = [...restoreChunks(data)];
  await markWorker(ext);
  const killAt = [3, 6, 10];
  let kills = 0;
  let stops = 0;
  let runs = 0;
  let written = 0;
  for (;;) {
    runs++;
    let lost = false;
    for (const [index, chunk] of chunks.entries()) {
      const answer = send<{ written: number; conflicts: unknown[] }>(page, 'backup.put', { mode: 'merge', chunk });
      if (killAt[0] === index) {
        stops += await killUntilSettled(ext, answer, index % 3);
        await answer;
        await proveKilled(ext, page);
        kills++;
        killAt.shift();
      }
      const result = await answer;
      if (result.ok === 'lost') {
        lost = true;
        break;
      }
      if (result.ok !== true) throw new Error(JSON.stringify(result));
      expect(result.value.conflicts).toEqual([]);
      written += result.value.written;
    }
    if (!lost) break;
    expect(runs).toBeLessThan(10);
  }
  const dump = await dumpStores(page);
  const verdict = verifyWhole(dump);
  expect(verdict.problems).toEqual([]);
  let compared = 0;
  for (const collection of ['companies', 'contacts', 'deals', 'activities', 'tasks', 'pipelines'] as const) {
    const stored = new Map((dump[collection] as { id: string }[]).map((row) => [row.id, row]));
    for (const record of data[collection]) {
      const row = stored.get(record.id);
      expect(row, `${collection} ${record.id}`).toBeDefined();
      expect(stripIndexKeys(row!)).toEqual(record);
      compared++;
    }
  }
  // Restored tasks have their reminders armed: alarms are a cache of the store.
  const armed = await armedAlarms(ext);
  for (const task of data.tasks) expect(armed.get(`task:${task.id}`)).toBe(task.dueAt);
  report('backup restore', {
    killBursts: kills,
    stops,
    runs,
    chunks: chunks.length,
    written,
    compared,
    records: verdict.checked,
  });
  expect(fixedId(tag, 1)).toMatch(/^a11ce5ed-/);
});
