import { action, computed, createModel, effect, signal } from '@preact/signals';
import { onSidecarEvent } from '@/components/events';
import { language } from '@/components/i18n';
import type { Pipeline, Rep, Settings, SnapshotParticipant, Source, WebmailSnapshot } from '@/lib/model';
import { normalizeEmail } from '@/lib/model';
import { request } from '@/lib/rpc/client';
import type { ContactCardView } from '@/lib/rpc/contract';
import type { RpcError } from '@/lib/rpc/wire';

export type SidebarStatus = 'loading' | 'ready' | 'unavailable';

/**
 * The sidebar's state: the tab's snapshot (from the worker, never from the page), which of its people are
 * contacts, their cards, and the settings the forms need. Every write goes to the worker; the worker's change
 * events make this re-read, so nothing here is kept in sync by hand.
 */
export const SidebarModel = createModel(() => {
  const status = signal<SidebarStatus>('loading');
  const problem = signal<RpcError | null>(null);
  const tabId = signal<number | null>(null);
  const snapshot = signal<WebmailSnapshot | null>(null);
  const contactIds = signal<Record<string, string | null>>({});
  const cards = signal<Record<string, ContactCardView>>({});
  const settings = signal<Settings | null>(null);
  const pipelines = signal<Pipeline[]>([]);
  const sources = signal<Source[]>([]);
  const reps = signal<Rep[]>([]);
  const doNotLog = signal(false);

  const people = computed<SnapshotParticipant[]>(() => snapshot.value?.participants ?? []);

  const loadCards = async (emails: string[]) => {
    const lookup = await request('sidebar.lookup', { emails });
    if (!lookup.ok) {
      problem.value = lookup.error;
      return;
    }
    contactIds.value = lookup.value.contactIds;
    const ids = [...new Set(Object.values(lookup.value.contactIds).filter((id): id is string => !!id))];
    const loaded = await Promise.all(ids.map((id) => request('contact.card', { id })));
    const next: Record<string, ContactCardView> = {};
    loaded.forEach((result, i) => {
      if (result.ok && result.value) next[ids[i]!] = result.value;
    });
    cards.value = next;
  };

  const loadSnapshot = action(async () => {
    const current = await request('snapshot.current', {});
    if (!current.ok) {
      status.value = 'unavailable';
      problem.value = current.error;
      return;
    }
    tabId.value = current.value.tabId;
    snapshot.value = current.value.snapshot;
    const threadId = current.value.snapshot?.thread?.id;
    if (threadId) {
      const prefs = await request('thread.prefs', { threadId });
      doNotLog.value = prefs.ok && prefs.value.doNotLog;
    }
    await loadCards((current.value.snapshot?.participants ?? []).map((p) => normalizeEmail(p.email)));
    status.value = 'ready';
  });

  const loadSettings = action(async () => {
    const [s, p, src, r] = await Promise.all([
      request('settings.get', {}),
      request('pipelines.list', {}),
      request('sources.list', {}),
      request('reps.list', {}),
    ]);
    if (s.ok) {
      settings.value = s.value;
      language.value = s.value.language;
    }
    if (p.ok) pipelines.value = p.value;
    if (src.ok) sources.value = src.value;
    if (r.ok) reps.value = r.value;
  });

  const refreshCards = action(() => loadCards(people.value.map((p) => normalizeEmail(p.email))));

  const controller = new AbortController();
  onSidecarEvent((event) => {
    if (event.type === 'snapshot' && event.tabId === tabId.value) void loadSnapshot();
    if (event.type === 'changed') {
      if (event.stores.some((s) => ['settings', 'pipelines', 'sources', 'reps'].includes(s))) void loadSettings();
      if (event.stores.some((s) => ['contacts', 'companies', 'deals', 'activities', 'tasks'].includes(s))) {
        void refreshCards();
      }
    }
  }, controller.signal);
  effect(() => () => controller.abort());

  void loadSettings().then(loadSnapshot);

  return {
    status,
    problem,
    snapshot,
    people,
    contactIds,
    cards,
    settings,
    pipelines,
    sources,
    reps,
    doNotLog,
    reload: loadSnapshot,
    refreshCards,
  };
});

export type Sidebar = InstanceType<typeof SidebarModel>;
