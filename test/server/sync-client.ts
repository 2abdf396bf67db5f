import type { FastifyInstance } from 'fastify';
import type { Json } from '@/lib/sync/json';
import { applyChange, merge, type RecordState } from '@/lib/sync/merge';
import type { Mutation, PullResponse, PushResponse, SyncEntity } from '@/lib/sync/protocol';
import type { Device } from './harness';

/** Starts a test service on a real port (SSE, concurrency and crashes need real sockets) and answers its base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

export async function request<T>(base: string, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the extension's worker will do, reduced to the protocol: local writes go to an outbox and into the local
 * state at once; push sends the outbox from its head and drops what the service acknowledged; pull merges pages
 * into the local state. Network failures and 5xx answers are retried until a deadline, as a device would.
 */
export class SyncClient {
  outbox: Mutation[] = [];
  state = new Map<string, RecordState>();
  cursor = 0;
  acked = 0;
  /** The version of each record of each page pulled, in order: to check that nothing came twice or out of order. */
  pulled: { key: string; version: number }[] = [];

  constructor(
    public base: string,
    readonly device: Device,
  ) {}

  write(entity: SyncEntity, id: string, values: Record<string, Json>): Mutation {
    const key = `${entity}/${id}`;
    const base = this.state.get(key);
    const first = Object.keys(values)[0]!;
    const mutation = this.device.change(entity, id, values, base?.fields[first]?.hlc ?? null);
    const change = Object.fromEntries(
      Object.entries(mutation.fields).map(([field, write]) => [field, { ...write, by: this.device.joined.rep.id }]),
    );
    this.state.set(key, applyChange(base ?? null, change));
    this.outbox.push(mutation);
    return mutation;
  }

  /** One push of the outbox's head; answers the status. */
  async pushOnce(max = 100): Promise<number> {
    const batch = this.outbox.slice(0, max);
    if (batch.length === 0) return 200;
    const answer = await request<PushResponse>(
      this.base,
      'POST',
      '/v1/push',
      this.device.token,
      this.device.push(batch),
    );
    if (answer.status === 200) {
      this.acked = answer.body.lastSeq;
      this.outbox = this.outbox.filter((m) => m.seq > answer.body.lastSeq);
    }
    return answer.status;
  }

  async pullOnce(limit = 200): Promise<boolean> {
    const answer = await request<PullResponse>(
      this.base,
      'GET',
      `/v1/pull?cursor=${this.cursor}&limit=${limit}`,
      this.device.token,
    );
    if (answer.status !== 200) throw new Error(`pull answered ${answer.status}`);
    for (const record of answer.body.records) {
      const key = `${record.entity}/${record.id}`;
      this.pulled.push({ key, version: record.version });
      const pulled = { fields: record.fields, conflicts: record.conflicts };
      const local = this.state.get(key);
      this.state.set(key, local ? merge(local, pulled) : pulled);
    }
    this.cursor = answer.body.cursor;
    return answer.body.more;
  }

  async pushAll(deadline: number): Promise<void> {
    await this.retrying(deadline, async () => {
      while (this.outbox.length > 0) {
        const status = await this.pushOnce();
        if (status !== 200) throw new Error(`push answered ${status}`);
      }
    });
  }

  async pullAll(deadline: number): Promise<void> {
    await this.retrying(deadline, async () => {
      while (await this.pullOnce());
    });
  }

  private async retrying(deadline: number, work: () => Promise<void>): Promise<void> {
    for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
      try {
        return await work();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(delay);
      }
    }
  }
}

/** Reads an event stream with a streaming fetch, as the extension will, collecting the versions announced. */
export function openEvents(base: string, token: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const versions: number[] = [];
  let text = '';
  let status = 0;
  let responseHeaders = new Headers();
  const opened = fetch(`${base}/v1/events`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
    signal: controller.signal,
  });
  const ended = (async () => {
    const response = await opened;
    status = response.status;
    responseHeaders = response.headers;
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += value;
      // An event may arrive split over two chunks: read the versions from the whole text so far.
      versions.splice(
        0,
        versions.length,
        ...[...text.matchAll(/data: \{"version":(\d+)\}\n\n/g)].map((m) => Number(m[1])),
      );
    }
  })().catch(() => {});
  return {
    versions,
    text: () => text,
    status: () => status,
    headers: () => responseHeaders,
    ended,
    close: async () => {
      controller.abort();
      await ended;
    },
  };
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(everyMs);
  }
}
