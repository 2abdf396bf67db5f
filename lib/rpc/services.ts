import type { CrmDb } from '../db/schema';
import type { WebmailSnapshot } from '../model';
import type { SnapshotCache } from '../webmail/snapshot-cache';

/** A key-value area of the extension's storage, as browser.storage.local offers it. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The team sync as handlers see it (lib/team/runtime.ts): the network, which only the team service is called on, and
 * a round of sync on demand, which also starts or stops the timers and the event stream to match the membership.
 */
export interface TeamLink {
  fetch(input: string, init?: RequestInit): Promise<Response>;
  syncNow(): Promise<void>;
  /** A page that shows the CRM is open: sync, keep the event stream open while it is; answers whether joined. */
  watch(): Promise<boolean>;
}

/** What the worker hands every feature's handlers: the store, the clock, and the effects a write has. */
export interface WorkerServices {
  db: CrmDb;
  now(): number;
  version: string;
  snapshots: SnapshotCache;
  /** browser.storage.local: what the worker keeps outside the store, such as generated reports. */
  storage: StorageArea;
  /** After a committed write: tell open pages which stores changed. */
  changed(stores: string[]): void;
  /** Tell the sidebar of a tab that its snapshot changed. */
  snapshotChanged(tabId: number, snapshot: WebmailSnapshot): void;
  /** Re-arm alarms and the badge from the store after any task change. */
  tasksChanged(): Promise<void>;
  /** Show what is due and may be shown now, then re-arm: after a change to when reminders may be shown. */
  wakeReminders(): Promise<void>;
  team: TeamLink;
}
