import { describe, expect, it, vi } from 'vitest';
import { StoreError } from '@/lib/db/errors';
import { rpcRequest } from '@/lib/rpc/wire';
import type { Handlers } from '@/lib/worker/router';
import { createRouter } from '@/lib/worker/router';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: `${ORIGIN}sidebar.html`, tab: { id: 4 } };
const contentScript = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 4 }, frameId: 0 };

function routerWith(overrides: Partial<Handlers>) {
  const onError = vi.fn();
  const route = createRouter(overrides as Handlers, {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    webmailOrigins: ['https://mail.google.com/'],
    onError,
  });
  return { route, onError };
}

const snapshot = {
  provider: 'gmail',
  account: 'rep@example.com',
  accountIndex: 0,
  view: 'list',
  thread: null,
  participants: [],
  composes: [],
  problem: null,
};

describe('RPC router', () => {
  it('answers the extension pages', async () => {
    const { route } = routerWith({ ping: async () => ({ version: '1', now: 5 }) });
    expect(await route(rpcRequest('ping', {}), page)).toEqual({ ok: true, value: { version: '1', now: 5 } });
  });

  it('refuses web pages and other extensions, running nothing', async () => {
    const ping = vi.fn(async () => ({ version: '1', now: 5 }));
    const { route } = routerWith({ ping });
    for (const sender of [
      { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' },
      { url: 'https://evil.example/' },
      { id: ID, url: 'https://evil.example/', tab: { id: 1 } },
      {},
    ]) {
      expect(await route(rpcRequest('ping', {}), sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(ping).not.toHaveBeenCalled();
  });

  it('lets a content script publish a snapshot and nothing else', async () => {
    const publish = vi.fn(async (_input: unknown, _context: unknown) => true as const);
    const update = vi.fn();
    const { route } = routerWith({ 'snapshot.publish': publish, 'contact.update': update });
    expect(await route(rpcRequest('snapshot.publish', snapshot), contentScript)).toEqual({ ok: true, value: true });
    expect(publish.mock.calls[0]?.[1]).toMatchObject({ tabId: 4, fromContentScript: true });
    // A frame inside the Gmail page is not where the content script runs.
    const fromSubframe = await route(rpcRequest('snapshot.publish', snapshot), { ...contentScript, frameId: 3 });
    expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(publish).toHaveBeenCalledTimes(1);
    const refused = await route(rpcRequest('contact.update', { id: crypto.randomUUID(), patch: {} }), contentScript);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(update).not.toHaveBeenCalled();
  });

  it('answers wrong shapes with a typed error naming the field', async () => {
    const update = vi.fn();
    const { route } = routerWith({ 'contact.update': update });
    for (const input of [undefined, null, 42, 'x', { id: 'not-a-uuid', patch: {} }, { id: crypto.randomUUID() }]) {
      const result = await route(rpcRequest('contact.update', input), page);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const result = await route(rpcRequest('contact.update', { id: 'x', patch: {} }), page);
    expect(result.ok === false && result.error.field).toBe('id');
    expect(update).not.toHaveBeenCalled();
  });

  it('refuses unknown methods, non-requests and huge payloads', async () => {
    const { route } = routerWith({});
    expect(await route(rpcRequest('contact.drop_all', {}), page)).toMatchObject({ error: { code: 'unknown-method' } });
    expect(await route(rpcRequest('__proto__', {}), page)).toMatchObject({ error: { code: 'unknown-method' } });
    expect(await route({ hello: 1 }, page)).toMatchObject({ error: { code: 'invalid-request' } });
    expect(await route(null, page)).toMatchObject({ error: { code: 'invalid-request' } });
    const huge = { query: 'x'.repeat(9 * 1024 * 1024) };
    expect(await route(rpcRequest('search.all', huge), page)).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('turns a thrown error into a typed answer, never a rejection', async () => {
    const { route, onError } = routerWith({
      'contact.get': async () => {
        throw new StoreError('not-found', 'gone');
      },
      'settings.get': async () => {
        throw new TypeError('boom');
      },
    });
    await expect(route(rpcRequest('contact.get', { id: crypto.randomUUID() }), page)).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
    await expect(route(rpcRequest('settings.get', {}), page)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
