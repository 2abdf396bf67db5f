import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SidecarEvent } from '@/lib/rpc/wire';

const status = vi.fn();
let told: ((event: SidecarEvent) => void) | null = null;
vi.mock('@/lib/worker/client', () => ({ call: (method: string) => (method === 'team.status' ? status() : null) }));
vi.mock('@/components/events', () => ({
  onSidecarEvent: (listener: (event: SidecarEvent) => void) => {
    told = listener;
  },
}));
const { FirstSyncProgress } = await import('@/components/FirstSyncProgress');

afterEach(() => {
  document.body.replaceChildren();
  status.mockReset();
});

async function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => render(<FirstSyncProgress />, host));
  return host;
}

const joined = (cursor: number, teamVersion: number) => ({ joined: true, cursor, teamVersion });

describe('the first sync with the team, shown in the dashboard header and the sidebar', () => {
  it("shows how far the first sync has come, and goes once the browser has caught up with the team's version", async () => {
    status.mockResolvedValue(joined(250, 1000));
    const host = await mount();
    expect(host.querySelector('[role="status"]')?.textContent).toBe("Bringing in the team's records: 25%");
    expect(host.querySelector('progress')?.value).toBe(25);
    status.mockResolvedValue(joined(1000, 1000));
    await act(async () => told?.({ kind: 'sidecar-event', type: 'changed', stores: ['contacts'] }));
    expect(host.querySelector('progress')?.value).toBe(25);
    await act(async () => told?.({ kind: 'sidecar-event', type: 'changed', stores: ['team'] }));
    expect(host.textContent).toBe('');
  });

  it('shows nothing for a lone rep', async () => {
    status.mockResolvedValue({ joined: false });
    expect((await mount()).textContent).toBe('');
  });
});
