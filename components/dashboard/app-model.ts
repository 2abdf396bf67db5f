import { action, computed, createModel, effect, signal } from '@preact/signals';
import { parseHash, type Route } from '@/lib/dashboard/links';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import type { CustomPropertyDef, Pipeline, Rep, Settings, Source } from '@/lib/model';
import { RpcFailure, request } from '@/lib/worker/client';
import { onSidecarEvent } from '../events';
import { errorText } from '../format';
import { followSettings } from '../i18n';
import { watchTeam } from '../team-watch';
import { createToaster } from '../toaster';

const CONFIG_STORES = new Set(['settings', 'pipelines', 'sources', 'reps', 'propertyDefs']);

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
  /** The name of the record a record page shows, for the tab's title; null on other pages. */
  const recordTitle = signal<string | null>(null);
  const { toast, notify, attempt, undoable } = createToaster();

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
      problem.value = errorText(new RpcFailure(s.error));
      return;
    }
    settings.value = s.value;
    followSettings(s.value);
    if (p.ok) pipelines.value = p.value;
    if (r.ok) reps.value = r.value;
    if (src.ok) sources.value = src.value;
    if (defs.ok) propertyDefs.value = defs.value;
  });

  const controller = new AbortController();
  onSidecarEvent((event) => {
    if (event.type !== 'changed') return;
    if (event.stores.some((s) => CONFIG_STORES.has(s))) void loadConfig();
    revision.value++;
  }, controller.signal);
  watchTeam(controller.signal);
  globalThis.addEventListener?.(
    'hashchange',
    () => {
      route.value = parseHash(location.hash);
    },
    { signal: controller.signal },
  );
  effect(() => () => controller.abort());

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
    recordTitle,
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
