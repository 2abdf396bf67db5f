import type { Page } from 'playwright-core';
import { stripRow } from '../../../lib/db/rows';
import { defaultPipeline } from '../../../lib/model';
import type { Json } from '../../../lib/sync/json';
import type { Pool } from '../../../server/db/pool';
import type { BenchBrowser } from '../browser';
import { buildRows } from '../page/seed';
import { type Summary, summarize } from '../page/stats';
import { BENCH_IDS } from './records';
import { BenchDevice, benchTeam, join } from './service';

/**
 * A teammate's edit reaching another browser's open page: a device pushes a change to a deal over HTTP; the bench
 * browser's worker, joined to the same team, hears the new version on its event stream, pulls, applies, and tells its
 * open pages which stores changed. Measured from just before the push is sent to the moment the open dashboard page
 * receives that "deals changed" signal (the page then reads the deal from its own store). One machine, one clock.
 */
const SHAPE = { contacts: 1, companies: 1, deals: 1, activities: 0 };

export interface LiveResults {
  samples: number;
  editToPageMs: Summary;
}

declare global {
  interface Window {
    sidecarSeen?: number[];
  }
}

async function rpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  const answer = (await page.evaluate(
    ([m, i]) => chrome.runtime.sendMessage({ kind: 'sidecar-rpc', method: m, input: i }),
    [method, input] as const,
  )) as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error?.message}`);
  return answer.value as T;
}

async function seenCount(page: Page): Promise<number[]> {
  return page.evaluate(() => window.sidecarSeen ?? []);
}

export async function liveBench(
  browser: BenchBrowser,
  pool: Pool,
  base: string,
  samples: number,
): Promise<LiveResults> {
  const { manager } = await benchTeam(pool, base, 'Live bench');
  const page = await browser.openPage('dashboard.html');
  const code = await manager.invite('Sophea');
  await rpc(page, 'team.join', { serverUrl: base, code, deviceName: 'Sophea bench' });
  const teammate = new BenchDevice(base, await join(base, await manager.invite('Vannak'), 'Vannak bench'));
  const { id: dealId, ...deal } = stripRow(buildRows('deals', 0, 1, SHAPE, defaultPipeline(Date.now()), BENCH_IDS)[0]!);
  await teammate.push([teammate.change('deals', dealId, deal as Record<string, Json>)]);
  // A page opened after joining watches the team (components/team-watch.ts): its worker keeps the stream open.
  await page.reload();
  await page.evaluate(() => {
    window.sidecarSeen = [];
    type Listener = (message: { kind?: string; type?: string; stores?: string[] }) => void;
    const runtime = (
      globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(l: Listener): void } } } }
    ).chrome.runtime;
    runtime.onMessage.addListener((message) => {
      if (message.kind === 'sidecar-event' && message.type === 'changed' && message.stores?.includes('deals')) {
        window.sidecarSeen?.push(Date.now());
      }
    });
  });
  await page.waitForTimeout(1500);
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const before = (await seenCount(page)).length;
    const sent = Date.now();
    await teammate.push([teammate.change('deals', dealId, { title: `Rice order ${i}`, updatedAt: sent })]);
    let seen: number[] = [];
    for (let wait = 0; wait < 400 && seen.length <= before; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen = await seenCount(page);
    }
    if (seen.length <= before) throw new Error(`edit ${i} never reached the open page`);
    latencies.push(seen[before]! - sent);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await page.close();
  return { samples, editToPageMs: summarize(latencies) };
}
