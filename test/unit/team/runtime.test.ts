import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContact } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import { TeamRuntime } from '@/lib/team/runtime';

afterEach(() => {
  vi.useRealTimers();
});

describe('a lone rep', () => {
  it('makes no request, sets no alarm and no timer, whatever triggers a sync', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    const db = await openCrmDb('team-runtime-lone');
    const fetch = vi.fn(() => Promise.reject(new Error('no request')));
    const alarms = { create: vi.fn(), clear: vi.fn(), onAlarm: { addListener: vi.fn() } };
    const runtime = new TeamRuntime({ database: async () => db, fetch, alarms, now: Date.now, remoteChanged: vi.fn() });
    runtime.listen();
    await runtime.syncNow();
    await createContact(db, { name: 'Sokha' }, 1);
    runtime.written(['contacts']);
    expect(await runtime.watch()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    expect(fetch).not.toHaveBeenCalled();
    expect(alarms.create).not.toHaveBeenCalled();
    expect(await db.count('outbox')).toBe(0);
  });
});
