import { asStoreError, StoreError } from '../db/errors';
import { refusalDetails } from '../i18n/refusal';
import type { CallContext, HandlersOf, SenderInfo } from '../rpc/define';
import { RPC_KIND, type RpcResult } from '../rpc/wire';
import { webmailTabOf } from '../webmail/origins';
import { CONTENT_SCRIPT_METHODS, type Contract, contract, isMethod } from './contract';

export type Handlers = HandlersOf<Contract>;

export interface RouterOptions {
  extensionId: string;
  /** e.g. "chrome-extension://<id>/" */
  extensionOrigin: string;
  webmailOrigins: readonly string[];
  onError?: (method: string, error: unknown) => void;
}

const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

function refuse(code: 'invalid-request' | 'forbidden' | 'unknown-method', message: string): RpcResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Who may call: the extension's own pages, with every method; its content scripts on the webmail origins, with
 * CONTENT_SCRIPT_METHODS only. Web pages and other extensions get "forbidden" and nothing runs.
 */
function classify(sender: SenderInfo, options: RouterOptions): 'page' | 'content' | null {
  if (sender.id !== options.extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(options.extensionOrigin)) return 'page';
  return webmailTabOf(sender, options.extensionId, options.webmailOrigins) === null ? null : 'content';
}

/**
 * Answers every message with a typed result, never a rejection: a thrown handler becomes
 * `{ ok: false, error }`, and the worker stays up whatever arrives.
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(message: unknown, sender: SenderInfo): Promise<RpcResult<unknown>> {
    if (typeof message !== 'object' || message === null || (message as { kind?: unknown }).kind !== RPC_KIND) {
      return refuse('invalid-request', 'Not a Sidecar request.');
    }
    const { method, input } = message as { method?: unknown; input?: unknown };
    const caller = classify(sender, options);
    if (!caller) return refuse('forbidden', 'This sender may not call Sidecar.');
    if (!isMethod(method)) return refuse('unknown-method', `Unknown method: ${String(method).slice(0, 80)}`);
    if (caller === 'content' && !CONTENT_SCRIPT_METHODS.has(method)) {
      return refuse('forbidden', `A content script may not call ${method}.`);
    }
    try {
      if (JSON.stringify(input ?? null).length > MAX_MESSAGE_BYTES) {
        return refuse('invalid-request', 'The request is too large.');
      }
    } catch {
      return refuse('invalid-request', 'The request cannot be read.');
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      return {
        ok: false,
        error: {
          code: 'invalid-request',
          message: `${field || 'input'}: ${issue?.message ?? 'is not valid'}`,
          field,
          details: refusalDetails(issue),
        },
      };
    }
    const context: CallContext = { sender, tabId: sender.tab?.id ?? null, fromContentScript: caller === 'content' };
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, context) };
    } catch (error) {
      const storeError = asStoreError(error);
      if (!(error instanceof StoreError)) options.onError?.(method, error);
      return {
        ok: false,
        error: {
          code: storeError.code,
          message: storeError.message,
          field: storeError.field,
          details: storeError.details,
        },
      };
    }
  };
}
