import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureThread } from '../fixtures/reliability/gmail';
import { counts, type Dump, dumpStores, send, verifyWhole } from '../fixtures/reliability/store';
import { quotaHits, refuseWrites, report } from './faults';
import { EXTENSION_DIR, expect, sidebarOf, test } from './harness';

/**
 * Storage faults: IndexedDB made to refuse writes the way a full disk does, and the profile kept from eviction. After
 * each refusal the store is read straight from IndexedDB and every record parsed with its zod model.
 */

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
