/**
 * The context a content script's `main` gets, in place of WXT's `ContentScriptContext` (wxt.config.ts swaps it in
 * when building content scripts). WXT's carries a location watcher, timers, logging and a page message we do not use,
 * close to a kilobyte of the Gmail content script's budget; ours keeps what the scripts use: a signal that aborts
 * when the extension is reloaded or updated (this copy of the script is orphaned) or a newer copy starts in the page.
 * An entrypoint types its `ctx` as `PageContext`, so using more of WXT's class does not compile.
 */
export interface PageContext {
  readonly signal: AbortSignal;
  /** True once the extension is gone from under this copy of the script; checking also aborts `signal`. */
  readonly isInvalid: boolean;
  onInvalidated(listener: () => void): void;
}

const runtimeId = () => (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id;

export class ContentScriptContext implements PageContext {
  private readonly controller = new AbortController();

  constructor(name: string) {
    // A reloaded extension's script starts beside the orphaned one; the newer says so and the older stops.
    const type = `${runtimeId()}:${name}:started`;
    const id = Math.random();
    document.dispatchEvent(new CustomEvent(type, { detail: id }));
    document.addEventListener(type, (event) => (event as CustomEvent).detail !== id && this.controller.abort(), {
      signal: this.signal,
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    if (!runtimeId()) this.controller.abort();
    return this.signal.aborted;
  }

  onInvalidated(listener: () => void): void {
    this.signal.addEventListener('abort', listener);
  }
}
