import type { BenchApi } from '/work/main/lib/bench/api.ts';
import { launchBench } from '/work/main/test/bench/browser.ts';
import { pageHeap, workerHeap } from '/work/main/test/bench/memory.ts';

const b = await launchBench();
const page = await b.openPage('bench.html');
const api = () => (window as unknown as { sidecarBench: BenchApi }).sidecarBench;
console.log(await page.evaluate(() => (window as unknown as { sidecarBench: BenchApi }).sidecarBench.open()));
const shape = { contacts: 10000, companies: 20000, deals: 3000, activities: 30000 };
for (const kind of ['companies', 'contacts', 'deals', 'activities'] as const) {
  const r = await page.evaluate(
    ([k, s]) => (window as unknown as { sidecarBench: BenchApi }).sidecarBench.seed(k, 0, s[k], s),
    [kind, shape] as const,
  );
  console.log(kind, r);
}
console.log(
  JSON.stringify(
    await page.evaluate(() =>
      (window as unknown as { sidecarBench: BenchApi }).sidecarBench.store({
        contacts: 10000,
        samples: 200,
        warmup: 20,
      }),
    ),
    null,
    1,
  ),
);
console.log(await pageHeap(b.context, page), await workerHeap(b.context, page, b.id));
await b.close();
