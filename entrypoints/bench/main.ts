import { type BenchApi, createBenchApi } from '@/test/bench/page/api';
import { createTeamBenchApi, type TeamBenchApi } from '@/test/bench/page/team';

// Built only when SIDECAR_BENCH=1 (see wxt.config.ts): the bench drivers (test/bench/run.ts, test/bench/server/run.ts)
// call these through page.evaluate.
declare global {
  interface Window {
    sidecarBench: BenchApi;
    sidecarTeamBench: TeamBenchApi;
  }
}

window.sidecarBench = createBenchApi();
window.sidecarTeamBench = createTeamBenchApi();
