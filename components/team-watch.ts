import { WATCH_EVERY_MS } from '@/lib/team/contract';
import { request } from '@/lib/worker/client';

/**
 * A page that shows the CRM (the dashboard, the sidebar) tells the worker it is open: when it loads, when it comes to
 * the front, and every WATCH_EVERY_MS while it is visible and the browser is in a team. The worker syncs and keeps
 * the team's event stream open meanwhile, so a teammate's change shows within seconds. A lone rep's page asks once
 * per load or focus and hears "not joined", and nothing repeats.
 */
export function watchTeam(signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ping = async () => {
    clearTimeout(timer);
    if (signal.aborted || document.visibilityState !== 'visible') return;
    const answer = await request('team.watch', {});
    if (answer.ok && answer.value.joined && !signal.aborted) timer = setTimeout(() => void ping(), WATCH_EVERY_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  globalThis.addEventListener?.('focus', () => void ping(), { signal });
  document.addEventListener('visibilitychange', () => void ping(), { signal });
  void ping();
}
