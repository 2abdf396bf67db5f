import type { WebmailSnapshot } from '../model/snapshot';
import { rpcRequest } from '../rpc/wire';
import { forSidebar, offerSidebarLink } from '../webmail/sidebar-link';
import { type WatchOptions, watchWebmail } from '../webmail/watch';
import type { SidePanelDock } from './sidebar-dock';
import { mountSidebarFrame } from './sidebar-frame';
import { createWorkerPublisher } from './worker-publish';

/**
 * What a webmail's content script does once it knows its page: put the sidebar frame on it (docked where the page
 * makes room, else floating), link the frame, and watch the page, sending each snapshot to the sidebar through their
 * port and to the worker once the page is idle. The entrypoint passes the browser's few APIs in (only entrypoints
 * touch `browser`) and its webmail's adapter, so a page loads only its own.
 */
export interface ShellBrowser {
  /** The sidebar page's address, with the page's look in its query. */
  sidebarUrl: string;
  /** The extension's origin, the only one the link's port is posted to. */
  origin: string;
  collapsed: boolean;
  labels: { open: string; close: string };
  saveCollapsed(collapsed: boolean): void;
  /** Sends an extension message, dropping a failure (the worker may be restarting). */
  send(message: unknown): void;
}

export interface ShellPage {
  /** The page's dock, given how to fold the sidebar when the webmail opens a panel of its own. */
  findDock(stepAside: () => void): Promise<SidePanelDock | null>;
  read(): WebmailSnapshot;
  watch: WatchOptions;
  /** Types text where the rep's caret was in a compose box, for the sidebar's templates; false when it cannot. */
  insert?(text: string): boolean;
}

export async function startWebmailShell(
  win: Window,
  signal: AbortSignal,
  page: ShellPage,
  env: ShellBrowser,
): Promise<void> {
  const dock = await page.findDock(() => frame.setCollapsed(true));
  if (signal.aborted) return;
  const frame = mountSidebarFrame(win.document, {
    src: env.sidebarUrl,
    collapsed: env.collapsed,
    labels: env.labels,
    onToggle: env.saveCollapsed,
    dock,
  });
  const link = offerSidebarLink(frame.iframe, env.origin, env.send, page.insert ?? (() => false));
  signal.addEventListener('abort', () => {
    link.close();
    frame.destroy();
  });
  const toWorker = createWorkerPublisher(
    win,
    (snapshot) => env.send(rpcRequest('snapshot.publish', snapshot)),
    link.accepted,
    signal,
  );
  watchWebmail(
    win,
    page.read,
    (snapshot) => {
      link.publish(forSidebar(snapshot));
      toWorker.publish(snapshot);
    },
    signal,
    page.watch,
  );
}
