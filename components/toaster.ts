import { signal } from '@preact/signals';
import { errorText } from './format';

export interface Toast {
  message: string;
  /** Present when the change can be undone from the toast. */
  undo: (() => Promise<unknown>) | null;
}

/**
 * What just happened, for a page's UndoToast: one toast at a time, each replacing the last. The dashboard and the
 * sidebar each keep one.
 */
export function createToaster() {
  const toast = signal<Toast | null>(null);

  const notify = (message: string, undo: Toast['undo'] = null) => {
    toast.value = { message, undo };
  };

  /** Runs a write; a refusal becomes the toast's text rather than an unhandled rejection. */
  const attempt = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      notify(errorText(error));
      return null;
    }
  };

  /**
   * Runs a write the toast can take back (a tombstone, a merge): `undo` gets what the write returned, and so does the
   * caller, or null when it was refused.
   */
  const undoable = <T>(
    work: () => Promise<T>,
    message: string | ((done: T) => string),
    undo: (done: T) => Promise<unknown>,
  ): Promise<T | null> =>
    attempt(async () => {
      const done = await work();
      notify(typeof message === 'string' ? message : message(done), () => undo(done));
      return done;
    });

  return { toast, notify, attempt, undoable };
}

export type Toaster = ReturnType<typeof createToaster>;
