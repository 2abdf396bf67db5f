import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { z } from 'zod';
import type { BackupChunk } from '../../lib/db/backup';
import type { ImportRowInput } from '../../lib/db/imports';
import { contract } from '../../lib/rpc/contract';
import { RPC_ERROR_CODES } from '../../lib/rpc/wire';
import { backupData, fixedId, importContactRows, importEmail } from '../fixtures/reliability/data';
import { captureThread } from '../fixtures/reliability/gmail';
import {
  type Answer,
  counts,
  type Dump,
  dumpStores,
  liveContactsByEmail,
  send,
  verifyWhole,
} from '../fixtures/reliability/store';
import { EXTENSION_DIR, type Extension, expect, sidebarOf, test } from './harness';

/**
 * Fault injection against the built extension in Chromium: the worker is stopped through the DevTools protocol in
 * the middle of writes, IndexedDB is made to refuse writes, and every RPC method is fed what it must refuse. After
 * each, the store is read straight from IndexedDB and every record parsed with its zod model.
 */

const report = (name: string, figures: Record<string, number | string>) =>
  console.log(
    `[reliability] ${name}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the extension's service worker is running, as DevTools sees it (Playwright's list lags behind). */
async function workerRunning(ext: Extension): Promise<boolean> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.id}/`));
  } finally {
    await cdp.detach();
  }
}

/** Stops the worker and checks it really is gone: a kill that did not happen proves nothing. */
async function kill(ext: Extension): Promise<void> {
  await ext.stopWorker();
  expect(await workerRunning(ext)).toBe(false);
}

function expectTypedError(answer: Answer, codes: readonly string[] = RPC_ERROR_CODES) {
  expect(answer.ok).toBe(false);
  if (answer.ok !== false) return;
  expect(codes).toContain(answer.error.code);
  expect(typeof answer.error.message).toBe('string');
}

/** Store sizes without reading every row: "nothing was written" for the bad-message test. */
async function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('sidecar-crm');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names);
      const values = await Promise.all(
        names.map(
          (name) =>
            new Promise<number>((resolve, reject) => {
              const request = tx.objectStore(name).count();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      const settings = await new Promise<unknown>((resolve) => {
        const request = db.transaction('settings').objectStore('settings').get('settings');
        request.onsuccess = () => resolve(request.result);
      });
      return {
        ...Object.fromEntries(names.map((name, i) => [name, values[i] ?? -1])),
        settings: JSON.stringify(settings).length,
      };
    } finally {
      db.close();
    }
  });
}

interface CaptureLog {
  email: string;
  outcome: 'ok' | 'error' | 'lost' | 'pending';
  created?: boolean;
  code?: string;
}

/** Records every contact.capture the sidebar sends and what came back, the way the rep's click was answered. */
async function spyOnCaptures(sidebar: Frame): Promise<void> {
  await sidebar.evaluate(() => {
    const w = window as unknown as { __captures?: CaptureLog[] };
    if (w.__captures) return;
    const log: CaptureLog[] = [];
    w.__captures = log;
    const runtime = chrome.runtime;
    const original = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = async (message: unknown) => {
      const m = message as { method?: string; input?: { email?: string } };
      if (m.method !== 'contact.capture') return original(message);
      const entry: CaptureLog = { email: m.input?.email ?? '', outcome: 'pending' };
      log.push(entry);
      try {
        const reply = (await original(message)) as
          | { ok: true; value: { created: boolean } }
          | { ok: false; error: { code: string } }
          | undefined;
        if (!reply) entry.outcome = 'lost';
        else if (reply.ok) {
          entry.outcome = 'ok';
          entry.created = reply.value.created;
        } else {
          entry.outcome = 'error';
          entry.code = reply.error.code;
        }
        return reply;
      } catch (error) {
        entry.outcome = 'lost';
        throw error;
      }
    };
  });
}

const captures = (sidebar: Frame) =>
  sidebar.evaluate(() => (window as unknown as { __captures: CaptureLog[] }).__captures.map((c) => ({ ...c })));

test('contacts saved from the sidebar while the worker is killed are whole, never doubled, and kept once acknowledged', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const thread = captureThread('Kill', 12, '18aa00bb11cc22dd');
  const page = await ext.openGmail(thread.html, thread.path);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByRole('button', { name: `Add ${thread.people[0]!.name}` })).toBeVisible();
  await spyOnCaptures(sidebar);

  let kills = 0;
  let clicks = 0;
  for (const [i, person] of thread.people.entries()) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const button = sidebar.getByRole('button', { name: `Add ${person.name}` });
      if ((await button.count()) === 0) break;
      const before = (await captures(sidebar)).length;
      await button.click();
      clicks++;
      // Vary the moment: right away, or a little into the worker's transaction.
      if ((i + attempt) % 3) await sleep(((i * 7 + attempt * 13) % 25) + 1);
      await kill(ext);
      kills++;
      await expect
        .poll(async () => (await captures(sidebar)).slice(before).every((c) => c.outcome !== 'pending'))
        .toBe(true);
      const mine = (await captures(sidebar)).slice(before).filter((c) => c.email === person.email);
      if (mine.some((c) => c.outcome === 'ok')) break;
      // Not acknowledged: the rep sees "not answering" and clicks again, as a person would.
      await expect(sidebar.getByRole('alert').first()).toBeVisible();
    }
  }
  const log = await captures(sidebar);
  const acknowledged = new Set(log.filter((c) => c.outcome === 'ok').map((c) => c.email.toLowerCase()));
  expect(acknowledged.size).toBe(thread.people.length);

  await page.reload();
  const again = await sidebarOf(page);
  for (const person of thread.people) {
    await expect(again.getByRole('region', { name: `Contact ${person.name}` })).toBeVisible();
  }
  const dump = await dumpStores(await ext.openPage('popup.html'));
  const verdict = verifyWhole(dump);
  expect(verdict.problems).toEqual([]);
  const live = liveContactsByEmail(dump);
  for (const email of acknowledged) expect(live.get(email)?.name).toMatch(/^Kill Person \d+$/);
  const ours = [...live.keys()].filter((email) => thread.people.some((p) => p.email.toLowerCase() === email));
  expect(ours).toHaveLength(thread.people.length);
  const people = (dump.contacts as { name: string; deletedAt: number | null }[]).filter((c) =>
    c.name.startsWith('Kill Person'),
  );
  expect(people).toHaveLength(thread.people.length);
  report('sidebar capture', {
    kills,
    clicks,
    lostAnswers: log.filter((c) => c.outcome === 'lost').length,
    acknowledgedBeforeKill: log.filter((c) => c.outcome === 'ok' && c.created).length,
    records: verdict.checked,
  });
});

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
  let processed = 0;
  let chunk = 0;
  let kills = 0;
  let midChunk = 0;
  const acknowledged: number[] = [];
  while (processed < rows.length) {
    const part = rows.slice(processed, processed + 1000);
    const through = processed + part.length;
    const answer = sendRows(page, importId, part, through);
    if (killAt.has(chunk)) {
      killAt.delete(chunk);
      // Batches of 500 rows take tens of milliseconds each: land inside one, or between the two of a chunk.
      await sleep(30 + ((chunk * 37) % 120));
      await kill(ext);
      kills++;
    }
    const result = await answer;
    chunk++;
    if (result.ok === true) {
      processed = result.value.processedRows;
      acknowledged.push(processed);
      continue;
    }
    expect(result.ok, JSON.stringify(result)).toBe('lost');
    // What the history shows after the outage: resume after the rows already written.
    const after = await importOf(page, importId);
    expect(after.status).toBe('running');
    if (after.processedRows % 1000 !== 0) midChunk++;
    expect(after.processedRows).toBeGreaterThanOrEqual(processed);
    processed = after.processedRows;
    const resumed = await send(page, 'import.resume', { importId });
    expect(resumed.ok).toBe(true);
  }
  return { importId, kills, midChunk, acknowledged, chunks: chunk };
}

test('a 10,000-row import killed mid-way resumes from its history to exactly one record per row', async ({ ext }) => {
  test.setTimeout(120_000);
  const page = await ext.openPage('popup.html');
  const tag = 'tenk';
  const rows = importContactRows(tag, 10_000);
  const run = await importWithKills(page, ext, tag, rows, new Set([1, 3, 4, 6, 8]));
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
    kills: run.kills,
    killsInsideAChunk: run.midChunk,
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
  let calls = 0;
  for (;;) {
    calls++;
    const answer = send<{ remaining: number }>(page, 'import.undo', { importId: run.importId, maxPages: 2 });
    if (calls <= 3) {
      await sleep(10 + calls * 15);
      await kill(ext);
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
  report('import undo', { kills, undoCalls: calls, rows: 3000, records: verdict.checked });
});

interface TaskView {
  id: string;
  firedAt: number | null;
  history: { event: string }[];
}

async function notificationIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } })
      .chrome.notifications;
    return Object.keys(await api.getAll());
  });
}

test('reminders due while the worker is killed fire exactly once each', async ({ ext }) => {
  test.setTimeout(90_000);
  const page = await ext.openPage('popup.html');
  const start = Date.now();
  const offsets = [5_000, 8_000, 11_000];
  const ids: string[] = [];
  for (const [i, offset] of offsets.entries()) {
    const task = await send<{ id: string }>(page, 'task.followUp', {
      title: `Kill-time reminder ${i + 1}`,
      due: { at: start + offset },
    });
    if (task.ok !== true) throw new Error(JSON.stringify(task));
    ids.push(task.value.id);
  }
  await page.close();
  let kills = 0;
  for (const offset of offsets) {
    await sleep(Math.max(0, start + offset - 250 - Date.now()));
    await kill(ext);
    kills++;
  }
  const watcher = await ext.openPage('popup.html');
  const fired = async () => {
    const open = await send<TaskView[]>(watcher, 'tasks.open', {});
    return open.ok === true ? open.value.filter((t) => ids.includes(t.id) && t.firedAt !== null).length : -1;
  };
  await expect.poll(fired, { timeout: 60_000 }).toBe(ids.length);
  const shown = await notificationIds(watcher);
  for (const id of ids) expect(shown.some((n) => n.includes(id))).toBe(true);

  // More wakes (an update, a browser start) fire nothing again.
  for (let i = 0; i < 2; i++) {
    await kill(ext);
    kills++;
    await send(watcher, 'ping', {});
    await sleep(800);
  }
  const open = await send<TaskView[]>(watcher, 'tasks.open', {});
  if (open.ok !== true) throw new Error(JSON.stringify(open));
  for (const id of ids) {
    const task = open.value.find((t) => t.id === id)!;
    expect(task.history.filter((h) => h.event === 'fired')).toHaveLength(1);
  }
  const verdict = verifyWhole(await dumpStores(watcher));
  expect(verdict.problems).toEqual([]);
  report('reminders', { kills, reminders: ids.length, firedOnce: ids.length, records: verdict.checked });
});

/** The restore's chunks, in the dashboard's order (components/dashboard/export/restore-steps.ts), merge mode. */
function* restoreChunks(data: ReturnType<typeof backupData>): Generator<BackupChunk> {
  const order = [
    'customPropertyDefs',
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
  const data = backupData(tag, { companies: 200, contacts: 3000, deals: 300, activities: 1500, tasks: 100 });
  const chunks = [...restoreChunks(data)];
  const killAt = [3, 6, 9, 12];
  let kills = 0;
  let runs = 0;
  let written = 0;
  for (;;) {
    runs++;
    let lost = false;
    for (const [index, chunk] of chunks.entries()) {
      const answer = send<{ written: number; conflicts: unknown[] }>(page, 'backup.put', { mode: 'merge', chunk });
      if (killAt[0] === index) {
        await sleep(5 + index * 4);
        await kill(ext);
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
  const alarms = await (await ext.worker()).evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } } }
    ).chrome.alarms;
    return (await api.getAll()).map((a) => [a.name, a.scheduledTime] as const);
  });
  const armed = new Map(alarms);
  for (const task of data.tasks) expect(armed.get(`task:${task.id}`)).toBe(task.dueAt);
  report('backup restore', { kills, runs, chunks: chunks.length, written, compared, records: verdict.checked });
  expect(fixedId(tag, 1)).toMatch(/^a11ce5ed-/);
});

/** Makes the worker's IndexedDB refuse the next `count` writes the way a full disk does. */
async function refuseWrites(ext: Extension, count: number): Promise<void> {
  await (await ext.worker()).evaluate((n) => {
    const g = globalThis as unknown as { __quota?: { left: number; hits: number } };
    if (!g.__quota) {
      g.__quota = { left: 0, hits: 0 };
      const state = g.__quota;
      for (const name of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[name];
        IDBObjectStore.prototype[name] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
          if (state.left > 0) {
            state.left--;
            state.hits++;
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return original.apply(this, args);
        };
      }
    }
    g.__quota.left = n;
  }, count);
}

async function quotaHits(ext: Extension): Promise<number> {
  return (await ext.worker()).evaluate(
    () => (globalThis as unknown as { __quota?: { hits: number } }).__quota?.hits ?? 0,
  );
}

function sameStores(before: Dump, after: Dump) {
  expect(counts(after)).toEqual(counts(before));
  for (const store of ['contacts', 'companies', 'activities', 'tasks']) expect(after[store]).toEqual(before[store]);
}

test('when IndexedDB has no room, the rep is told so and nothing is partly written', async ({ ext }) => {
  test.setTimeout(90_000);
  const thread = captureThread('Quota', 2, '18ab00bb11cc22ee');
  const gmail = await ext.openGmail(thread.html, thread.path);
  const sidebar = await sidebarOf(gmail);
  const reader = await ext.openPage('popup.html');
  const [first, second] = thread.people as [{ name: string; email: string }, { name: string; email: string }];
  let cases = 0;

  // A capture that would write a company and a contact.
  const before = await dumpStores(reader);
  await refuseWrites(ext, 1000);
  await sidebar.getByRole('button', { name: `Add ${first.name}` }).click();
  await expect(sidebar.getByRole('alert')).toContainText('no room left');
  await expect(sidebar.getByRole('alert')).toContainText('nothing was saved');
  sameStores(before, await dumpStores(reader));
  cases++;

  // The same through the RPC: a typed error the UI can explain.
  const refused = await send(reader, 'contact.create', {
    name: 'No Room',
    emails: [{ address: 'noroom@example.com' }],
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'quota' } });
  const task = await send(reader, 'task.followUp', { title: 'No room', due: { preset: 'in-3-days' } });
  expect(task).toMatchObject({ ok: false, error: { code: 'quota' } });
  sameStores(before, await dumpStores(reader));
  cases += 2;

  // Room again: the same click works.
  await refuseWrites(ext, 0);
  await sidebar.getByRole('button', { name: `Add ${first.name}` }).click();
  const card = sidebar.getByRole('region', { name: `Contact ${first.name}` });
  await expect(card).toBeVisible();

  // An edit in place that the store refuses keeps the old value and says why.
  const saved = await dumpStores(reader);
  await refuseWrites(ext, 1000);
  await card.getByRole('button', { name: 'Edit Name' }).click();
  await card.getByRole('textbox', { name: 'Name' }).fill('Quota Person Renamed');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('alert')).toContainText('no room left');
  sameStores(saved, await dumpStores(reader));
  cases++;

  // A capture of someone on free mail (contact only) likewise.
  await sidebar.getByRole('button', { name: `Add ${second.name}` }).click();
  await expect(sidebar.getByRole('alert').last()).toContainText('no room left');
  sameStores(saved, await dumpStores(reader));
  cases++;
  const hits = await quotaHits(ext);
  expect(hits).toBeGreaterThanOrEqual(cases);
  await refuseWrites(ext, 0);
  const verdict = verifyWhole(await dumpStores(reader));
  expect(verdict.problems).toEqual([]);
  report('quota', { cases, refusedWrites: hits, records: verdict.checked });
});

test('the worker asks for persistent storage', async ({ ext }) => {
  // Chromium decides persistence by its own heuristics (engagement, bookmarks, installed app); for an extension
  // origin in a test profile the answer is "no", so what can be proven is that the built worker asks.
  const built = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
  expect(built).toMatch(/storage\?*\.persist\?*\.\(?\)?/);
  const worker = await ext.worker();
  const answer = await worker.evaluate(async () => ({
    api: typeof navigator.storage?.persist,
    granted: await navigator.storage.persist(),
  }));
  expect(answer.api).toBe('function');
  const page = await ext.openPage('popup.html');
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  report('persistent storage', {
    asked: 'yes',
    persistedInHeadless: String(persisted),
    granted: String(answer.granted),
  });
});

/** Wrong shapes for a method: each is sent only if the contract itself refuses it. */
function badInputs(schema: z.ZodType): unknown[] {
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const wrongTypes = Object.fromEntries(shape.map((key) => [key, { nested: [1, { deep: null }] }]));
  const wrongScalars = Object.fromEntries(shape.map((key) => [key, key.length % 2 ? -1.5 : 'not-a-uuid']));
  const candidates = [42, 'contact', [1, 2, 3], true, {}, wrongTypes, wrongScalars, { ...wrongTypes, extra: 'x' }];
  return candidates.filter((input) => !schema.safeParse(input ?? {}).success);
}

test('every RPC method refuses wrong shapes, missing fields, huge payloads and unknown methods, and writes nothing', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const page = await ext.openPage('popup.html');
  const before = await storeCounts(page);
  const settingsBefore = await send(page, 'settings.get', {});
  let cases = 0;
  const methods = Object.keys(contract) as (keyof typeof contract)[];
  for (const method of methods) {
    for (const input of badInputs(contract[method].input)) {
      const answer = await send(page, method, input);
      expectTypedError(answer, ['invalid-request']);
      cases++;
    }
  }
  // Over 8 MB: refused before parsing, whatever the method.
  await page.evaluate(() => {
    (window as unknown as { __huge: string }).__huge = 'x'.repeat(8 * 1024 * 1024 + 1024);
  });
  for (const method of methods) {
    const answer = await page.evaluate(async (m) => {
      const huge = (window as unknown as { __huge: string }).__huge;
      return chrome.runtime.sendMessage({ kind: 'sidecar-rpc', method: m, input: { name: huge } });
    }, method);
    expectTypedError(answer as Answer, ['invalid-request']);
    expect((answer as { error: { message: string } }).error.message).toContain('too large');
    cases++;
  }
  for (const method of [
    'contact.drop',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    'ping ',
    42,
    null,
    ['ping'],
  ]) {
    const answer = await page.evaluate(
      (m) => chrome.runtime.sendMessage({ kind: 'sidecar-rpc', method: m, input: {} }),
      method as string,
    );
    expectTypedError(answer as Answer, ['unknown-method']);
    cases++;
  }
  // Prototype pollution through JSON-shaped input: refused or ignored, never applied.
  for (const method of ['contact.create', 'settings.update', 'pipeline.save', 'backup.put']) {
    const answer = await page.evaluate(
      (m) =>
        chrome.runtime.sendMessage({
          kind: 'sidecar-rpc',
          method: m,
          input: JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
        }),
      method,
    );
    expect(answer).toHaveProperty('ok');
    cases++;
  }
  // Envelopes that are not Sidecar requests are left alone (no answer), and do not disturb the worker.
  for (const message of [null, 42, 'sidecar-rpc', { kind: 'other' }, { kind: 'sidecar-event', type: 'changed' }]) {
    await page.evaluate(async (m) => {
      try {
        await chrome.runtime.sendMessage(m);
      } catch {
        // No receiver answered: expected.
      }
    }, message);
    cases++;
  }
  const worker = await ext.worker();
  expect(await worker.evaluate(() => (Object.prototype as Record<string, unknown>).polluted ?? null)).toBeNull();
  expect(await send(page, 'ping', {})).toMatchObject({ ok: true });
  expect(await storeCounts(page)).toEqual(before);
  expect(await send(page, 'settings.get', {})).toEqual(settingsBefore);
  report('bad messages', { methods: methods.length, cases, written: 0 });
});

test('the Gmail page cannot drive the worker, and the content script may only publish snapshots', async ({ ext }) => {
  const thread = captureThread('Main', 2, '18ac00bb11cc22ff');
  const gmail = await ext.openGmail(thread.html, thread.path);
  const sidebar = await sidebarOf(gmail);
  await expect(sidebar.getByRole('button', { name: `Add ${thread.people[0]!.name}` })).toBeVisible();
  const reader = await ext.openPage('popup.html');
  const before = await storeCounts(reader);
  let cases = 0;

  // The page's main world has no extension messaging at all.
  const mainWorld = await gmail.evaluate(() => {
    const c = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
    return typeof c?.runtime?.sendMessage;
  });
  expect(mainWorld).toBe('undefined');
  cases++;
  // It can post messages to the sidebar's window, which listens to none.
  await gmail.evaluate((email) => {
    const request = {
      kind: 'sidecar-rpc',
      method: 'contact.capture',
      input: { name: 'Posted', email, tabSnapshot: false },
    };
    for (let i = 0; i < window.frames.length; i++) {
      window.frames[i]?.postMessage(request, '*');
      window.frames[i]?.postMessage(JSON.stringify(request), '*');
    }
  }, thread.people[0]!.email);
  cases += 2;
  await sleep(500);
  await expect(sidebar.getByRole('button', { name: `Add ${thread.people[0]!.name}` })).toBeVisible();

  // The content script's isolated world: found through the DevTools protocol, as an attacker with a foothold there.
  const cdp = await ext.context.newCDPSession(gmail);
  const worlds: { id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof worlds)[number] }) =>
    worlds.push(event.context),
  );
  await cdp.send('Runtime.enable');
  await expect
    .poll(() => worlds.some((w) => w.auxData?.type === 'isolated' && w.origin.startsWith('chrome-extension://')))
    .toBe(true);
  const isolated = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.startsWith('chrome-extension://'))!;
  const fromContentScript = async (method: string, input: unknown) => {
    const { result } = (await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `chrome.runtime.sendMessage(${JSON.stringify({ kind: 'sidecar-rpc', method, input })})`,
    })) as { result: { value: unknown } };
    return result.value as Answer;
  };
  for (const [method, input] of [
    ['contact.create', { name: 'From the page', emails: [{ address: 'page@example.com' }] }],
    ['contact.capture', { name: 'From the page', email: thread.people[0]!.email, tabSnapshot: true }],
    ['settings.update', { language: 'km' }],
    ['backup.replaceConfig', {}],
    ['snapshot.current', {}],
    ['tasks.open', {}],
    ['search.all', { query: 'a' }],
  ] as const) {
    expectTypedError(await fromContentScript(method, input), ['forbidden']);
    cases++;
  }
  expectTypedError(await fromContentScript('snapshot.publish', { bogus: true }), ['invalid-request']);
  cases++;
  await cdp.detach();
  expect(await storeCounts(reader)).toEqual(before);
  expect(await send(reader, 'ping', {})).toMatchObject({ ok: true });
  report('page and content-script isolation', { cases, written: 0 });
});

test('only the sidebar is web-accessible, and only to Gmail', () => {
  const chromeManifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(chromeManifest.web_accessible_resources).toEqual([
    { resources: ['sidebar.html'], matches: ['https://mail.google.com/*'] },
  ]);
  expect(chromeManifest.content_security_policy.extension_pages).toContain("object-src 'self'");
  expect(chromeManifest.content_security_policy.extension_pages).toContain('frame-ancestors https://mail.google.com');
  expect(chromeManifest.content_security_policy.sandbox).toBeUndefined();
  const firefoxManifest = JSON.parse(readFileSync(join(EXTENSION_DIR, '../firefox-mv2/manifest.json'), 'utf8'));
  expect(firefoxManifest.web_accessible_resources).toEqual(['sidebar.html']);
});
