import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { RPC_ERROR_CODES } from '../../lib/rpc/wire';
import { contract } from '../../lib/worker/contract';
import { captureThread } from '../fixtures/reliability/gmail';
import { type Answer, send } from '../fixtures/reliability/store';
import { report, sleep } from './faults';
import { EXTENSION_DIR, expect, sidebarOf, test } from './harness';

/**
 * What the worker must refuse, from whoever sends it: every RPC method fed what it must refuse, the Gmail page and
 * the content script trying what only extension pages may do. Each ends with the store as it was.
 */

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

test('only the sidebar is web-accessible, and only to the webmails', () => {
  const chromeManifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(chromeManifest.web_accessible_resources).toEqual([
    {
      resources: ['sidebar.html'],
      matches: [
        'https://mail.google.com/*',
        'https://outlook.office.com/*',
        'https://outlook.office365.com/*',
        'https://outlook.live.com/*',
        'https://outlook.cloud.microsoft/*',
      ],
    },
  ]);
  expect(chromeManifest.content_security_policy.extension_pages).toContain("object-src 'self'");
  expect(chromeManifest.content_security_policy.extension_pages).toContain('frame-ancestors https://mail.google.com');
  expect(chromeManifest.content_security_policy.sandbox).toBeUndefined();
  const firefoxManifest = JSON.parse(readFileSync(join(EXTENSION_DIR, '../firefox-mv2/manifest.json'), 'utf8'));
  expect(firefoxManifest.web_accessible_resources).toEqual(['sidebar.html']);
});
