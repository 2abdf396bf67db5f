import type { browser as browserApi } from 'wxt/browser';
import { getSettings } from '../db/config';
import { openCrmDb } from '../db/open';
import type { CrmDb } from '../db/schema';
import { translate } from '../i18n/translate';
import type { WebmailSnapshot } from '../model';
import { ReminderRuntime } from '../reminders/alarms';
import { ReportScheduler } from '../reports/scheduler';
import { EVENT_KIND, type SidecarEvent } from '../rpc/wire';
import type { Fetch } from '../team/client';
import { TeamRuntime } from '../team/runtime';
import { WEBMAIL_ORIGINS } from '../webmail/origins';
import { forSidebar } from '../webmail/sidebar-link';
import { SnapshotCache } from '../webmail/snapshot-cache';
import { CaptureMenu } from './capture-menu';
import { createHandlers } from './handlers';
import { createRouter } from './router';

const SNAPSHOTS_KEY = 'snapshots';
export const TOGGLE_LABELS_KEY = 'toggleLabels';

/**
 * Wires the store, the RPC router and the reminders to the browser. Listeners are registered synchronously by the
 * caller before anything is awaited, as MV3 requires for a worker woken by an event.
 */
export function startWorker(
  browser: typeof browserApi,
  options: { dbName?: string; now?: () => number; fetch?: Fetch } = {},
) {
  const now = options.now ?? Date.now;
  let dbPromise: Promise<CrmDb> | null = null;
  let routerPromise: Promise<ReturnType<typeof createRouter>> | null = null;
  // A connection closed under the worker (another connection upgrading or deleting the store) is dropped, so the
  // next request opens a fresh one instead of failing until the worker restarts.
  const forget = () => {
    dbPromise = null;
    routerPromise = null;
  };
  const database = () => {
    dbPromise ??= openCrmDb(options.dbName, now, forget).catch((error) => {
      dbPromise = null;
      throw error;
    });
    return dbPromise;
  };

  const broadcast = (event: SidecarEvent) => {
    // Nobody listening is normal (no page open); it is not an error.
    browser.runtime.sendMessage(event).catch(() => undefined);
  };

  const snapshots = new SnapshotCache({
    load: async () =>
      ((await browser.storage.session?.get(SNAPSHOTS_KEY))?.[SNAPSHOTS_KEY] as Record<string, WebmailSnapshot>) ?? {},
    save: async (all) => {
      await browser.storage.session?.set({ [SNAPSHOTS_KEY]: all });
    },
  });

  // The content script cannot read the store (and must stay small), so the toggle's labels in the rep's language are
  // mirrored into local storage whenever the settings change.
  const mirrorToggleLabels = async () => {
    const { language } = await getSettings(await database());
    await browser.storage.local.set({
      [TOGGLE_LABELS_KEY]: { open: translate(language, 'sidebar_open'), close: translate(language, 'sidebar_close') },
    });
  };
  const reports = new ReportScheduler(browser, database, now);
  const capture = new CaptureMenu(browser, database);
  const changed = (stores: string[]) => {
    broadcast({ kind: EVENT_KIND, type: 'changed', stores });
    team.written(stores);
    if (stores.includes('settings')) void mirrorToggleLabels().catch(() => undefined);
    if (stores.includes('settings')) void capture.show().catch(() => undefined);
    // Report schedules live in the settings: re-derive their alarms whenever the settings change.
    if (stores.includes('settings')) void reports.wake().catch(() => undefined);
  };

  const reminders = new ReminderRuntime(browser, database, now, (stores) =>
    broadcast({ kind: EVENT_KIND, type: 'changed', stores }),
  );
  // Without a fetch (a lone rep's tests) the team sync cannot reach anything, and has nothing to reach.
  const team = new TeamRuntime({
    database,
    fetch: options.fetch ?? (() => Promise.reject(new TypeError('no network'))),
    alarms: browser.alarms,
    now,
    remoteChanged: (stores) => {
      broadcast({ kind: EVENT_KIND, type: 'changed', stores });
      if (stores.includes('tasks')) void reminders.rearm().catch(() => undefined);
    },
  });

  const makeRouter = (db: CrmDb) =>
    createRouter(
      createHandlers({
        db,
        now,
        version: browser.runtime.getManifest().version,
        snapshots,
        storage: browser.storage.local,
        changed,
        // Every extension page gets this event; the messages it would carry are the worker's business only.
        snapshotChanged: (tabId, snapshot) =>
          broadcast({ kind: EVENT_KIND, type: 'snapshot', tabId, snapshot: forSidebar(snapshot) }),
        tasksChanged: () => reminders.rearm(),
        wakeReminders: () => reminders.wake(),
        team,
      }),
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        webmailOrigins: WEBMAIL_ORIGINS,
        onError: (method, error) => console.error(`Sidecar: ${method} failed`, error),
      },
    );
  const router = () => {
    routerPromise ??= database().then(
      (db) => makeRouter(db),
      (error: unknown) => {
        routerPromise = null;
        throw error;
      },
    );
    return routerPromise;
  };
  void router().catch(() => undefined);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if ((message as { kind?: unknown } | null)?.kind !== 'sidecar-rpc') return undefined;
    return router().then(
      (route) => route(message, sender),
      (error: unknown) => ({
        ok: false,
        error: { code: 'unavailable', message: `The Sidecar store could not open: ${String(error)}` },
      }),
    );
  });

  browser.tabs?.onRemoved.addListener((tabId) => {
    void snapshots.drop(tabId);
  });

  reminders.listen();
  reports.listen();
  capture.listen();
  void capture.show().catch(() => undefined);
  team.listen();
  browser.runtime.onStartup.addListener(() => void team.syncNow());
  void team.syncNow();
  void mirrorToggleLabels().catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => void reminders.wake());
  browser.runtime.onStartup.addListener(() => void reminders.wake());
  void reminders.wake();
  browser.runtime.onInstalled.addListener(() => void reports.wake().catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void reports.wake().catch(() => undefined));
  void reports.wake().catch(() => undefined);
  // Ask the browser not to evict the CRM under storage pressure; the answer is informational.
  void globalThis.navigator?.storage?.persist?.().catch(() => false);

  return { database, reminders, reports, router, team };
}
