import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebarFrame } from '@/lib/content/sidebar-frame';
import { rpcRequest } from '@/lib/rpc/wire';
import { readGmailSnapshot } from '@/lib/webmail/gmail';
import { watchWebmail } from '@/lib/webmail/watch';

const COLLAPSED_KEY = 'sidebarCollapsed';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    if (window.top !== window) return;
    const stored = await browser.storage.local.get(COLLAPSED_KEY);
    const frame = mountSidebarFrame(document, {
      src: browser.runtime.getURL('/sidebar.html'),
      collapsed: stored[COLLAPSED_KEY] === true,
      labels: { open: browser.i18n.getMessage('sidebar_open'), close: browser.i18n.getMessage('sidebar_close') },
      onToggle: (collapsed) => void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }),
    });
    ctx.onInvalidated(() => frame.destroy());
    watchWebmail(
      window,
      () => readGmailSnapshot(document, location),
      (snapshot) => {
        browser.runtime.sendMessage(rpcRequest('snapshot.publish', snapshot)).catch(() => undefined);
      },
      ctx.signal,
    );
  },
});
