import { ratio, round, summarize } from '../../lib/bench/stats';
import { BASELINE_ORIGIN, type BenchBrowser } from './browser';
import { busyPageHtml, runMutations, THREAD_B } from './gmail-pages';

/**
 * Main-thread busy time of a Gmail-like page that mutates continuously, with the extension (mail.google.com, where
 * the content script runs) and without it (the same page at another origin, same browser), alternating rounds.
 * Busy time is CDP Performance.getMetrics TaskDuration (everything the renderer's main thread ran) and
 * ScriptDuration, summed over the rounds. Each round is a fixed number of the page's mutation steps (runMutations),
 * not a fixed time, so both sides do the same work however the machine delays their timers. The sidebar iframe renders in the extension's own process, so it is
 * not in these numbers: they are the cost the content script puts on Gmail's page.
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
}

type Metrics = Record<string, number>;
const TICKS_PER_SECOND = 20;

async function measure(
  b: BenchBrowser,
  origin: string,
  seconds: number,
): Promise<{ taskMs: number; scriptMs: number }> {
  const page = await b.context.newPage();
  await page.goto(`${origin}/mail/u/0/${THREAD_B.hash}`);
  // Let the content script mount the sidebar and publish its first snapshot before measuring.
  await page.waitForTimeout(1500);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async (): Promise<Metrics> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  const before = await read();
  await page.evaluate(runMutations, seconds * TICKS_PER_SECOND);
  // The last step's layout and paint, and whatever the extension does after it, belong to the round.
  await page.waitForTimeout(250);
  const after = await read();
  await cdp.detach();
  await page.close();
  const diff = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return { taskMs: diff('TaskDuration'), scriptMs: diff('ScriptDuration') };
}

export async function observerBench(b: BenchBrowser, rounds: number, seconds: number): Promise<ObserverResult> {
  b.serve(busyPageHtml());
  const on = { taskMs: 0, scriptMs: 0 };
  const off = { taskMs: 0, scriptMs: 0 };
  const perRound: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternating which side goes first, so a drift of the machine's load favours neither.
    const order = i % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    const got = { on: { taskMs: 0, scriptMs: 0 }, off: { taskMs: 0, scriptMs: 0 } };
    for (const side of order) {
      got[side] = await measure(b, side === 'on' ? 'https://mail.google.com' : BASELINE_ORIGIN, seconds);
    }
    on.taskMs += got.on.taskMs;
    on.scriptMs += got.on.scriptMs;
    off.taskMs += got.off.taskMs;
    off.scriptMs += got.off.scriptMs;
    perRound.push(ratio(got.on.taskMs, got.off.taskMs));
  }
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
  };
}
