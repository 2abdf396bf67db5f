import type { Page } from '@playwright/test';
import type { ImportRowInput } from '../../lib/import/draft';
import { importContactRows, importEmail } from '../fixtures/reliability/data';
import { dumpStores, send, verifyWhole } from '../fixtures/reliability/store';
import { killUntilSettled, markWorker, proveKilled, report, sleep } from './faults';
import { type Extension, expect, test } from './harness';

/**
 * Imports while the worker is killed in the middle of a chunk: resumed from the import's history, and undone. After
 * each, the store is read straight from IndexedDB and every record parsed with its zod model.
 */

async function sendRows(page: Page, importId: string, rows: ImportRowInput[], throughRow: number) {
  return send<{ processedRows: number; created: number; rejected: unknown[] }>(page, 'import.rows', {
    importId,
    rows,
    throughRow,
  });
}

interface ImportView {
  id: string;
  status: string;
  processedRows: number;
  pages: number;
}

async function importOf(page: Page, importId: string): Promise<ImportView> {
  for (let i = 0; i < 5; i++) {
    const list = await send<ImportView[]>(page, 'imports.list', {});
    if (list.ok === true) return list.value.find((x) => x.id === importId)!;
    await sleep(200);
  }
  throw new Error('imports.list did not answer');
}

/** Runs an import of `rows` in chunks of 1,000, killing the worker during the chunks named in `killAt`. */
async function importWithKills(page: Page, ext: Extension, tag: string, rows: ImportRowInput[], killAt: Set<number>) {
  const started = await send<ImportView>(page, 'import.start', {
    entity: 'contacts',
    fileName: `${tag}.csv`,
    totalRows: rows.length,
  });
  if (started.ok !== true) throw new Error(`import.start: ${JSON.stringify(started)}`);
  const importId = started.value.id;
  await markWorker(ext);
  let processed = 0;
  let chunk = 0;
  let kills = 0;
  let midChunk = 0;
  let stops = 0;
  let lostAnswers = 0;
  const acknowledged: number[] = [];
  const timings: number[] = [];
  while (processed < rows.length) {
    const part = rows.slice(processed, processed + 1000);
    const through = processed + part.length;
    const sentAt = Date.now();
    const answer = sendRows(page, importId, part, through);
    if (killAt.has(chunk)) {
      killAt.delete(chunk);
      // The burst starts 10-85 % of the way through the chunk (timed by the chunk before it, as machines and
      // builds differ in speed), so it lands inside the chunk's first or second batch.
      const fraction = 0.1 + ((chunk * 331) % 900) / 1200;
      stops += await killUntilSettled(ext, answer, Math.round((timings.at(-1) ?? 1000) * fraction));
      await answer;
      await proveKilled(ext, page);
      kills++;
    }
    const result = await answer;
    timings.push(Date.now() - sentAt);
    chunk++;
    if (result.ok === true) {
      processed = result.value.processedRows;
      acknowledged.push(processed);
      continue;
    }
    expect(result.ok, JSON.stringify(result)).toBe('lost');
    lostAnswers++;
    // What the history shows after the outage: resume after the rows already written.
    const after = await importOf(page, importId);
    expect(after.status).toBe('running');
    if (after.processedRows % 1000 !== 0) midChunk++;
    expect(after.processedRows).toBeGreaterThanOrEqual(processed);
    processed = after.processedRows;
    const resumed = await send(page, 'import.resume', { importId });
    expect(resumed.ok).toBe(true);
  }
  return { importId, kills, stops, lostAnswers, midChunk, acknowledged, chunks: chunk, timings };
}

test('a 10,000-row import killed mid-way resumes from its history to exactly one record per row', async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await ext.openPage('popup.html');
  const tag = 'tenk';
  const rows = importContactRows(tag, 10_000);
  const run = await importWithKills(page, ext, tag, rows, new Set([1, 4, 7]));
  expect((await send(page, 'import.finish', { importId: run.importId })).ok).toBe(true);

  const dump = await dumpStores(page);
  const verdict = verifyWhole(dump);
  expect(verdict.problems).toEqual([]);
  const prefix = run.importId.slice(0, 24);
  const created = (dump.contacts as { id: string; deletedAt: number | null; emails: { address: string }[] }[]).filter(
    (c) => c.id.startsWith(prefix),
  );
  expect(created).toHaveLength(10_000);
  const emails = new Set(created.map((c) => c.emails[0]?.address));
  expect(emails.size).toBe(10_000);
  for (const row of [1, 2, 999, 1000, 1001, 5000, 9999, 10_000]) expect(emails.has(importEmail(tag, row))).toBe(true);
  // Notes ride in the same transaction as their contact: one per tenth row, none twice.
  const notes = (dump.activities as { contactId: string | null; type: string }[]).filter(
    (a) => a.type === 'note' && a.contactId?.startsWith(prefix),
  );
  expect(notes).toHaveLength(1000);
  expect(new Set(notes.map((n) => n.contactId)).size).toBe(1000);
  const summary = await importOf(page, run.importId);
  expect(summary).toMatchObject({ status: 'done', processedRows: 10_000 });
  report('10k import + resume', {
    killBursts: run.kills,
    stops: run.stops,
    chunksCutShort: run.lostAnswers,
    resumedMidChunk: run.midChunk,
    chunksSent: run.chunks,
    rows: 10_000,
    records: verdict.checked,
  });
});

test('an import undone while the worker is killed ends with every row it created tombstoned once', async ({ ext }) => {
  test.setTimeout(90_000);
  const page = await ext.openPage('popup.html');
  const tag = 'undo';
  const rows = importContactRows(tag, 3000);
  const run = await importWithKills(page, ext, tag, rows, new Set([1]));
  expect((await send(page, 'import.finish', { importId: run.importId })).ok).toBe(true);

  let kills = run.kills;
  let stops = run.stops;
  let calls = 0;
  for (;;) {
    calls++;
    const answer = send<{ remaining: number }>(page, 'import.undo', { importId: run.importId, maxPages: 2 });
    if (calls <= 3) {
      stops += await killUntilSettled(ext, answer, 10 + calls * 40);
      await answer;
      await proveKilled(ext, page);
      kills++;
    }
    const result = await answer;
    if (result.ok === true && result.value.remaining === 0) break;
    expect(result.ok === true || result.ok === 'lost', JSON.stringify(result)).toBe(true);
    expect(calls).toBeLessThan(30);
  }
  const dump = await dumpStores(page);
  const verdict = verifyWhole(dump);
  expect(verdict.problems).toEqual([]);
  const prefix = run.importId.slice(0, 24);
  const created = (dump.contacts as { id: string; deletedAt: number | null; emailKeys: string[] }[]).filter((c) =>
    c.id.startsWith(prefix),
  );
  expect(created).toHaveLength(3000);
  expect(created.filter((c) => c.deletedAt === null)).toEqual([]);
  // A tombstone gives its addresses up: the same people can be imported again.
  expect(created.filter((c) => c.emailKeys.length > 0)).toEqual([]);
  const notes = (dump.activities as { contactId: string | null; deletedAt: number | null }[]).filter((a) =>
    a.contactId?.startsWith(prefix),
  );
  expect(notes).toHaveLength(300);
  expect(notes.filter((n) => n.deletedAt === null)).toEqual([]);
  const journal = (dump.imports as { id: string }[]).filter((r) => r.id.startsWith(`${run.importId}:`));
  expect(journal).toEqual([]);
  expect(await importOf(page, run.importId)).toMatchObject({ status: 'undone', pages: 0 });
  report('import undo', { killBursts: kills, stops, undoCalls: calls, rows: 3000, records: verdict.checked });
});
