import { createWorkerPublisher } from '@/lib/content/worker-publish';

/** A page window whose idle callbacks run only when the test says the page is idle. */
function idleWindow() {
  const target = new EventTarget();
  const idle = new Map<number, () => void>();
  let next = 1;
  const win = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    addEventListener: target.addEventListener.bind(target),
    requestIdleCallback: vi.fn((callback: () => void, _options?: { timeout: number }) => {
      idle.set(next, callback);
      return next++;
    }),
    cancelIdleCallback: (handle: number) => idle.delete(handle),
  };
  return {
    win: win as unknown as Window,
    requestIdleCallback: win.requestIdleCallback,
    goIdle() {
      const callbacks = [...idle.values()];
      idle.clear();
      for (const callback of callbacks) callback();
    },
    pageHide: () => target.dispatchEvent(new Event('pagehide')),
    blur: () => target.dispatchEvent(new Event('blur')),
  };
}

describe('createWorkerPublisher', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  /** A publisher on an idle-controlled page; `linked` says whether the sidebar has accepted its port. */
  function setup(linked: () => boolean) {
    const page = idleWindow();
    const sent: number[] = [];
    const publisher = createWorkerPublisher<number>(page.win, (n) => sent.push(n), linked, controller.signal);
    return { page, sent, publisher };
  }

  it('sends at once while the sidebar has no port of its own: the worker is then how the sidebar hears', () => {
    const { page, sent, publisher } = setup(() => false);
    publisher.publish(1);
    publisher.publish(2);
    expect(sent).toEqual([1, 2]);
    expect(page.requestIdleCallback).not.toHaveBeenCalled();
  });

  it('once the sidebar is linked, waits for the page to be idle, with a deadline, and sends every snapshot in order', () => {
    const { page, sent, publisher } = setup(() => true);
    publisher.publish(1);
    publisher.publish(2);
    publisher.publish(3);
    expect(sent).toEqual([]);
    expect(page.requestIdleCallback).toHaveBeenCalledTimes(1);
    expect(page.requestIdleCallback.mock.calls[0]?.[1]).toEqual({ timeout: 500 });
    page.goIdle();
    expect(sent).toEqual([1, 2, 3]);
    publisher.publish(4);
    page.goIdle();
    expect(sent).toEqual([1, 2, 3, 4]);
  });

  it('sends what waits before a snapshot that must go at once, so the worker never sees them out of order', () => {
    let linked = true;
    const { page, sent, publisher } = setup(() => linked);
    publisher.publish(1);
    linked = false; // the sidebar reloaded
    publisher.publish(2);
    expect(sent).toEqual([1, 2]);
    page.goIdle();
    expect(sent).toEqual([1, 2]);
  });

  it('sends what waits as soon as the page loses focus, as when the rep clicks into the sidebar', () => {
    const { page, sent, publisher } = setup(() => true);
    publisher.publish(1);
    publisher.publish(2);
    page.blur();
    expect(sent).toEqual([1, 2]);
    page.goIdle();
    expect(sent).toEqual([1, 2]);
  });

  it('sends what waits when the tab is hidden for good, and never more than twenty wait', () => {
    const { page, sent, publisher } = setup(() => true);
    publisher.publish(1);
    page.pageHide();
    expect(sent).toEqual([1]);

    for (let i = 0; i < 25; i++) publisher.publish(100 + i);
    expect(sent).toHaveLength(1 + 21);
    expect(sent.slice(1)).toEqual(Array.from({ length: 21 }, (_, i) => 100 + i));
    page.goIdle();
    expect(sent.slice(1)).toEqual(Array.from({ length: 25 }, (_, i) => 100 + i));
  });

  it('falls back to a short timer where the page has no idle callbacks', async () => {
    vi.useFakeTimers();
    try {
      const target = new EventTarget();
      const win = {
        setTimeout: globalThis.setTimeout,
        clearTimeout: globalThis.clearTimeout,
        addEventListener: target.addEventListener.bind(target),
      } as unknown as Window;
      const sent: number[] = [];
      const publisher = createWorkerPublisher<number>(
        win,
        (n) => sent.push(n),
        () => true,
        controller.signal,
      );
      publisher.publish(1);
      expect(sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(100);
      expect(sent).toEqual([1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends nothing once the content script is stopped', () => {
    const { page, sent, publisher } = setup(() => true);
    publisher.publish(1);
    controller.abort();
    page.goIdle();
    page.pageHide();
    publisher.publish(2);
    expect(sent).toEqual([]);
  });
});
