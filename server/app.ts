import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { MAX_BODY_BYTES } from '../lib/sync/protocol';
import type { Pool } from './db/pool';
import { ApiError } from './errors';
import type { EventHub } from './events/hub';
import type { FormLimits } from './forms/limits';
import { formRoutes } from './forms/routes';
import { eventRoutes } from './routes/events';
import { syncRoutes } from './routes/sync';
import { teamRoutes } from './routes/team';

export interface AppOptions {
  pool: Pool;
  hub: EventHub;
  /** Exact origins allowed to call from a browser: the extension's (chrome-extension://<id>, moz-extension://<id>). */
  allowedOrigins: readonly string[];
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  heartbeatMs?: number;
  /** How long close() lets requests in flight finish before it cuts their connections. */
  closeGraceMs?: number;
  now?: () => number;
  /** The public web forms' rate limits (server/forms/limits.ts has the defaults). */
  formLimits?: FormLimits;
}

/**
 * Requests are logged with their headers for diagnosis, except what opens the service: a device token must never
 * reach a log file (nor a URL: every endpoint takes it in the Authorization header only).
 */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie'];

export function loggerOptions(options: Record<string, unknown> = {}): FastifyServerOptions['logger'] {
  return {
    ...options,
    redact: LOG_REDACT,
    serializers: {
      req: (request: { method: string; url: string; headers: object; ip?: string }) => ({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ip: request.ip,
      }),
    },
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
  });
  // JSON only: a text body would otherwise parse as a string and fail later with a vaguer message.
  app.removeContentTypeParser('text/plain');
  const allowed = new Set(options.allowedOrigins);
  await app.register(cors, {
    // A request from any other origin gets no CORS header, so the browser keeps the answer from the page.
    origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorAnswer(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    reply.status(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: 'no such endpoint' } });
  });
  app.get('/health', async () => {
    await options.pool.query('SELECT 1');
    return { ok: true };
  });
  const now = options.now ?? Date.now;
  teamRoutes(app, options.pool, options.hub);
  syncRoutes(app, options.pool, options.hub, now);
  eventRoutes(app, options.pool, options.hub, options.heartbeatMs ?? 25_000);
  formRoutes(app, options.pool, now, options.formLimits);
  // Open event streams would hold close() forever; ending them is part of stopping. Requests in flight get a grace
  // period, then their connections are cut: a device retries, and exactly-once makes that safe. A socket a client
  // opened without sending a request yet is not idle to Node's server.close(), which would otherwise wait for it.
  let cut: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    cut = setTimeout(() => app.server.closeAllConnections(), options.closeGraceMs ?? 5000).unref();
    await options.hub.stop();
  });
  app.addHook('onClose', async () => clearTimeout(cut));
  return app;
}

/** PostgreSQL codes of a database that is down, restarting or refusing connections: the device should retry. */
const UNAVAILABLE = /^(08|57P0[1-3]|53300)/;
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

function errorAnswer(error: unknown): { status: number; body: object } {
  const refuse = (status: number, code: string, message: string, details?: unknown) => ({
    status,
    body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  });
  if (error instanceof ApiError) return refuse(error.status, error.code, error.message, error.details);
  const e = error as { code?: string; statusCode?: number; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return refuse(413, 'body_too_large', `bodies are limited to ${MAX_BODY_BYTES} bytes`);
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return refuse(415, 'unsupported_media_type', 'send application/json');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return refuse(e.statusCode, 'bad_request', e.message ?? 'bad request');
  }
  if (
    (e.code && (UNAVAILABLE.test(e.code) || NETWORK.has(e.code))) ||
    /timeout|terminat|Connection/i.test(e.message ?? '')
  ) {
    return refuse(503, 'unavailable', 'the database is not reachable; try again shortly');
  }
  return refuse(500, 'internal', 'the service failed; try again');
}
