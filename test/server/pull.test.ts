import type { PullResponse, SyncedRecord } from '@/lib/sync/protocol';
import { call, contactId, type Device, withTeam } from './harness';

const setup = withTeam();

async function pullAll(device: Device, cursor: number, limit: number) {
  const pages: PullResponse[] = [];
  for (;;) {
    const page = await call<PullResponse>(
      setup.service.app,
      'GET',
      `/v1/pull?cursor=${cursor}&limit=${limit}`,
      device.token,
    );
    expect(page.status).toBe(200);
    pages.push(page.body);
    cursor = page.body.cursor;
    if (!page.body.more) return { pages, cursor, records: pages.flatMap((p) => p.records) };
  }
}

describe('GET /v1/pull', () => {
  it('pages through one push bigger than a page without losing or repeating a row', async () => {
    const ids = Array.from({ length: 700 }, contactId);
    for (let i = 0; i < ids.length; i += 350) {
      const batch = ids
        .slice(i, i + 350)
        .map((id, n) => setup.manager.change('contacts', id, { name: `Contact ${i + n}` }));
      expect((await setup.push(setup.manager, ...batch)).status).toBe(200);
    }
    const { pages, records, cursor } = await pullAll(setup.manager, 0, 300);
    expect(pages.map((p) => [p.records.length, p.more])).toEqual([
      [300, true],
      [300, true],
      [100, false],
    ]);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(ids));
    const versions = records.map((r) => r.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(cursor).toBe(pages[0]!.teamVersion);
    expect(records[0]).toMatchObject<Partial<SyncedRecord>>({
      entity: 'contacts',
      conflicts: [],
      updatedBy: { id: setup.manager.joined.rep.id, name: 'Dara' },
    });
  });

  it('answers a record written again once, at its new version, and moves the cursor to the team version', async () => {
    const { cursor: start } = await pullAll(setup.manager, 0, 1000);
    const id = contactId();
    await setup.push(setup.manager, setup.manager.change('contacts', id, { name: 'A' }));
    await setup.push(setup.manager, setup.manager.change('contacts', id, { name: 'B' }));
    const { records, cursor } = await pullAll(setup.manager, start, 1000);
    expect(records.map((r) => [r.id, r.fields.name?.value])).toEqual([[id, 'B']]);
    expect(cursor).toBe(start + 2);
    expect((await pullAll(setup.manager, cursor, 1000)).records).toEqual([]);
  });

  it('refuses a cursor beyond the team version, and pages over 1000', async () => {
    const ahead = await call(setup.service.app, 'GET', '/v1/pull?cursor=999999', setup.manager.token);
    expect(ahead.status).toBe(409);
    expect(ahead.body.error?.code).toBe('cursor_ahead');
    expect((await call(setup.service.app, 'GET', '/v1/pull?cursor=0&limit=1001', setup.manager.token)).status).toBe(
      400,
    );
    expect((await call(setup.service.app, 'GET', '/v1/pull', setup.manager.token)).status).toBe(400);
  });
});
