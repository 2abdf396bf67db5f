import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Frame, Page } from '@playwright/test';
import { z } from 'zod';
import type { BackupChunk } from '../../lib/backup/store';
import type { ImportRowInput } from '../../lib/import/store';
import { RPC_ERROR_CODES } from '../../lib/rpc/wire';
import { contract } from '../../lib/worker/contract';
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

/**
 * Kills are proven, not assumed: the worker's global scope carries a mark, and after a stop (and the next request,
 * which starts a new worker) the mark must be gone. Playwright keeps the same Worker handle across restarts, so it
 * cannot tell by itself.
 */
const MARK = '__sidecarReliabilityMark';

async function markWorker(ext: Extension): Promise<void> {
  await (await ext.worker()).evaluate((mark) => {
    (globalThis as Record<string, unknown>)[mark] = true;
  }, MARK);
}

const sessions = new WeakMap<Extension, CDPSession>();

/**
 * Stops the worker as ext.stopWorker() does, on a DevTools session kept open: two round trips instead of five, so
 * a kill can land inside a write that takes a few milliseconds.
 */
async function kill(ext: Extension): Promise<void> {
  let cdp = sessions.get(ext);
  if (!cdp) {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    cdp = await ext.context.newCDPSession(page);
    sessions.set(ext, cdp);
  }
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  for (const target of targetInfos) {
    if (target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${ext.id}/`)) {
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
    }
  }
}

/**
 * Stops the worker again and again until `pending` settles: DevTools' stop is graceful and a long write can outlive
 * one stop, so a burst is what reliably cuts a write short. Answers how many stops were sent.
 */
async function killUntilSettled(ext: Extension, pending: Promise<unknown>, firstAfterMs: number): Promise<number> {
  let settled = false;
  void pending.then(() => {
    settled = true;
  });
  await sleep(firstAfterMs);
  let stops = 0;
  for (let i = 0; i < 40 && !settled; i++) {
    await kill(ext);
    stops++;
    await sleep(120);
  }
  return stops;
}

/** Marks the running worker without waking one; answers whether it was marked already (null: none running). */
async function swapMark(ext: Extension): Promise<boolean | null> {
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.id}/`));
  if (!worker) return null;
  const swapped = worker
    .evaluate((mark) => {
      const scope = globalThis as Record<string, unknown>;
      const had = scope[mark] === true;
      scope[mark] = true;
      return had;
    }, MARK)
    .catch(() => null);
  return Promise.race([swapped, sleep(2_000).then(() => null)]);
}

/** After a kill: wakes the worker with a ping, checks it is a new one, and marks it for the next kill. */
async function proveKilled(ext: Extension, page: Page): Promise<void> {
  await expect.poll(async () => (await send(page, 'ping', {})).ok).toBe(true);
  const worker = await ext.worker();
  expect(await worker.evaluate((mark) => (globalThis as Record<string, unknown>)[mark] === true, MARK)).toBe(false);
  await markWorker(ext);
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

test('the profile is kept from eviction: unlimitedStorage, and persist() where the browser offers it', async ({
  ext,
}) => {
  // StorageManager.persist() is exposed to windows only: a Chrome MV3 service worker has persisted() and estimate()
  // but no persist(), so the worker's `navigator.storage?.persist?.()` (lib/worker/start.ts) asks nothing in
  // Chrome; it does in Firefox, whose MV2 background is a page. What protects the Chrome profile is the
  // unlimitedStorage permission: Chrome does not evict an origin with unlimited storage.
  const built = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
  expect(built).toMatch(/\.persist\b/);
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.permissions).toContain('unlimitedStorage');
  const worker = await ext.worker();
  const inWorker = await worker.evaluate(() => ({
    persist: typeof (navigator.storage as Partial<StorageManager>).persist,
    persisted: typeof navigator.storage.persisted,
  }));
  expect(inWorker.persisted).toBe('function');
  const page = await ext.openPage('popup.html');
  const inPage = await page.evaluate(async () => ({
    asked: await navigator.storage.persist(),
    persisted: await navigator.storage.persisted(),
    quota: (await navigator.storage.estimate()).quota ?? 0,
  }));
  // Headless Chromium grants persistence by heuristics an extension page in a test profile does not meet.
  expect(typeof inPage.asked).toBe('boolean');
  expect(inPage.quota).toBeGreaterThan(1024 ** 3);
  report('persistent storage', {
    workerHasPersist: inWorker.persist,
    pagePersistGranted: String(inPage.asked),
    quotaGB: Math.round(inPage.quota / 1024 ** 3),
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
  const hugeMethods = [
    'contact.create',
    'contact.capture',
    'import.rows',
    'backup.put',
    'settings.update',
    'snapshot.publish',
  ];
  for (const method of hugeMethods) {
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
  await expect(sidebar.getByRole('button', { name: `Add ${thread.people[0]!.name}`, exact: true })).toBeVisible();
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
  // Nor can it link a port of its own, as the content script does, and feed the sidebar a thread of its making.
  await gmail.evaluate(() => {
    const injected = {
      provider: 'gmail',
      account: null,
      accountIndex: 0,
      view: 'thread',
      thread: { id: 'injected', permId: null, subject: 'Injected', messages: [] },
      participants: [{ email: 'injected@evil.test', name: 'Injected Person', roles: ['from'] }],
      composes: [],
      problem: null,
    };
    for (let i = 0; i < window.frames.length; i++) {
      for (const token of ['guess', crypto.randomUUID()]) {
        const channel = new MessageChannel();
        window.frames[i]?.postMessage({ kind: 'sidecar-link', token }, '*', [channel.port2]);
        channel.port1.postMessage(injected);
      }
    }
  });
  cases++;
  await sleep(500);
  await expect(sidebar.getByRole('button', { name: `Add ${thread.people[0]!.name}`, exact: true })).toBeVisible();
  await expect(sidebar.getByText('injected@evil.test')).toHaveCount(0);

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
  // The sidebar hears content-script publishes directly too, and parses them as the worker does: still the thread.
  await expect(sidebar.getByRole('button', { name: `Add ${thread.people[0]!.name}`, exact: true })).toBeVisible();
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

// Fault injection: the worker killed in the middle of writes. Last, as these fill the store.

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
  const thread = captureThread('Kill', 8, '18aa00bb11cc22dd');
  const page = await ext.openGmail(thread.html, thread.path);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByRole('button', { name: `Add ${thread.people[0]!.name}`, exact: true })).toBeVisible();
  await spyOnCaptures(sidebar);
  const probe = await ext.openPage('popup.html');
  await markWorker(ext);

  let kills = 0;
  let clicks = 0;
  for (const [i, person] of thread.people.entries()) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const button = sidebar.getByRole('button', { name: `Add ${person.name}`, exact: true });
      if ((await button.count()) === 0) break;
      const before = (await captures(sidebar)).length;
      await button.click();
      clicks++;
      // Vary the moment: right away, or a little into the worker's transaction.
      if ((i + attempt) % 3) await sleep(((i * 7 + attempt * 13) % 25) + 1);
      await kill(ext);
      await expect
        .poll(async () => (await captures(sidebar)).slice(before).every((c) => c.outcome !== 'pending'))
        .toBe(true);
      await proveKilled(ext, probe);
      kills++;
      const mine = (await captures(sidebar)).slice(before).filter((c) => c.email === person.email);
      if (mine.some((c) => c.outcome === 'ok')) break;
      // Not acknowledged: the rep sees "not answering" and clicks again, as a person would.
      await expect(sidebar.getByRole('alert').first()).toBeVisible();
    }
  }
  const log = await captures(sidebar);
  const acknowledged = new Set(log.filter((c) => c.outcome === 'ok').map((c) => c.email.toLowerCase()));
  // A capture whose answer was lost may still have been saved: the card then replaces the button, and the rep is done.
  const savedUnacknowledged = thread.people.filter((p) => !acknowledged.has(p.email.toLowerCase())).length;

  await page.reload();
  const again = await sidebarOf(page);
  for (const person of thread.people) {
    await expect(again.getByRole('region', { name: `Contact ${person.name}`, exact: true })).toBeVisible();
  }
  const dump = await dumpStores(probe);
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
    savedUnacknowledged,
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
  for (const [k, offset] of offsets.entries()) {
    await sleep(Math.max(0, start + offset - 600 - Date.now()));
    // The previous task's alarm woke a new worker: its global scope has no mark.
    const had = await swapMark(ext);
    if (k === 0) expect(had).not.toBeNull();
    else if (had === false) kills++;
    await sleep(Math.max(0, start + offset - 250 - Date.now()));
    await kill(ext);
  }
  const watcher = await ext.openPage('popup.html');
  const fired = async () => {
    const open = await send<TaskView[]>(watcher, 'tasks.open', {});
    return open.ok === true ? open.value.filter((t) => ids.includes(t.id) && t.firedAt !== null).length : -1;
  };
  await expect.poll(fired, { timeout: 60_000 }).toBe(ids.length);
  await proveKilled(ext, watcher);
  kills++;
  expect(kills).toBe(offsets.length);
  const shown = await notificationIds(watcher);
  for (const id of ids) expect(shown.some((n) => n.includes(id))).toBe(true);

  // More wakes (an update, a browser start) fire nothing again.
  for (let i = 0; i < 2; i++) {
    await kill(ext);
    await proveKilled(ext, watcher);
    kills++;
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

test('a follow-up or note sent again after its answer was lost to a killed worker is made once', async ({ ext }) => {
  test.setTimeout(90_000);
  const probe = await ext.openPage('popup.html');
  await markWorker(ext);
  let kills = 0;
  let lostAnswers = 0;
  const sent = { tasks: [] as string[], notes: [] as string[] };
  for (let i = 0; i < 8; i++) {
    const requestId = crypto.randomUUID();
    const isNote = i % 2 === 1;
    const [method, input] = isNote
      ? (['activity.add', { type: 'note', occurredAt: Date.now(), body: `Kill note ${i}`, requestId }] as const)
      : (['task.followUp', { title: `Kill follow-up ${i}`, due: { at: Date.now() + 86_400_000 }, requestId }] as const);
    const first = send<{ id: string }>(probe, method, input);
    // Vary the moment: right away, or a little into the worker's transaction.
    if (i % 3) await sleep(((i * 7) % 20) + 1);
    await kill(ext);
    const answer = await first;
    if (answer.ok !== true) lostAnswers++;
    await proveKilled(ext, probe);
    kills++;
    // The form keeps its request id until a call succeeds, so the rep's second click sends the same one.
    const again = await send<{ id: string }>(probe, method, input);
    if (again.ok !== true) throw new Error(JSON.stringify(again));
    expect(again.value.id).toBe(requestId);
    if (answer.ok === true) expect(again.value).toEqual(answer.value);
    (isNote ? sent.notes : sent.tasks).push(requestId);
  }
  const dump = await dumpStores(probe);
  expect(verifyWhole(dump).problems).toEqual([]);
  const tasks = (dump.tasks as { id: string; title: string }[]).filter((t) => t.title.startsWith('Kill follow-up'));
  const notes = (dump.activities as { id: string; body: string }[]).filter((a) => a.body.startsWith('Kill note'));
  expect(tasks.map((t) => t.id).sort()).toEqual([...sent.tasks].sort());
  expect(notes.map((n) => n.id).sort()).toEqual([...sent.notes].sort());
  report('retried creates', { kills, lostAnswers, tasks: tasks.length, notes: notes.length });
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
  const alarms = await (await ext.worker()).evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } } }
    ).chrome.alarms;
    return (await api.getAll()).map((a) => [a.name, a.scheduledTime] as const);
  });
  const armed = new Map(alarms);
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
