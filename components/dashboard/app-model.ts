import { action, computed, createModel, effect, signal } from '@preact/signals';
import { parseHash, type Route } from '@/lib/dashboard/links';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import type { CustomPropertyDef, Pipeline, Rep, Settings, Source } from '@/lib/model';
import { request } from '@/lib/worker/client';
import { onSidecarEvent } from '../events';
import { errorText } from '../format';
import { language } from '../i18n';

const CONFIG_STORES = new Set(['settings', 'pipelines', 'sources', 'reps', 'propertyDefs']);

export interface Toast {
  message: string;
  /** Present when the change can be undone from the toast. */
  undo: (() => Promise<unknown>) | null;
}

/**
 * The dashboard's shared state: configuration read through RPC, a read-only connection to the store for the large
 * views, the route from the hash, and a revision that bumps after every committed write the worker announces, so
 * each view re-reads instead of patching copies by hand.
 */
export const DashboardModel = createModel(() => {
  const db = signal<CrmDb | null>(null);
  const problem = signal<string | null>(null);
  const settings = signal<Settings | null>(null);
  const pipelines = signal<Pipeline[]>([]);
  const reps = signal<Rep[]>([]);
  const sources = signal<Source[]>([]);
  const propertyDefs = signal<CustomPropertyDef[]>([]);
  const revision = signal(0);
  const route = signal<Route>(parseHash(globalThis.location?.hash ?? ''));
  const toast = signal<Toast | null>(null);

  const ready = computed(() => db.value !== null && settings.value !== null);
  const timeZone = computed(() => settings.value?.timeZone ?? 'UTC');

  const loadConfig = action(async () => {
    const [s, p, r, src, defs] = await Promise.all([
      request('settings.get', {}),
      request('pipelines.list', {}),
      request('reps.list', {}),
      request('sources.list', {}),
      request('propertyDefs.list', {}),
    ]);
    if (!s.ok) {
      problem.value = s.error.message;
      return;
    }
    settings.value = s.value;
    language.value = s.value.language;
    if (p.ok) pipelines.value = p.value;
    if (r.ok) reps.value = r.value;
    if (src.ok) sources.value = src.value;
    if (defs.ok) propertyDefs.value = defs.value;
  });

  const notify = action((message: string, undo: Toast['undo'] = null) => {
    toast.value = { message, undo };
  });

  /** Runs a write; a refusal becomes the toast's text rather than an unhandled rejection. */
  const attempt = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      notify(errorText(error));
      return null;
    }
  };

  /**
   * Runs a write the toast can take back (a tombstone, a merge): `undo` gets what the write returned, and so does the
   * caller, or null when it was refused.
   */
  const undoable = <T>(
    work: () => Promise<T>,
    message: string | ((done: T) => string),
    undo: (done: T) => Promise<unknown>,
  ): Promise<T | null> =>
    attempt(async () => {
      const done = await work();
      notify(typeof message === 'string' ? message : message(done), () => undo(done));
      return done;
    });

  const controller = new AbortController();
  onSidecarEvent((event) => {
    if (event.type !== 'changed') return;
    if (event.stores.some((s) => CONFIG_STORES.has(s))) void loadConfig();
    revision.value++;
  }, controller.signal);
  globalThis.addEventListener?.(
    'hashchange',
    () => {
      route.value = parseHash(location.hash);
    },
    { signal: controller.signal },
  );
  effect(() => () => controller.abort());
  effect(() => {
    document.documentElement.lang = language.value;
  });

  void loadConfig();
  openCrmDb().then(
    (opened) => {
      db.value = opened;
    },
    (error: unknown) => {
      problem.value = String(error);
    },
  );

  return {
    db,
    problem,
    settings,
    pipelines,
    reps,
    sources,
    propertyDefs,
    revision,
    route,
    toast,
    ready,
    timeZone,
    loadConfig,
    notify,
    attempt,
    undoable,
  };
});

export type Dashboard = InstanceType<typeof DashboardModel>;
