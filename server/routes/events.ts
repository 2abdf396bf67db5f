import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { authenticate } from '../auth';
import type { Pool } from '../db/pool';
import type { EventHub } from '../events/hub';

/**
 * Server-Sent Events: `event: version` with `{ "version": N }` when the team's version moves, the current one first.
 * The token travels in the Authorization header, so the extension reads this with a streaming fetch rather than
 * EventSource (which cannot send headers and would need the token in the URL, where proxies log it).
 */
export function eventRoutes(app: FastifyInstance, pool: Pool, hub: EventHub, heartbeatMs: number): void {
  app.get('/v1/events', async (request, reply) => {
    const caller = await authenticate(pool, request);
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM teams WHERE id = $1', [caller.teamId]);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      // The CORS headers the plugin set on the reply: a hijacked reply writes its own head.
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx buffers proxied responses by default, which would hold events back until its buffer fills.
      'x-accel-buffering': 'no',
    });
    // A stream the device has just closed must not be written to: that is an error event on the response.
    const write = (text: string) => {
      if (!raw.writableEnded && !raw.destroyed) raw.write(text);
    };
    write('retry: 5000\n\n');
    // Proxies and NATs drop a connection silent for a minute or two; a comment line keeps it open.
    const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
    const unsubscribe = hub.subscribe(
      {
        teamId: caller.teamId,
        deviceId: caller.deviceId,
        send: (version) => write(`event: version\ndata: ${JSON.stringify({ version })}\n\n`),
        close: () => raw.end(),
      },
      rows[0]!.version,
    );
    raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
