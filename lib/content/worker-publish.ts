/**
 * Hands the content script's snapshots to the worker. A thread swap is when Gmail lays out a new conversation and the
 * sidebar draws its people; the worker's part (storing the snapshot, logging the thread, repeating it to extension
 * pages) and the browser passing a snapshot of up to 500 messages to every extension frame are not what the rep is
 * waiting for, and on two cores they would take the CPU from both. So once the sidebar has accepted its own port
 * (./sidebar-link.ts), snapshots go to the worker when the page is next idle, in order, none dropped, and within
 * `IDLE_TIMEOUT_MS`; before that (the sidebar still loading, or a browser where the port fails) the worker's message
 * is also how the sidebar hears, so each goes at once.
 */

const IDLE_TIMEOUT_MS = 500;
/** A page that never idles still sends within the timeout; this only bounds what waits meanwhile. */
const MAX_WAITING = 20;

// Safari has no requestIdleCallback; a test's window may not either.
type PageWindow = Pick<Window, 'setTimeout' | 'clearTimeout' | 'addEventListener'> &
  Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;

export interface WorkerPublisher<S> {
  publish(snapshot: S): void;
}

export function createWorkerPublisher<S>(
  win: PageWindow,
  send: (snapshot: S) => void,
  sidebarLinked: () => boolean,
  signal: AbortSignal,
): WorkerPublisher<S> {
  const waiting: S[] = [];
  let idleHandle: number | undefined;
  let timer: number | undefined;

  const cancel = () => {
    if (idleHandle !== undefined) win.cancelIdleCallback?.(idleHandle);
    if (timer !== undefined) win.clearTimeout(timer);
    idleHandle = timer = undefined;
  };
  const flush = () => {
    cancel();
    if (signal.aborted) return;
    for (const snapshot of waiting.splice(0)) send(snapshot);
  };

  // A tab closed or navigated away right after a swap still gets its thread logged.
  win.addEventListener('pagehide', flush, { signal });
  // The page loses focus when the rep clicks into the sidebar: its Add button asks the worker for this tab's
  // snapshot (to read the person's signature), so the worker must have heard of the thread on screen first.
  win.addEventListener('blur', flush, { signal });
  signal.addEventListener('abort', cancel, { once: true });

  return {
    publish(snapshot) {
      if (signal.aborted) return;
      if (!sidebarLinked() || waiting.length >= MAX_WAITING) {
        flush();
        send(snapshot);
        return;
      }
      waiting.push(snapshot);
      if (idleHandle !== undefined || timer !== undefined) return;
      if (win.requestIdleCallback) idleHandle = win.requestIdleCallback(flush, { timeout: IDLE_TIMEOUT_MS });
      else timer = win.setTimeout(flush, IDLE_TIMEOUT_MS / 5);
    },
  };
}
