import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { findOutlookDock } from '@/lib/content/outlook-dock';
import type { PageContext } from '@/lib/content/page-context';
import { startWebmailShell } from '@/lib/content/webmail-shell';
import { readOutlookSnapshot } from '@/lib/webmail/outlook';
import { OUTLOOK } from '@/lib/webmail/outlook-selectors';

const COLLAPSED_KEY = 'sidebarCollapsed';
// Written by the worker in the rep's language (lib/worker/start.ts); the browser's language is the fallback.
const LABELS_KEY = 'toggleLabels';

export default defineContentScript({
  // Outlook's app moves between mail and calendar without loading a page, so it is matched whole; views other than
  // mail read as "other".
  matches: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  runAt: 'document_idle',
  async main(ctx: PageContext) {
    if (window.top !== window) return;
    const stored = await browser.storage.local.get([COLLAPSED_KEY, LABELS_KEY]);
    const labels = stored[LABELS_KEY] as { open?: unknown; close?: unknown } | undefined;
    // The rep's address shows only in a compose's From field or the account menu: kept once read.
    let account: string | null = null;
    await startWebmailShell(
      window,
      ctx.signal,
      {
        findDock: () => findOutlookDock(document, ctx.signal),
        read: () => {
          const snapshot = readOutlookSnapshot(document, location, Date.now(), account);
          account = snapshot.account;
          return snapshot;
        },
        watch: {
          conversationMarker: `${OUTLOOK.readingPane} h3, ${OUTLOOK.readingPane} [aria-level="3"]`,
          noise: `${OUTLOOK.composeBody}, ${OUTLOOK.listRow}`,
          composeFields: `${OUTLOOK.recipientFields}, ${OUTLOOK.subjectInput}`,
          // The list's selection moves to the conversation opened; views are hidden by style or `hidden`.
          attributes: ['style', 'hidden', 'aria-selected', 'data-convid'],
        },
      },
      {
        sidebarUrl: browser.runtime.getURL('/sidebar.html'),
        origin: new URL(browser.runtime.getURL('/')).origin,
        collapsed: stored[COLLAPSED_KEY] === true,
        labels: {
          open: typeof labels?.open === 'string' ? labels.open : browser.i18n.getMessage('sidebar_open'),
          close: typeof labels?.close === 'string' ? labels.close : browser.i18n.getMessage('sidebar_close'),
        },
        saveCollapsed: (collapsed) => void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }),
        send: (message) => void browser.runtime.sendMessage(message).catch(() => undefined),
      },
    );
  },
});
