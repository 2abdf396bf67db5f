import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startWorker } from '@/lib/background/worker';

export default defineBackground({
  main() {
    startWorker(browser);
  },
});
