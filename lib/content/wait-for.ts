/**
 * What `find` finds once the webmail has built it (webmail apps build their page after the content script starts),
 * or what it finds when `ms` have passed or `signal` aborts, whichever comes first. Each change to the page is one
 * cheap look; the observer ends with the wait.
 */
export function waitFor<T>(
  doc: Document,
  find: () => T | null | undefined,
  signal: AbortSignal,
  ms: number,
): Promise<T | null> {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(find() ?? null);
    };
    const observer = new MutationObserver(() => find() && done());
    observer.observe(doc, { childList: true, subtree: true });
    signal.addEventListener('abort', done);
    const timer = setTimeout(done, find() ? 0 : ms);
  });
}
