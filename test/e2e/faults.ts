import type { CDPSession, Page } from '@playwright/test';
import { send } from '../fixtures/reliability/store';
import { type Extension, expect } from './harness';

/**
 * Fault injection for the reliability suites (reliability*.e2e.ts) against the built extension in Chromium: the
 * worker stopped through the DevTools protocol in the middle of writes, IndexedDB made to refuse writes; and what
 * the suites read back from the running extension afterwards. Each suite prints one `[reliability]` line a case,
 * the figures of the README's reliability table.
 */

export const report = (name: string, figures: Record<string, number | string>) =>
  console.log(
    `[reliability] ${name}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kills are proven, not assumed: the worker's global scope carries a mark, and after a stop (and the next request,
 * which starts a new worker) the mark must be gone. Playwright keeps the same Worker handle across restarts, so it
 * cannot tell by itself.
 */
const MARK = '__sidecarReliabilityMark';

export async function markWorker(ext: Extension): Promise<void> {
  await (await ext.worker()).evaluate((mark) => {
    (globalThis as Record<string, unknown>)[mark] = true;
  }, MARK);
}

const sessions = new WeakMap<Extension, CDPSession>();

/**
 * Stops the worker as ext.stopWorker() does, on a DevTools session kept open: two round trips instead of five, so
 * a kill can land inside a write that takes a few milliseconds.
 */
export async function kill(ext: Extension): Promise<void> {
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
export async function killUntilSettled(
  ext: Extension,
  pending: Promise<unknown>,
  firstAfterMs: number,
): Promise<number> {
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
export async function swapMark(ext: Extension): Promise<boolean | null> {
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
export async function proveKilled(ext: Extension, page: Page): Promise<void> {
  await expect.poll(async () => (await send(page, 'ping', {})).ok).toBe(true);
  const worker = await ext.worker();
  expect(await worker.evaluate((mark) => (globalThis as Record<string, unknown>)[mark] === true, MARK)).toBe(false);
  await markWorker(ext);
}

/** Makes the worker's IndexedDB refuse the next `count` writes the way a full disk does. */
export async function refuseWrites(ext: Extension, count: number): Promise<void> {
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

export async function quotaHits(ext: Extension): Promise<number> {
  return (await ext.worker()).evaluate(
    () => (globalThis as unknown as { __quota?: { hits: number } }).__quota?.hits ?? 0,
  );
}

/** The worker's alarms, name → scheduled time. */
export async function armedAlarms(ext: Extension): Promise<Map<string, number>> {
  const list = await (await ext.worker()).evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } };
      }
    ).chrome.alarms;
    return (await api.getAll()).map((a) => [a.name, a.scheduledTime] as const);
  });
  return new Map(list);
}

export async function notificationIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } })
      .chrome.notifications;
    return Object.keys(await api.getAll());
  });
}

export interface TaskView {
  id: string;
  dueAt: number;
  firedAt: number | null;
  history: { event: string }[];
}

export async function openTasks(page: Page): Promise<TaskView[]> {
  const open = await send<TaskView[]>(page, 'tasks.open', {});
  if (open.ok !== true) throw new Error(JSON.stringify(open));
  return open.value;
}
