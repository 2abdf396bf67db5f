import { describe, expect, it, vi } from 'vitest';
import {
  acceptSidebarLink,
  forSidebar,
  LINK_ACK,
  LINK_KIND,
  type OfferEvent,
  offerSidebarLink,
} from '../../../lib/webmail/sidebar-link';

const EXTENSION = 'abcdefghijklmnopabcdefghijklmnop';
const SIDEBAR_ORIGIN = `chrome-extension://${EXTENSION}`;
const gmailTab = { id: EXTENSION, url: 'https://mail.google.com/mail/u/0/#inbox', frameId: 0, tab: { id: 7 } };

/** A stand-in for the sidebar iframe: records what is posted into it and lets a test fire its load event. */
function fakeFrame() {
  const posted: { data: unknown; origin: string; ports: MessagePort[] }[] = [];
  const listeners = new Set<() => void>();
  const frame = {
    contentWindow: {
      postMessage: (data: unknown, origin: string, ports: MessagePort[]) => posted.push({ data, origin, ports }),
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  return {
    frame: frame as unknown as HTMLIFrameElement,
    posted,
    load: () => {
      for (const listener of listeners) listener();
    },
  };
}

const nextMessage = (port: MessagePort) =>
  new Promise<unknown>((resolve) => {
    port.onmessage = (event) => resolve(event.data);
  });

describe('offerSidebarLink (the content script)', () => {
  it('types what the frame asks through its port and answers whether it could; anything else asks nothing', async () => {
    const { frame, posted, load } = fakeFrame();
    const typed: string[] = [];
    const offer = offerSidebarLink(
      frame,
      SIDEBAR_ORIGIN,
      () => undefined,
      (text) => typed.push(text) > 0 && text !== 'no box',
    );
    load();
    const framePort = posted[0]!.ports[0]!;
    const ask = (request: unknown) => {
      const answer = new MessageChannel();
      framePort.postMessage(request, [answer.port2]);
      return nextMessage(answer.port1);
    };
    expect(await ask({ insert: 'ជម្រាបសួរ\nដារា' })).toBe(true);
    expect(await ask({ insert: 'no box' })).toBe(false);
    framePort.postMessage({ insert: 42 });
    framePort.postMessage('insert');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(typed).toEqual(['ជម្រាបសួរ\nដារា', 'no box']);
    offer.close();
  });

  it('offers a port with a token it also announces, each time the frame loads, and sends snapshots through it', async () => {
    const { frame, posted, load } = fakeFrame();
    const announced: unknown[] = [];
    const offer = offerSidebarLink(
      frame,
      SIDEBAR_ORIGIN,
      (o) => announced.push(o),
      () => false,
    );
    offer.publish({ n: 1 });
    expect(posted).toHaveLength(0);

    load();
    expect(announced).toEqual([{ kind: LINK_KIND, token: expect.any(String) }]);
    expect(posted[0]?.data).toEqual(announced[0]);
    expect(posted[0]?.origin).toBe(SIDEBAR_ORIGIN);
    const port = posted[0]!.ports[0]!;
    // The snapshot published before the frame had loaded comes first, then each new one.
    expect(await nextMessage(port)).toEqual({ n: 1 });
    const second = nextMessage(port);
    offer.publish({ n: 2 });
    expect(await second).toEqual({ n: 2 });

    load();
    expect(posted).toHaveLength(2);
    const tokenOf = (i: number) => (posted[i]?.data as { token?: string } | undefined)?.token;
    expect(tokenOf(1)).not.toBe(tokenOf(0));
    expect(await nextMessage(posted[1]!.ports[0]!)).toEqual({ n: 2 });
    port.close();
    offer.close();
    load();
    expect(posted).toHaveLength(2);
  });

  it('knows the frame accepted the port only when the frame says so through it, and forgets when the frame reloads', async () => {
    const { frame, posted, load } = fakeFrame();
    const offer = offerSidebarLink(
      frame,
      SIDEBAR_ORIGIN,
      () => undefined,
      () => false,
    );
    load();
    expect(offer.accepted()).toBe(false);
    const framePort = posted[0]!.ports[0]!;
    framePort.postMessage('something else');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(offer.accepted()).toBe(false);
    framePort.postMessage(LINK_ACK);
    await vi.waitFor(() => expect(offer.accepted()).toBe(true));
    load();
    expect(offer.accepted()).toBe(false);
    offer.close();
  });
});

describe('acceptSidebarLink (the sidebar frame)', () => {
  const parent = { name: 'gmail window' };

  function offerEvent(token: string, overrides: Partial<OfferEvent> = {}) {
    const channel = new MessageChannel();
    const event: OfferEvent = {
      origin: 'https://mail.google.com',
      source: parent,
      data: { kind: LINK_KIND, token },
      ports: [channel.port2],
      ...overrides,
    };
    return { event, contentScriptPort: channel.port1 };
  }

  it('links a port offered by the parent page once its token is announced by the tab content script, either order', async () => {
    const linked: [number, MessagePort][] = [];
    const accept = acceptSidebarLink(EXTENSION, parent, (tab, port) => linked.push([tab, port]));

    const first = offerEvent('token-1');
    accept.fromWindow(first.event);
    expect(linked).toHaveLength(0);
    accept.fromRuntime({ kind: LINK_KIND, token: 'token-1' }, gmailTab);
    expect(linked.map(([tab]) => tab)).toEqual([7]);
    const arrived = nextMessage(linked[0]![1]);
    first.contentScriptPort.postMessage('hello');
    expect(await arrived).toBe('hello');
    // The content script hears that the port was accepted.
    expect(await nextMessage(first.contentScriptPort)).toBe(LINK_ACK);

    accept.fromRuntime({ kind: LINK_KIND, token: 'token-2' }, gmailTab);
    accept.fromWindow(offerEvent('token-2').event);
    expect(linked).toHaveLength(2);
  });

  it("links Outlook on the web's tabs as Gmail's, and not a look-alike host", () => {
    const linked: number[] = [];
    const accept = acceptSidebarLink(EXTENSION, parent, (tab) => linked.push(tab));
    const outlookTab = { ...gmailTab, url: 'https://outlook.cloud.microsoft/mail/inbox', tab: { id: 9 } };
    accept.fromRuntime({ kind: LINK_KIND, token: 'o' }, outlookTab);
    accept.fromWindow(offerEvent('o', { origin: 'https://outlook.cloud.microsoft' }).event);
    accept.fromRuntime(
      { kind: LINK_KIND, token: 'x' },
      { ...outlookTab, url: 'https://outlook.office.com.evil.test/' },
    );
    accept.fromWindow(offerEvent('x', { origin: 'https://outlook.office.com.evil.test' }).event);
    expect(linked).toEqual([9]);
  });

  it('never links a port the page posts with a token no content script announced', () => {
    const onLinked = vi.fn();
    const accept = acceptSidebarLink(EXTENSION, parent, onLinked);
    for (let i = 0; i < 20; i++) accept.fromWindow(offerEvent(`guess-${i}`).event);
    accept.fromRuntime({ kind: LINK_KIND, token: 'real' }, gmailTab);
    expect(onLinked).not.toHaveBeenCalled();
  });

  it('refuses offers from another window or origin, of another kind, or without a port', () => {
    const onLinked = vi.fn();
    const accept = acceptSidebarLink(EXTENSION, parent, onLinked);
    accept.fromRuntime({ kind: LINK_KIND, token: 't' }, gmailTab);
    accept.fromWindow(offerEvent('t', { source: { name: 'another window' } }).event);
    accept.fromWindow(offerEvent('t', { origin: 'https://evil.test' }).event);
    accept.fromWindow(offerEvent('t', { data: { kind: 'other', token: 't' } }).event);
    accept.fromWindow(offerEvent('t', { ports: [] }).event);
    expect(onLinked).not.toHaveBeenCalled();
  });

  it('refuses tokens announced by another extension, a subframe, a non-webmail page or no tab', () => {
    const onLinked = vi.fn();
    const accept = acceptSidebarLink(EXTENSION, parent, onLinked);
    const senders = [
      { ...gmailTab, id: 'another-extension' },
      { ...gmailTab, frameId: 2 },
      { ...gmailTab, url: 'https://example.com/' },
      { ...gmailTab, tab: undefined },
    ];
    senders.forEach((sender, i) => {
      accept.fromRuntime({ kind: LINK_KIND, token: `t${i}` }, sender);
      accept.fromWindow(offerEvent(`t${i}`).event);
    });
    accept.fromRuntime({ kind: 'sidecar-rpc', token: 'x' }, gmailTab);
    accept.fromWindow(offerEvent('x').event);
    expect(onLinked).not.toHaveBeenCalled();
  });

  it('keeps only the newest link open', async () => {
    const linked: MessagePort[] = [];
    const accept = acceptSidebarLink(EXTENSION, parent, (_tab, port) => linked.push(port));
    const first = offerEvent('one');
    accept.fromWindow(first.event);
    accept.fromRuntime({ kind: LINK_KIND, token: 'one' }, gmailTab);
    const received: unknown[] = [];
    linked[0]!.onmessage = (event) => received.push(event.data);
    accept.fromWindow(offerEvent('two').event);
    accept.fromRuntime({ kind: LINK_KIND, token: 'two' }, gmailTab);
    first.contentScriptPort.postMessage('late');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(linked).toHaveLength(2);
    expect(received).toEqual([]);
  });
});

describe('forSidebar', () => {
  it('leaves out the messages, which only the worker reads, and keeps everything the sidebar shows', () => {
    const snapshot = {
      provider: 'gmail' as const,
      account: 'rep@example.com',
      accountIndex: 1,
      view: 'thread' as const,
      thread: {
        id: 't1',
        permId: 'thread-f:1',
        subject: 'Quote',
        messages: [
          { id: 'm1', legacyId: null, from: null, to: [], cc: [], time: null, timeText: '', collapsed: true, tail: '' },
        ],
      },
      participants: [{ email: 'dara@example.com', name: 'Dara', roles: ['from' as const] }],
      composes: [],
      problem: null,
    };
    const trimmed = forSidebar(snapshot);
    expect(trimmed).toEqual({ ...snapshot, thread: { ...snapshot.thread, messages: [] } });
    expect(snapshot.thread.messages).toHaveLength(1);
    const list = { ...snapshot, view: 'list' as const, thread: null };
    expect(forSidebar(list)).toBe(list);
  });
});
