import { type WebmailSnapshot, webmailSnapshot } from '../model/snapshot';
import { RPC_KIND } from '../rpc/wire';
import { WEBMAIL_ORIGINS } from './origins';

export interface PublishSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * The snapshot in `message` when it is a content script's `snapshot.publish` from the top frame of a webmail tab,
 * parsed with the same schema the worker uses (the page's data is untrusted); null for anything else. The browser
 * delivers a content script's messages to every extension page, the sidebar included, and fills `sender` itself:
 * a web page cannot send these, and another extension's sender id differs.
 */
export function publishedSnapshot(
  message: unknown,
  sender: PublishSender,
  extensionId: string,
): { tabId: number; snapshot: WebmailSnapshot } | null {
  const m = message as { kind?: unknown; method?: unknown; input?: unknown } | null;
  if (m?.kind !== RPC_KIND || m.method !== 'snapshot.publish') return null;
  if (sender.id !== extensionId || sender.frameId !== 0 || typeof sender.tab?.id !== 'number') return null;
  const url = sender.url ?? '';
  if (!WEBMAIL_ORIGINS.some((origin) => url.startsWith(origin))) return null;
  const parsed = webmailSnapshot.safeParse(m.input);
  return parsed.success ? { tabId: sender.tab.id, snapshot: parsed.data } : null;
}

/**
 * Puts in order the three ways a sidebar hears of its tab's snapshot:
 * - from the content script directly, as it publishes (the quickest: it arrives as the worker's copy does);
 * - from the worker's `snapshot` event, which repeats each publish a hop later;
 * - from the answer to `snapshot.current`, which also tells the sidebar which tab it is in.
 * Once the content script has been heard directly, the worker's events are late repeats and are ignored; a
 * publish heard before the sidebar knows its tab is kept until it does; an answer overtaken by a newer snapshot
 * is dropped. `show` gets each snapshot to display, newest last.
 */
export interface SnapshotFeed {
  readonly tabId: number | null;
  fromContentScript(tabId: number, snapshot: WebmailSnapshot): void;
  fromWorker(tabId: number, snapshot: WebmailSnapshot): void;
  /** Call when asking the worker; the function returned takes its answer. */
  ask(): (tabId: number | null, snapshot: WebmailSnapshot | null) => void;
}

/** Publishes heard before the sidebar knows its tab, one per tab; more Gmail tabs than this are not expected. */
const EARLY_TABS = 16;

export function createSnapshotFeed(show: (snapshot: WebmailSnapshot | null) => void): SnapshotFeed {
  let tabId: number | null = null;
  let heardDirectly = false;
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
    fromContentScript(from, snapshot) {
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
