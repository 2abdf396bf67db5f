/**
 * A direct line from the content script to its tab's sidebar frame: a MessageChannel whose port the content script
 * hands to the frame. Extension messaging goes through the browser process, which on a 2-core machine busy laying
 * out a new thread is slow to pass it on (an experiment: 71 ms p50 from a swap to the sidebar, against 10 ms for a
 * port's message, which goes from one renderer to the other). In the detection bench the sidebar showed a swapped
 * thread's people 34 ms p50 after the swap, against 49 ms when it heard the content script's extension message.
 *
 * The page shares the window the port is posted through and could post a port of its own, so the frame accepts a
 * port only with a token the content script also sent it by extension messaging, which the page can neither send
 * nor read. Kept free of zod: the content script imports this file.
 */
import type { WebmailSnapshot } from '../model/snapshot';
import { type MessageSender, WEBMAIL_ORIGINS, webmailTabOf } from './origins';

export const LINK_KIND = 'sidecar-link';
/** What the frame sends back through the port once it has accepted it: snapshots now reach it this way. */
export const LINK_ACK = 'sidecar-link-accepted';

interface LinkOffer {
  kind: typeof LINK_KIND;
  token: string;
}

/** What the frame sends to type `insert` where the rep's caret was in a compose box; answered true or false. */
export interface InsertRequest {
  insert: string;
}

/** The content script's side: call `publish` with each snapshot; the frame gets it as soon as it is linked. */
export interface SidebarLinkOffer {
  publish(snapshot: unknown): void;
  /** Whether the frame has accepted the current port (a reloaded frame has not, until it accepts the next). */
  accepted(): boolean;
  close(): void;
}

/**
 * Offers a fresh channel each time the frame loads (a reload makes a new sidebar), sending its token with
 * `announce` and its port to the frame, then the latest snapshot through it. The frame may ask through the port to
 * type text into the compose box (an InsertRequest, with a port for the answer): `insert` does it and answers whether
 * it could.
 */
export function offerSidebarLink(
  frame: HTMLIFrameElement,
  sidebarOrigin: string,
  announce: (offer: LinkOffer) => void,
  insert: (text: string) => boolean,
): SidebarLinkOffer {
  let port: MessagePort | null = null;
  let latest: unknown = null;
  let accepted = false;
  const link = () => {
    port?.close();
    accepted = false;
    const channel = new MessageChannel();
    port = channel.port1;
    // Only the frame holds the other end: the page never sees the port, so it cannot fake the answer, nor ask to type.
    port.onmessage = (event) => {
      const data = event.data;
      if (data === LINK_ACK) accepted = true;
      else if (typeof data?.insert === 'string') event.ports[0]?.postMessage(insert(data.insert));
    };
    const offer: LinkOffer = { kind: LINK_KIND, token: crypto.randomUUID() };
    announce(offer);
    frame.contentWindow?.postMessage(offer, sidebarOrigin, [channel.port2]);
    if (latest !== null) port.postMessage(latest);
  };
  frame.addEventListener('load', link);
  return {
    publish(snapshot) {
      latest = snapshot;
      port?.postMessage(snapshot);
    },
    accepted: () => accepted,
    close() {
      frame.removeEventListener('load', link);
      port?.close();
      port = null;
      accepted = false;
    },
  };
}

/**
 * The snapshot as the sidebar needs it: the people, the view and which thread, and of the messages (up to 500, with
 * their recipients, that only the worker reads) just those carrying a signature tail, one per sender at most, without
 * recipients: the sidebar offers what a known contact's signature adds (lib/webmail/signature.ts). The port then
 * copies and the frame parses a few kilobytes per thread swap rather than tens.
 */
export function forSidebar(snapshot: WebmailSnapshot): WebmailSnapshot {
  if (!snapshot.thread) return snapshot;
  const signed = snapshot.thread.messages.filter((m) => m.tail !== '').map((m) => ({ ...m, to: [], cc: [] }));
  return { ...snapshot, thread: { ...snapshot.thread, messages: signed } };
}

/** What the frame needs of a window `message` event. */
export interface OfferEvent {
  origin: string;
  source: unknown;
  data: unknown;
  ports: readonly MessagePort[];
}

/** Offers and tokens waiting for their other half; a page posting fake offers can fill no more than this. */
const PENDING = 8;

function remember<V>(map: Map<string, V>, key: string, value: V, evicted?: (value: V) => void) {
  if (map.size >= PENDING) {
    const [oldKey, oldValue] = map.entries().next().value as [string, V];
    map.delete(oldKey);
    evicted?.(oldValue);
  }
  map.set(key, value);
}

const isOffer = (data: unknown): data is LinkOffer =>
  (data as { kind?: unknown } | null)?.kind === LINK_KIND && typeof (data as { token?: unknown }).token === 'string';

/**
 * The frame's side. `fromWindow` takes window `message` events (a port offered by the parent page), `fromRuntime`
 * extension messages (a token announced by a content script); when a port's token was announced by the content
 * script of the top frame of a webmail tab, `onLinked` gets that tab and the port. Only the newest link is kept.
 */
export function acceptSidebarLink(
  extensionId: string,
  parent: unknown,
  onLinked: (tabId: number, port: MessagePort) => void,
) {
  const offered = new Map<string, MessagePort>();
  const announced = new Map<string, number>();
  let linked: MessagePort | null = null;
  const pair = (token: string) => {
    const port = offered.get(token);
    const tabId = announced.get(token);
    if (!port || tabId === undefined) return;
    offered.delete(token);
    announced.delete(token);
    linked?.close();
    linked = port;
    onLinked(tabId, port);
    port.postMessage(LINK_ACK);
  };
  return {
    fromWindow(event: OfferEvent): void {
      const port = event.ports[0];
      if (event.source !== parent || !port || !isOffer(event.data)) return;
      if (!WEBMAIL_ORIGINS.some((origin) => origin === `${event.origin}/`)) {
        port.close();
        return;
      }
      remember(offered, event.data.token, port, (old) => old.close());
      pair(event.data.token);
    },
    fromRuntime(message: unknown, sender: MessageSender): void {
      if (!isOffer(message)) return;
      const tabId = webmailTabOf(sender, extensionId);
      if (tabId === null) return;
      remember(announced, message.token, tabId);
      pair(message.token);
    },
  };
}
