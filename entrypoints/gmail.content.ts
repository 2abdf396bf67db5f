import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { trackComposeCaret } from '@/lib/content/compose-insert';
import type { PageContext } from '@/lib/content/page-context';
import { findSidePanelDock } from '@/lib/content/sidebar-dock';
import { mountSidebarFrame } from '@/lib/content/sidebar-frame';
import { createWorkerPublisher } from '@/lib/content/worker-publish';
import { rpcRequest } from '@/lib/rpc/wire';
import { readGmailSnapshot } from '@/lib/webmail/gmail';
import { watchGmailLists } from '@/lib/webmail/gmail-list';
import { readGmailLook } from '@/lib/webmail/gmail-look';
import * as GMAIL from '@/lib/webmail/gmail-selectors';
import { forSidebar, offerSidebarLink } from '@/lib/webmail/sidebar-link';
import { watchWebmail } from '@/lib/webmail/watch';

const COLLAPSED_KEY = 'sidebarCollapsed';
// Written by the worker in the rep's language (lib/worker/start.ts); the browser's language is the fallback.
const LABELS_KEY = 'toggleLabels';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  async main(ctx: PageContext) {
    if (window.top !== window) return;
    const stored = await browser.storage.local.get([COLLAPSED_KEY, LABELS_KEY]);
    const labels = stored[LABELS_KEY] as { open?: unknown; close?: unknown } | undefined;
    // Gmail opening one of its own panels folds ours for now; only the rep's toggle is remembered.
    const dock = await findSidePanelDock(document, () => frame.setCollapsed(true), ctx.signal);
    if (ctx.isInvalid) return;
    const frame = mountSidebarFrame(document, {
      // The sidebar takes Gmail's theme and density from its address, before it first draws.
      src: `${browser.runtime.getURL('/sidebar.html')}?${new URLSearchParams({ ...readGmailLook(document) })}`,
      collapsed: stored[COLLAPSED_KEY] === true,
      labels: {
        open: typeof labels?.open === 'string' ? labels.open : browser.i18n.getMessage('sidebar_open'),
        close: typeof labels?.close === 'string' ? labels.close : browser.i18n.getMessage('sidebar_close'),
      },
      onToggle: (collapsed) => void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }),
      dock,
    });
    // Snapshots go to the sidebar through a port of their own, and to the worker (which stores and logs them) once
    // the page is idle.
    const link = offerSidebarLink(
      frame.iframe,
      new URL(browser.runtime.getURL('/')).origin,
      (offer) => {
        browser.runtime.sendMessage(offer).catch(() => undefined);
      },
      // The sidebar's template picker types into the compose box the rep was in.
      trackComposeCaret(document, ctx.signal),
    );
    ctx.onInvalidated(() => {
      link.close();
      frame.destroy();
    });
    const toWorker = createWorkerPublisher(
      window,
      (snapshot) => void browser.runtime.sendMessage(rpcRequest('snapshot.publish', snapshot)).catch(() => undefined),
      link.accepted,
      ctx.signal,
    );
    // Replies the rep sees only in the inbox or a label, or not at all (the unread feed), still reach the worker.
    const checkLists = watchGmailLists(
      window,
      (seen) => void browser.runtime.sendMessage(rpcRequest('inbox.seen', seen)).catch(() => undefined),
      ctx.signal,
    );
    watchWebmail(
      window,
      () => readGmailSnapshot(document, location),
      (snapshot) => {
        link.publish(forSidebar(snapshot));
        toWorker.publish(snapshot);
        if (snapshot.view === 'list') void checkLists();
      },
      ctx.signal,
      { conversationMarker: GMAIL.conversationHeading },
    );
  },
});
