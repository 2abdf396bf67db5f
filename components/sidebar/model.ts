import { action, computed, createModel, effect, signal } from '@preact/signals';
import { onSidecarEvent, onSnapshotPublished } from '@/components/events';
import { followSettings } from '@/components/i18n';
import { watchTeam } from '@/components/team-watch';
import { createSnapshotFeed } from '@/lib/content/snapshot-feed';
import type {
  CustomPropertyDef,
  Pipeline,
  Rep,
  Settings,
  SnapshotParticipant,
  Source,
  WebmailSnapshot,
} from '@/lib/model';
import { normaliseEmail, repForAccount } from '@/lib/model';
import type { RpcError } from '@/lib/rpc/wire';
import { request } from '@/lib/worker/client';
import type { ContactCardView } from '@/lib/worker/contract';
import { createLogClock } from './log-clock';

export type SidebarStatus = 'loading' | 'ready' | 'unavailable';

/**
 * The sidebar's state: the tab's snapshot (from the tab's content script or the worker, never from the page; see
 * lib/content/snapshot-feed.ts), which of its people are contacts, their cards, and the settings the forms need.
 * Every write goes to the worker; the worker's change events make this re-read, so nothing here is kept in sync
 * by hand.
 */
export const SidebarModel = createModel(() => {
  const status = signal<SidebarStatus>('loading');
  const problem = signal<RpcError | null>(null);
  const snapshot = signal<WebmailSnapshot | null>(null);
  const contactIds = signal<Record<string, string | null>>({});
  const cards = signal<Record<string, ContactCardView>>({});
  const settings = signal<Settings | null>(null);
  const pipelines = signal<Pipeline[]>([]);
  const sources = signal<Source[]>([]);
  const reps = signal<Rep[]>([]);
  const propertyDefs = signal<CustomPropertyDef[]>([]);
  const doNotLog = signal(false);

  /** Addresses the rep gave for people the page showed by name alone (Outlook), by name, while the sidebar is open. */
  const completed = signal<Record<string, string>>({});
  const people = computed<SnapshotParticipant[]>(() =>
    (snapshot.value?.participants ?? []).map((p) =>
      p.email ? p : { ...p, email: completed.value[p.name.toLowerCase()] ?? '' },
    ),
  );
  /** Whom to look up: a person without an address is nobody's yet. */
  const addresses = () => people.value.flatMap((p) => (p.email ? [normaliseEmail(p.email)] : []));
  /** The signed-in account while no rep has it: the sidebar asks whose it is. */
  const unclaimedAccount = computed(() => {
    const account = snapshot.value?.account ?? null;
    return account && !repForAccount(reps.value, account) ? account : null;
  });

  /** The people on screen who are contacts, for the template picker to fill a reply for. */
  const knownPeople = computed(() =>
    people.value.flatMap((person) => {
      const id = contactIds.value[normaliseEmail(person.email)];
      return id ? [{ contactId: id, name: cards.value[id]?.contact.name ?? person.name }] : [];
    }),
  );

  // Thread swaps can come faster than the look-ups they start: only the newest one may write its answers.
  let generation = 0;

  const loadCards = async (emails: string[]) => {
    const mine = generation;
    const lookup = await request('sidebar.lookup', { emails });
    if (mine !== generation) return;
    if (!lookup.ok) {
      problem.value = lookup.error;
      return;
    }
    contactIds.value = lookup.value.contactIds;
    const ids = [...new Set(Object.values(lookup.value.contactIds).filter((id): id is string => !!id))];
    const loaded = await Promise.all(ids.map((id) => request('contact.card', { id })));
    if (mine !== generation) return;
    const next: Record<string, ContactCardView> = {};
    loaded.forEach((result, i) => {
      if (result.ok && result.value) next[ids[i]!] = result.value;
    });
    cards.value = next;
  };

  /** Shows the tab's people at once; whether each is a contact (and their card) follows from the worker. */
  const showSnapshot = action(async (next: WebmailSnapshot | null) => {
    const mine = ++generation;
    snapshot.value = next;
    clock.show(next?.view === 'thread' ? (next.thread?.id ?? null) : null);
    const threadId = next?.thread?.id;
    if (threadId) {
      const prefs = await request('thread.prefs', { threadId });
      if (mine !== generation) return;
      doNotLog.value = prefs.ok && prefs.value.doNotLog;
    }
    await loadCards(addresses());
    if (mine === generation) status.value = 'ready';
  });

  const feed = createSnapshotFeed((next) => void showSnapshot(next));

  const loadSnapshot = action(async () => {
    const answer = feed.ask();
    const current = await request('snapshot.current', {});
    if (!current.ok) {
      status.value = 'unavailable';
      problem.value = current.error;
      return;
    }
    answer(current.value.tabId, current.value.snapshot);
  });

  const loadSettings = action(async () => {
    const [s, p, src, r, defs] = await Promise.all([
      request('settings.get', {}),
      request('pipelines.list', {}),
      request('sources.list', {}),
      request('reps.list', {}),
      request('propertyDefs.list', {}),
    ]);
    if (s.ok) {
      settings.value = s.value;
      followSettings(s.value);
    }
    if (p.ok) pipelines.value = p.value;
    if (src.ok) sources.value = src.value;
    if (r.ok) reps.value = r.value;
    if (defs.ok) propertyDefs.value = defs.value;
  });

  const refreshCards = action(() => loadCards(addresses()));

  /** The rep gave the address of someone shown by name alone: from now on they are that address. */
  const completeAddress = action((name: string, email: string) => {
    completed.value = { ...completed.value, [name.toLowerCase()]: email };
    return refreshCards();
  });

  const controller = new AbortController();
  const clock = createLogClock((threadId) => void request('thread.log', { threadId }), controller.signal);
  onSnapshotPublished(feed.fromContentScript, controller.signal);
  onSidecarEvent((event) => {
    if (event.type === 'snapshot') feed.fromWorker(event.tabId, event.snapshot);
    if (event.type === 'changed') {
      if (event.stores.some((s) => ['settings', 'pipelines', 'sources', 'reps', 'propertyDefs'].includes(s)))
        void loadSettings();
      if (event.stores.some((s) => ['contacts', 'companies', 'deals', 'activities', 'tasks'].includes(s))) {
        void refreshCards();
      }
    }
  }, controller.signal);
  watchTeam(controller.signal);
  effect(() => () => controller.abort());

  void loadSettings().then(loadSnapshot);

  return {
    status,
    problem,
    snapshot,
    people,
    unclaimedAccount,
    knownPeople,
    contactIds,
    cards,
    settings,
    pipelines,
    sources,
    reps,
    propertyDefs,
    doNotLog,
    reload: loadSnapshot,
    refreshCards,
    completeAddress,
  };
});

export type Sidebar = InstanceType<typeof SidebarModel>;
