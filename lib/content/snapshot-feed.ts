import { type WebmailSnapshot, webmailSnapshot } from '../model/snapshot';
import { RPC_KIND } from '../rpc/wire';
import { type MessageSender, webmailTabOf } from '../webmail/origins';

/**
 * The snapshot in `message` when it is a content script's `snapshot.publish` from the top frame of a webmail tab,
 * parsed with the same schema the worker uses (the page's data is untrusted); null for anything else. The browser
 * delivers a content script's messages to every extension page, the sidebar included, and fills `sender` itself:
 * a web page cannot send these, and another extension's sender id differs.
 */
export function publishedSnapshot(
  message: unknown,
  sender: MessageSender,
  extensionId: string,
): { tabId: number; snapshot: WebmailSnapshot } | null {
  const m = message as { kind?: unknown; method?: unknown; input?: unknown } | null;
  if (m?.kind !== RPC_KIND || m.method !== 'snapshot.publish') return null;
  const tabId = webmailTabOf(sender, extensionId);
  if (tabId === null) return null;
  const snapshot = parseSnapshot(m.input);
  return snapshot ? { tabId, snapshot } : null;
}

/** A snapshot from a content script, parsed with the worker's schema (the page's data is untrusted), or null. */
export function parseSnapshot(data: unknown): WebmailSnapshot | null {
  const parsed = webmailSnapshot.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * Puts in order the ways a sidebar hears of its tab's snapshot:
 * - from the content script through their linked port (./sidebar-link.ts), the quickest;
 * - from the content script's extension message, which the worker receives too (before the link is made);
 * - from the worker's `snapshot` event, which repeats each publish a hop later;
 * - from the answer to `snapshot.current`, which also tells the sidebar which tab it is in.
 * Each way repeats the ones after it, later: once the port has delivered, the content script's messages are
 * ignored, and once the content script has been heard at all, the worker's events are. A publish heard before the
 * sidebar knows its tab is kept until it does; an answer overtaken by a newer snapshot is dropped. `show` gets
 * each snapshot to display, newest last.
 */
export interface SnapshotFeed {
  readonly tabId: number | null;
  fromContentScript(tabId: number, snapshot: WebmailSnapshot, via?: 'link' | 'message'): void;
  fromWorker(tabId: number, snapshot: WebmailSnapshot): void;
  /** Call when asking the worker; the function returned takes its answer. */
  ask(): (tabId: number | null, snapshot: WebmailSnapshot | null) => void;
}

/** Publishes heard before the sidebar knows its tab, one per tab; more Gmail tabs than this are not expected. */
const EARLY_TABS = 16;

export function createSnapshotFeed(show: (snapshot: WebmailSnapshot | null) => void): SnapshotFeed {
  let tabId: number | null = null;
  let heardDirectly = false;
  let linked = false;
  let shown = 0;
  const early = new Map<number, WebmailSnapshot>();

  const showDirect = (snapshot: WebmailSnapshot) => {
    heardDirectly = true;
    shown++;
    show(snapshot);
  };

  return {
    get tabId() {
      return tabId;
    },
    fromContentScript(from, snapshot, via = 'message') {
      if (via === 'message' && linked) return;
      if (via === 'link') linked = true;
      if (tabId === null) {
        early.delete(from);
        if (early.size >= EARLY_TABS) early.delete(early.keys().next().value as number);
        early.set(from, snapshot);
        return;
      }
      if (from === tabId) showDirect(snapshot);
    },
    fromWorker(from, snapshot) {
      if (from !== tabId || heardDirectly) return;
      shown++;
      show(snapshot);
    },
    ask() {
      const before = shown;
      return (answeredTab, snapshot) => {
        tabId = answeredTab;
        const heardEarly = answeredTab === null ? undefined : early.get(answeredTab);
        early.clear();
        if (heardEarly) showDirect(heardEarly);
        else if (shown === before) show(snapshot);
      };
    },
  };
}
