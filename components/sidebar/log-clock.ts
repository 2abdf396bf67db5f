import { LOG_AFTER_MS } from '@/lib/worker/contract';

/**
 * The clock of "private first": once the sidebar has shown a thread for LOG_AFTER_MS, long enough for the rep to
 * have ticked "Don't log this thread", it asks the worker to log it. It runs here rather than in the worker, which
 * the browser may stop at any moment (lib/worker/thread-log.ts). A thread swapped away sooner is not asked for.
 */
export function createLogClock(ask: (threadId: string) => void, signal: AbortSignal) {
  let shown: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  signal.addEventListener('abort', stop, { once: true });
  return {
    /** The thread now on screen, or null when none is. */
    show(threadId: string | null) {
      if (threadId === shown || signal.aborted) return;
      shown = threadId;
      stop();
      if (threadId !== null) {
        timer = setTimeout(() => {
          timer = undefined;
          ask(threadId);
        }, LOG_AFTER_MS);
      }
    },
  };
}
