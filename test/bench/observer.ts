import type { CDPSession, Page } from 'playwright-core';
import { BASELINE_ORIGIN, type BenchBrowser, CONTROL_ORIGIN, sidebarFrame } from './browser';
import { busyPageHtml, runMutations, THREAD_B } from './gmail-pages';
import { ratio, round, summarize } from './page/stats';

/**
 * Main-thread busy time of a Gmail-like page that mutates continuously, with the extension (mail.google.com, where
 * the content script runs) and without it (the same page at another origin, same browser), in rotating order.
 * Busy time is CDP Performance.getMetrics TaskDuration (everything the renderer's main thread ran) and
 * ScriptDuration, summed over the rounds. Each round is a fixed number of the page's mutation steps (runMutations),
 * not a fixed time, so both sides do the same work however the machine delays their timers. Each side's page is
 * loaded once and measured in every round, as a rep keeps Gmail open all day. The sidebar iframe renders in the
 * extension's own process, so it is not in these numbers: they are the cost the content script puts on Gmail's page.
 *
 * A third side, a control, is the page without the extension again at another origin: its ratio to the baseline
 * should be 1, and how far it is from 1 is how far this machine lets two equal sides differ in this run.
 */
export interface ObserverResult {
  rounds: number;
  secondsPerRound: number;
  withExtension: { taskMs: number; scriptMs: number };
  withoutExtension: { taskMs: number; scriptMs: number };
  taskRatio: number;
  scriptRatio: number;
  perRoundTaskRatios: number[];
  /** The middle of the rounds' ratios: one round the machine disturbed moves it less than the total. */
  medianRoundTaskRatio: number;
  /** Extra main-thread milliseconds per second of page time that the extension adds. */
  addedMsPerSecond: number;
  /** The control (no extension) against the baseline: 1 on a quiet machine; its distance from 1 is the noise. */
  control: { taskMs: number; taskRatio: number; perRoundTaskRatios: number[]; medianRoundTaskRatio: number };
}

type Metrics = Record<string, number>;
const TICKS_PER_SECOND = 20;
const GMAIL_ORIGIN = 'https://mail.google.com';
const SETTLE_MS = 800;

interface SidePage {
  page: Page;
  cdp: CDPSession;
}

/** One page per side, loaded once and measured round after round: every round finds it in the same state. */
async function openSide(b: BenchBrowser, origin: string): Promise<SidePage> {
  const page = await b.context.newPage();
  await page.goto(`${origin}/mail/u/0/${THREAD_B.hash}`);
  if (origin === GMAIL_ORIGIN) await sidebarFrame(page);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

async function measure({ page, cdp }: SidePage, seconds: number): Promise<{ taskMs: number; scriptMs: number }> {
  const read = async (): Promise<Metrics> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  // Garbage left from before (the content script's first read, the last round) would be collected at the round's
  // first burst of allocation, on one side and not the other: every side starts its round from a collected heap.
  // The page in front draws more (its caret blinks): the page measured is always the one in front.
  await page.bringToFront();
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await read();
  await page.evaluate(runMutations, seconds * TICKS_PER_SECOND);
  // The last step's layout and paint, and whatever the extension does after it, belong to the round.
  await page.waitForTimeout(250);
  const after = await read();
  const diff = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return { taskMs: diff('TaskDuration'), scriptMs: diff('ScriptDuration') };
}

export async function observerBench(b: BenchBrowser, rounds: number, seconds: number): Promise<ObserverResult> {
  b.serve(busyPageHtml());
  const origins = { on: GMAIL_ORIGIN, off: BASELINE_ORIGIN, control: CONTROL_ORIGIN } as const;
  const sides = ['on', 'off', 'control'] as const;
  type Side = (typeof sides)[number];
  const zero = () => ({ taskMs: 0, scriptMs: 0 });
  const total: Record<Side, { taskMs: number; scriptMs: number }> = { on: zero(), off: zero(), control: zero() };
  const perRound: number[] = [];
  const perRoundControl: number[] = [];
  const opened = {} as Record<Side, SidePage>;
  for (const side of sides) opened[side] = await openSide(b, origins[side]);
  // The content script sends the worker its first snapshot when the page is next idle (within 500 ms).
  await opened.on.page.waitForTimeout(SETTLE_MS);
  for (let i = 0; i < rounds; i++) {
    // Each side takes each place in the order in turn, so a drift of the machine's load favours none.
    const got: Record<Side, { taskMs: number; scriptMs: number }> = { on: zero(), off: zero(), control: zero() };
    for (let j = 0; j < sides.length; j++) {
      const side = sides[(i + j) % sides.length] as Side;
      got[side] = await measure(opened[side], seconds);
      total[side].taskMs += got[side].taskMs;
      total[side].scriptMs += got[side].scriptMs;
    }
    perRound.push(ratio(got.on.taskMs, got.off.taskMs));
    perRoundControl.push(ratio(got.control.taskMs, got.off.taskMs));
  }
  for (const { page, cdp } of Object.values(opened)) {
    await cdp.detach();
    await page.close();
  }
  const { on, off, control } = total;
  return {
    rounds,
    secondsPerRound: seconds,
    withExtension: { taskMs: round(on.taskMs, 1), scriptMs: round(on.scriptMs, 1) },
    withoutExtension: { taskMs: round(off.taskMs, 1), scriptMs: round(off.scriptMs, 1) },
    taskRatio: ratio(on.taskMs, off.taskMs),
    scriptRatio: ratio(on.scriptMs, off.scriptMs),
    perRoundTaskRatios: perRound,
    medianRoundTaskRatio: summarize(perRound).p50,
    addedMsPerSecond: round((on.taskMs - off.taskMs) / (rounds * seconds), 2),
    control: {
      taskMs: round(control.taskMs, 1),
      taskRatio: ratio(control.taskMs, off.taskMs),
      perRoundTaskRatios: perRoundControl,
      medianRoundTaskRatio: summarize(perRoundControl).p50,
    },
  };
}
