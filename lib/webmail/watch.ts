import type { WebmailSnapshot } from '../model/snapshot';

/** Long enough to fold a burst of Gmail's DOM work into one read, short enough that the sidebar feels immediate. */
const DEBOUNCE_MS = 150;
const IDLE_TIMEOUT_MS = 300;
/**
 * How long a view must stay unreadable before it is reported. Gmail fills [role=main] a moment after the hash
 * changes and draws a conversation's heading before its messages, so a thread route with no conversation yet is
 * normal for a few hundred milliseconds; a second is past that, and the rep still hears within two.
 */
const SETTLE_MS = 1000;
const COMPOSE_FIELD = '[name=to], [name=cc], [name=bcc], [name=subjectbox], [peoplekit-id]';
/**
 * Churn that never changes a snapshot: typing in a message body, inbox rows updating their unread state and
 * snippets, relative times ticking. Mutations wholly inside these are not worth a re-read of a long thread.
 */
const NOISE = '[contenteditable="true"], tr.zA, span.g3';

// The same few nodes churn over and over (a row, a clock, the body being typed in): their answer is kept.
const noiseOf = new WeakMap<Element, boolean>();

function isNoise(record: MutationRecord, selector: string): boolean {
  const target = record.target;
  const element = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (!element) return false;
  let noise = noiseOf.get(element);
  if (noise === undefined) {
    noise = element.closest?.(selector) != null;
    noiseOf.set(element, noise);
  }
  return noise;
}

export interface WatchOptions {
  /**
   * Marks the heading of a newly opened conversation. When one is added (or its id attribute changes), the page is
   * read at once instead of after the debounce, so the sidebar follows a thread swap within a frame. Whatever Gmail
   * renders after that mutates the page again and is read the usual, debounced way.
   */
  conversationMarker?: string;
  /** The webmail's churn (see NOISE) and its recipient and subject fields (see COMPOSE_FIELD), when not Gmail's. */
  noise?: string;
  composeFields?: string;
  /** The attributes a read depends on (see the observer below), when not Gmail's. */
  attributes?: string[];
}

// Safari has no requestIdleCallback; the page's window may also be a test double without it.
type PageWindow = Window &
  Pick<typeof globalThis, 'MutationObserver'> &
  Partial<Pick<typeof globalThis, 'requestIdleCallback' | 'cancelIdleCallback'>>;

function opensConversation(record: MutationRecord, marker: string): boolean {
  if (record.type === 'attributes') {
    // The heading kept but re-pointed at another conversation (its id attributes changed).
    return record.attributeName?.startsWith('data-') === true && (record.target as Element).matches?.(marker) === true;
  }
  for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.matches(marker) || element.querySelector(marker)) return true;
  }
  return false;
}

/**
 * Calls `onChange` with a fresh snapshot whenever what the page shows has changed, and once at start. Gmail mutates its
 * DOM constantly, so the observer only marks the page dirty; reading waits for a quiet moment, skips hidden tabs, and
 * emits only when the result differs. Everything stops when `signal` aborts.
 */
export function watchWebmail(
  win: Window,
  read: () => WebmailSnapshot,
  onChange: (snapshot: WebmailSnapshot) => void,
  signal: AbortSignal,
  {
    conversationMarker: marker,
    noise = NOISE,
    composeFields = COMPOSE_FIELD,
    attributes = ['style', 'hidden', 'data-legacy-thread-id', 'data-thread-perm-id', 'email', 'title'],
  }: WatchOptions = {},
): void {
  if (signal.aborted) return;
  const doc = win.document;
  const idle = win as PageWindow;
  let timer: number | undefined;
  let idleHandle: number | undefined;
  let waitingForVisible = false;
  let lastKey = '';
  let last: WebmailSnapshot | null = null;
  let warned = false;
  let unreadableSince: number | null = null;
  let recheck: number | undefined;

  const scan = () => {
    timer = idleHandle = undefined;
    if (signal.aborted) return;
    if (doc.hidden) {
      waitingForVisible = true;
      return;
    }
    let next: WebmailSnapshot;
    try {
      next = read();
    } catch (error) {
      if (!warned) console.warn('Sidecar CRM could not read this page', error);
      warned = true;
      next = {
        provider: last?.provider ?? 'gmail',
        account: last?.account ?? null,
        accountIndex: last?.accountIndex ?? 0,
        view: 'unrecognised',
        thread: null,
        participants: [],
        composes: [],
        problem: 'read-failed',
      };
    }
    // An exception is not one of Gmail's passing states, so a failed read is reported at once; anything else the
    // adapter cannot read is held (the last view stays on screen) and read again when SETTLE_MS have passed.
    if (next.view === 'unrecognised' && next.problem !== 'read-failed') {
      const at = Date.now();
      unreadableSince ??= at;
      const wait = unreadableSince + SETTLE_MS - at;
      if (wait > 0) {
        recheck ??= win.setTimeout(() => {
          recheck = undefined;
          readNow();
        }, wait);
        return;
      }
    } else unreadableSince = null;
    const key = JSON.stringify(next);
    if (key === lastKey) return;
    lastKey = key;
    last = next;
    try {
      onChange(next);
    } catch (error) {
      // A failing listener must not stop the watch; the next change is emitted as usual.
      console.warn('Sidecar CRM snapshot listener failed', error);
    }
  };

  const schedule = () => {
    if (signal.aborted || timer !== undefined || idleHandle !== undefined) return;
    if (doc.hidden) {
      waitingForVisible = true;
      return;
    }
    timer = win.setTimeout(() => {
      timer = undefined;
      if (idle.requestIdleCallback) idleHandle = idle.requestIdleCallback(scan, { timeout: IDLE_TIMEOUT_MS });
      else scan();
    }, DEBOUNCE_MS);
  };

  const readNow = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    if (idleHandle !== undefined) idle.cancelIdleCallback?.(idleHandle);
    scan();
  };

  const observer = new idle.MutationObserver((records) => {
    let changed = false;
    for (const record of records) {
      if (isNoise(record, noise)) continue;
      if (marker && opensConversation(record, marker)) {
        readNow();
        return;
      }
      changed = true;
    }
    if (changed) schedule();
  });
  observer.observe(doc, {
    childList: true,
    subtree: true,
    // Only the attributes a read depends on. Not `class`: Gmail rewrites it on every hover and unread flip, and
    // views are hidden by `style`/`hidden` (what the reader checks). Not character data: Gmail replaces nodes when a
    // view changes, while text edited in place is typing or a ticking time.
    attributes: true,
    attributeFilter: attributes,
  });
  const options = { signal, capture: true };
  win.addEventListener('hashchange', schedule, options);
  win.addEventListener('popstate', schedule, options);
  // Typing in a recipient or subject field mutates nothing until Gmail makes a chip. Such a field is listened to from
  // when it takes focus: an input listener on the document would run for every keystroke of every message body.
  const listenedFields = new WeakSet<Element>();
  const listenIfComposeField = (target: EventTarget | null) => {
    const field = (target as Element | null)?.closest?.(composeFields);
    if (!field || listenedFields.has(field)) return;
    listenedFields.add(field);
    field.addEventListener('input', schedule, { signal });
  };
  doc.addEventListener('focusin', (event) => listenIfComposeField(event.target), options);
  listenIfComposeField(doc.activeElement);
  doc.addEventListener(
    'visibilitychange',
    () => {
      if (!doc.hidden && waitingForVisible) {
        waitingForVisible = false;
        schedule();
      }
    },
    options,
  );
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) win.clearTimeout(timer);
      if (idleHandle !== undefined) idle.cancelIdleCallback?.(idleHandle);
      if (recheck !== undefined) win.clearTimeout(recheck);
      timer = idleHandle = recheck = undefined;
    },
    { once: true },
  );
  schedule();
}
