import { type BenchApi, createBenchApi } from '@/test/bench/page/api';

// Built only when SIDECAR_BENCH=1 (see wxt.config.ts): the bench driver calls these through page.evaluate.
declare global {
  interface Window {
    sidecarBench: BenchApi;
  }
}

window.sidecarBench = createBenchApi();
