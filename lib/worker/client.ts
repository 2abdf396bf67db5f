import { browser } from 'wxt/browser';
import { type RpcError, type RpcResult, rpcRequest } from '../rpc/wire';
import { contract, type Input, type Method, type Output } from './contract';

/** A failed call, carrying the typed error for the UI to explain. */
export class RpcFailure extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
    this.name = 'RpcFailure';
  }
}

function unavailable(message: string): RpcResult<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}

/** Sends a request to the worker and parses the answer: a malformed reply is an error value too. */
export async function request<M extends Method>(method: M, input: Input<M>): Promise<RpcResult<Output<M>>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(rpcRequest(method, input));
  } catch (error) {
    return unavailable(error instanceof Error ? error.message : 'The Sidecar worker did not answer.');
  }
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    return unavailable('The Sidecar worker gave no answer.');
  }
  const result = reply as RpcResult<unknown>;
  if (!result.ok) return result;
  const parsed = contract[method].output.safeParse(result.value);
  if (!parsed.success) {
    return { ok: false, error: { code: 'internal', message: `Unexpected answer to ${method}.` } };
  }
  return { ok: true, value: parsed.data as Output<M> };
}

/** For UI code that prefers exceptions: throws RpcFailure on an error value. */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await request(method, input);
  if (!result.ok) throw new RpcFailure(result.error);
  return result.value;
}
