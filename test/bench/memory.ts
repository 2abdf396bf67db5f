import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface Heap {
  /** JS heap in use after a forced garbage collection, in MB. */
  usedMB: number;
  totalMB: number;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function heapOf(send: (method: string, params?: object) => Promise<unknown>): Promise<Heap> {
  await send('HeapProfiler.collectGarbage');
  const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  return { usedMB: mb(usage.usedSize), totalMB: mb(usage.totalSize) };
}

export async function pageHeap(context: BrowserContext, page: Page): Promise<Heap> {
  const cdp = await context.newCDPSession(page);
  try {
    return await heapOf((method, params) => cdp.send(method as 'Runtime.getHeapUsage', params));
  } finally {
    await cdp.detach();
  }
}

/**
 * The service worker's heap. Playwright opens CDP sessions on pages only, so this goes through a page's session
 * and the Target domain's message relay (non-flat mode) to the worker's target. Null when that relay is refused.
 */
export async function workerHeap(context: BrowserContext, page: Page, extensionId: string): Promise<Heap | null> {
  const cdp: CDPSession = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!target) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
      sessionId: string;
    };
    let nextId = 1;
    const pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== undefined) pending.get(message.id)?.(message);
    });
    const send = (method: string, params: object = {}) =>
      new Promise<unknown>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (message) =>
          message.error ? reject(new Error(message.error.message)) : resolve(message.result),
        );
        void cdp
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch(reject);
      });
    const heap = await heapOf(send);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return heap;
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
