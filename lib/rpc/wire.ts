/**
 * The envelope on the wire. Kept free of zod so the content script can send without shipping a schema library;
 * everything that arrives is parsed by the receiver.
 */
import type { WebmailSnapshot } from '../model/snapshot';

export const RPC_KIND = 'sidecar-rpc';
export const EVENT_KIND = 'sidecar-event';

export interface RpcRequest {
  kind: typeof RPC_KIND;
  method: string;
  input: unknown;
}

export const RPC_ERROR_CODES = [
  'invalid-request',
  'forbidden',
  'unknown-method',
  'invalid',
  'not-found',
  'conflict',
  'quota',
  'internal',
  'unavailable',
] as const;
export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

export interface RpcError {
  code: RpcErrorCode;
  message: string;
  field?: string | null;
  details?: Record<string, string>;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/**
 * Events the worker broadcasts after a committed write, or when a tab's snapshot changed (the snapshot without its
 * messages, as the sidebar gets it from the content script).
 */
export type SidecarEvent =
  | { kind: typeof EVENT_KIND; type: 'changed'; stores: string[] }
  | { kind: typeof EVENT_KIND; type: 'snapshot'; tabId: number; snapshot: WebmailSnapshot };

export function rpcRequest(method: string, input: unknown): RpcRequest {
  return { kind: RPC_KIND, method, input };
}
