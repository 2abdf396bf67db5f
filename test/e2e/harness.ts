import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.SIDECAR_OUT_DIR ?? '.output',
  'chrome-mv3',
);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Extension {
  context: BrowserContext;
  id: string;
  /** The service worker, found again if Chrome stopped and restarted it. */
  worker(): Promise<Worker>;
  /** Opens an extension page such as "popup.html" or "dashboard.html#/board". */
  openPage(path: string): Promise<Page>;
  /** Serves `html` for every https://mail.google.com/ request from now on and opens `path` there. */
  openGmail(html: string, path?: string): Promise<Page>;
  /** Stops the service worker through the DevTools protocol, as Chrome does to an idle worker. */
  stopWorker(): Promise<void>;
  userDataDir: string;
  /** Errors the service worker printed or threw since launch, across restarts of the worker. */
  workerErrors: string[];
}

/** Debian's Chromium with the built extension (`extensionDir`: the bench loads its own build) and no network noise. */
export async function launchChromium(
  userDataDir: string,
  options: { headless?: boolean; extensionDir?: string } = {},
): Promise<BrowserContext> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: [
      ...(options.headless === false ? [] : ['--headless=new']),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

let gmailHtml = '<!doctype html><title>Gmail</title><div role="main"></div>';

export async function attach(context: BrowserContext, userDataDir: string): Promise<Extension> {
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: gmailHtml }),
  );
  const findWorker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const workerErrors: string[] = [];
  const watchWorker = (worker: Worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') workerErrors.push(message.text());
    });
  };
  context.on('serviceworker', watchWorker);
  const first = await findWorker();
  watchWorker(first);
  const id = new URL(first.url()).host;
  return {
    context,
    id,
    userDataDir,
    workerErrors,
    async worker() {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
      if (live) return live;
      // A stopped worker restarts on the next event; opening an extension page that messages it is one.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`);
      const worker = await findWorker();
      await page.close();
      return worker;
    },
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    async openGmail(html, path = '/mail/u/0/#inbox') {
      gmailHtml = html;
      const page = await context.newPage();
      await page.goto(`https://mail.google.com${path}`);
      return page;
    },
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: { targetId: string; type: string; url: string }[];
      };
      for (const target of targetInfos) {
        if (target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${id}/`)) {
          await cdp.send('Target.closeTarget', { targetId: target.targetId });
        }
      }
      await cdp.detach();
    },
  };
}

interface Launched {
  file: string;
  ext: Extension;
}

async function launchFresh(file: string): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sidecar-e2e-'));
  const context = await launchChromium(userDataDir);
  return { file, ext: await attach(context, userDataDir) };
}

async function shutDown(launched: Launched): Promise<void> {
  await launched.ext.context.close().catch(() => undefined);
  rmSync(launched.ext.userDataDir, { recursive: true, force: true });
}

/**
 * One persistent browser context per test file, with a fresh profile: tests in a file share it (as a rep's
 * browser would), files never see each other's data. Playwright has no file scope, so the worker-scoped holder
 * swaps the browser when the file changes and closes the last one at the end.
 */
export const test = base.extend<{ ext: Extension }, { holder: { current: Launched | null } }>({
  holder: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture names from the pattern
    async ({}, use) => {
      const holder: { current: Launched | null } = { current: null };
      await use(holder);
      if (holder.current) await shutDown(holder.current);
    },
    { scope: 'worker' },
  ],
  ext: async ({ holder }, use, testInfo) => {
    if (holder.current?.file !== testInfo.file || holder.current.ext.context.pages().length === 0) {
      if (holder.current) await shutDown(holder.current);
      holder.current = await launchFresh(testInfo.file);
    }
    const { ext } = holder.current;
    await use(ext);
    for (const page of ext.context.pages().slice(1)) await page.close().catch(() => undefined);
  },
});

export const expect = test.expect;

/** Calls the worker's RPC from an extension page, the way the sidebar and dashboard do. */
export async function rpc<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const result = (await page.evaluate(
    ([m, i]) => chrome.runtime.sendMessage({ kind: 'sidecar-rpc', method: m, input: i }),
    [method, input] as const,
  )) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value as T;
}

/** The sidebar iframe the content script put on a Gmail page (it lives in a closed shadow root). */
export async function sidebarOf(page: Page) {
  const present = () => page.frames().some((f) => f.url().includes('/sidebar.html'));
  try {
    await expect.poll(present, { timeout: 8_000 }).toBe(true);
  } catch {
    // Right after a profile's first start Chromium can load the first page before it registers the content
    // scripts of a freshly loaded unpacked extension; a person would reload, and so does the test.
    await page.reload();
    await expect.poll(present, { timeout: 15_000 }).toBe(true);
  }
  return page.frames().find((f) => f.url().includes('/sidebar.html'))!;
}

/** Outlook on the web's hosts, which the extension is granted beside Gmail's (wxt.config.ts). */
export const OUTLOOK_HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
];

const outlookPages = new WeakMap<BrowserContext, { html: string }>();

/** Serves `html` for every request to Outlook's hosts from now on (a later call replaces it) and opens `url`. */
export async function openOutlook(ext: Extension, html: string, url: string): Promise<Page> {
  let served = outlookPages.get(ext.context);
  if (!served) {
    served = { html };
    outlookPages.set(ext.context, served);
    const current = served;
    for (const host of OUTLOOK_HOSTS) {
      await ext.context.route(`https://${host}/**`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.html }),
      );
    }
  }
  served.html = html;
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

/** Gmail swaps only what is inside [role=main]: do the same with the main of another page and a new hash. */
export async function swapGmailMain(page: Page, html: string, hash: string) {
  await page.evaluate(
    ([source, nextHash]) => {
      const incoming = new DOMParser().parseFromString(source, 'text/html').querySelector('[role=main]');
      const main = document.querySelector('[role=main]');
      if (!incoming || !main) throw new Error('no [role=main] to swap');
      main.replaceChildren(...[...incoming.childNodes].map((n) => document.importNode(n, true)));
      history.pushState(null, '', nextHash);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    [html, hash] as const,
  );
}
