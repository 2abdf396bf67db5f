import type { z } from 'zod';
import {
  type DevicesResponse,
  devicesResponseSchema,
  errorResponseSchema,
  type InviteRequest,
  type InviteResponse,
  inviteResponseSchema,
  type JoinRequest,
  type JoinResponse,
  joinResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  pullResponseSchema,
  pushResponseSchema,
  revokeResponseSchema,
  type TeamResponse,
  teamResponseSchema,
} from '../sync/protocol';

/** The network as the worker is given it (the browser's `fetch`); nothing in lib/ reaches for a global one. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Why a call to the team service failed: the service's own error code (`seq_gap`, `unauthorized`, …), `offline` when
 * it could not be reached, `bad_answer` when it answered something this version cannot read.
 */
export class TeamError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null = null,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'TeamError';
  }
}

/** The service's address as the rep typed it, made one form: `https://crm.lucky.kh` (http only for this machine). */
export function serviceUrl(typed: string): string | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed.trim()) ? typed.trim() : `https://${typed.trim()}`);
  } catch {
    return null;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** One team service, called as one device (with its token) or as nobody yet (join). */
export function teamClient(fetch: Fetch, baseUrl: string, token: string | null) {
  async function call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        cache: 'no-store',
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new TeamError('offline', 'The team service cannot be reached.');
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: a proxy's error page, told below by its status.
    }
    if (!response.ok) {
      const parsed = errorResponseSchema.safeParse(json);
      if (parsed.success) {
        const { code, message, details } = parsed.data.error;
        throw new TeamError(code, message, response.status, details);
      }
      throw new TeamError('unavailable', `The team service answered ${response.status}.`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TeamError('bad_answer', 'The team service answered something Sidecar cannot read.');
    return parsed.data;
  }

  return {
    /** Any other call of this device on the same service, for the feature homes that use it (lib/forms). */
    call,
    join: (body: JoinRequest): Promise<JoinResponse> => call('POST', '/v1/join', joinResponseSchema, body),
    push: (body: PushRequest): Promise<PushResponse> => call('POST', '/v1/push', pushResponseSchema, body),
    pull: (cursor: number, limit: number): Promise<PullResponse> =>
      call('GET', `/v1/pull?cursor=${cursor}&limit=${limit}`, pullResponseSchema),
    team: (): Promise<TeamResponse> => call('GET', '/v1/team', teamResponseSchema),
    invite: (body: InviteRequest): Promise<InviteResponse> => call('POST', '/v1/invites', inviteResponseSchema, body),
    devices: (): Promise<DevicesResponse> => call('GET', '/v1/devices', devicesResponseSchema),
    revoke: (deviceId: string) =>
      call('POST', `/v1/devices/${encodeURIComponent(deviceId)}/revoke`, revokeResponseSchema, {}),
    /** The response of the event stream, for readEvents; its body is read as it arrives. */
    events: async (signal: AbortSignal): Promise<Response> => {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/v1/events`, {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal,
          cache: 'no-store',
        });
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') throw error;
        throw new TeamError('offline', 'The team service cannot be reached.');
      }
      if (!response.ok) {
        const parsed = errorResponseSchema.safeParse(await response.json().catch(() => null));
        const error = parsed.success ? parsed.data.error : { code: 'unavailable', message: `${response.status}` };
        throw new TeamError(error.code, error.message, response.status);
      }
      return response;
    },
  };
}

export type TeamClient = ReturnType<typeof teamClient>;
