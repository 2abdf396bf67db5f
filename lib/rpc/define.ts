import type { z } from 'zod';

/** The shape every contract has: per method, the schema its input is parsed with and the one its answer is. */
export type ContractShape = Record<string, { input: z.ZodType; output: z.ZodType }>;

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface CallContext {
  sender: SenderInfo;
  tabId: number | null;
  fromContentScript: boolean;
}

/**
 * The handlers of one contract: each gets its input already parsed and answers the contract's output. A feature's
 * handlers are typed against its own contract, so it needs nothing of the worker that puts them together.
 */
export type HandlersOf<C extends ContractShape> = {
  [M in keyof C]: (input: z.output<C[M]['input']>, context: CallContext) => Promise<z.output<C[M]['output']>>;
};
