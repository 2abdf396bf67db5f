import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { launchChromium } from '../e2e/harness';

/** `npm run bench` builds with SIDECAR_BENCH=1, which puts the bench page in and the build in .output/bench. */
export const EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.SIDECAR_OUT_DIR ?? '.output',
  'bench/chrome-mv3',
);
export { CHROMIUM } from '../e2e/harness';

/** A page that is not mail.google.com, so the content script stays off it: the "without extension" side. */
export const BASELINE_ORIGIN = 'https://mail.baseline.test';
/** A second page without the content script: measured like the others, it shows how far two equal sides differ. */
export const CONTROL_ORIGIN = 'https://mail.control.test';

export interface BenchBrowser {
  context: BrowserContext;
  id: string;
  worker(): Promise<Worker>;
  openPage(path: string): Promise<Page>;
  /** Serves `html` at every address of mail.google.com and of the baseline and control origins from now on. */
  serve(html: string): void;
  close(): Promise<void>;
}

export async function launchBench(): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sidecar-bench-'));
  // The e2e tests' launcher, so the bench sees the browser they see.
  const context = await launchChromium(userDataDir, { extensionDir: EXTENSION_DIR });
  let html = '<!doctype html><title>Gmail</title><div role="main"></div>';
  const fulfil = (route: { fulfill(o: { status: number; contentType: string; body: string }): Promise<void> }) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  await context.route('https://mail.google.com/**', fulfil);
  await context.route(`${BASELINE_ORIGIN}/**`, fulfil);
  await context.route(`${CONTROL_ORIGIN}/**`, fulfil);
  const findWorker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const id = new URL((await findWorker()).url()).host;
  return {
    context,
    id,
    async worker() {
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ?? findWorker();
    },
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    serve(next) {
      html = next;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The sidebar frame the content script mounts in `page`: once it is there, the content script has run. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 300; i++) {
    const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the sidebar frame never appeared');
}
