import type { z } from 'zod';
import { refusalDetails } from '../i18n/refusal';

export const STORE_ERROR_CODES = ['invalid', 'not-found', 'conflict', 'quota', 'internal'] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A refusal the rep can act on: which field and why, or what already exists. Nothing was written. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly field: string | null = null,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || null;
  const message = `${what}${field ? ` ${field}` : ''}: ${issue?.message ?? 'is not valid'}`;
  throw new StoreError('invalid', message, field, refusalDetails(issue));
}

/** IndexedDB failures become StoreErrors; a full disk is told apart so the rep sees why the save failed. */
export function asStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StoreError('quota', 'The browser has no room left for Sidecar data; nothing was saved.');
  }
  if (name === 'ConstraintError') {
    return new StoreError('conflict', 'Another record already has this value; nothing was saved.');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('internal', message || 'The store failed; nothing was saved.');
}

/** Aborts a transaction on purpose: its `done` promise rejects, and that rejection is expected, not a failure. */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  tx.abort();
}

/**
 * Runs `work` in `tx` and waits for it to commit, or aborts it: a failure comes out as a StoreError (errors for
 * which `passThrough` says yes come out unchanged), and nothing of the transaction is written.
 */
export async function commit<T>(
  tx: { done: Promise<void>; abort(): void },
  work: () => Promise<T>,
  passThrough: (error: unknown) => boolean = () => false,
): Promise<T> {
  // A failed request aborts the transaction while `work` is still waiting on another: `done` rejects before the
  // catch below can get to it, which would otherwise be reported as an unhandled rejection.
  tx.done.catch(() => undefined);
  try {
    const value = await work();
    await tx.done;
    return value;
  } catch (error) {
    try {
      abortQuietly(tx);
    } catch {
      // Already finished or aborted by the failed request: nothing of it was written.
    }
    if (passThrough(error)) throw error;
    throw asStoreError(error);
  }
}
