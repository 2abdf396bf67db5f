import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startWorker } from '@/lib/worker/start';

export default defineBackground({
  main() {
    startWorker(browser, { fetch: (input, init) => fetch(input, init) });
  },
});
