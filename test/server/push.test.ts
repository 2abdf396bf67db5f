import type { PullResponse, PushResponse } from '@/lib/sync/protocol';
import { addMember, call, contactId, withTeam } from './harness';

const setup = withTeam();

async function teamState(teamId: string) {
  const team = await setup.service.pool.query<{ version: number }>('SELECT version FROM teams WHERE id = $1', [teamId]);
  const rows = await setup.service.pool.query<{ id: string; version: number }>(
    'SELECT id, version FROM records WHERE team_id = $1 ORDER BY version',
    [teamId],
  );
  return { version: team.rows[0]!.version, rows: rows.rows };
}

describe('POST /v1/push', () => {
  it('applies a batch once, and acknowledges the same batch sent again without applying it twice', async () => {
    const device = await addMember(setup.service, setup.manager, 'Sokha');
    const batch = device.push([
      device.change('contacts', contactId(), { name: 'Chan Dara', lifecycle: 'lead' }),
      device.change('contacts', contactId(), { name: 'Kim Srey' }),
    ]);
    const first = await call<PushResponse>(setup.service.app, 'POST', '/v1/push', device.token, batch);
    expect(first.status).toBe(200);
    expect(first.body.lastSeq).toBe(2);
    const teamId = (await call<{ team: { id: string } }>(setup.service.app, 'GET', '/v1/team', device.token)).body.team
      .id;
    const after = await teamState(teamId);

    const again = await call<PushResponse>(setup.service.app, 'POST', '/v1/push', device.token, batch);
    expect(again).toEqual({ status: 200, body: { lastSeq: 2, version: first.body.version } });
    expect(await teamState(teamId)).toEqual(after);

    // A batch that overlaps the applied ones applies only its new tail.
    const tail = device.change('contacts', contactId(), { name: 'Lim Sophea' });
    const overlap = await call<PushResponse>(setup.service.app, 'POST', '/v1/push', device.token, {
      deviceId: device.id,
      mutations: [...batch.mutations, tail],
    });
    expect(overlap.body).toEqual({ lastSeq: 3, version: first.body.version + 1 });
    expect((await teamState(teamId)).rows).toHaveLength(3);
  });

  it('refuses a batch that leaves a gap with 409 and writes nothing', async () => {
    const device = await addMember(setup.service, setup.manager, 'Vanna');
    const one = device.change('contacts', contactId(), { name: 'One' });
    expect((await setup.push(device, one)).status).toBe(200);
    device.change('contacts', contactId(), { name: 'Two, lost on the way' });
    const three = device.change('contacts', contactId(), { name: 'Three' });
    const before = await setup.service.pool.query('SELECT count(*)::int AS n, max(version) AS v FROM records');
    const gap = await setup.push(device, three);
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'seq_gap', details: { lastSeq: 1 } });
    expect((await setup.service.pool.query('SELECT count(*)::int AS n, max(version) AS v FROM records')).rows).toEqual(
      before.rows,
    );
    const applied = await setup.service.pool.query('SELECT seq FROM applied WHERE device_id = $1', [device.id]);
    expect(applied.rows).toEqual([{ seq: 1 }]);
  });

  it('merges field by field: the later stamp wins, the value it overwrote unseen is kept and named', async () => {
    const sokha = await addMember(setup.service, setup.manager, 'Sokha Two');
    const vanna = await addMember(setup.service, setup.manager, 'Vanna Two');
    const id = contactId();
    const created = sokha.change('contacts', id, { name: 'Chan Dara', jobTitle: 'Buyer' });
    await setup.push(sokha, created);
    const base = created.fields.name!.hlc;
    // Both edit the name having seen only the first version; Vanna's edit is later.
    const offline = sokha.change('contacts', id, { name: 'Chan Dara (Sokha)' }, base);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const online = vanna.change('contacts', id, { name: 'Chan Dara (Vanna)', jobTitle: 'Owner' }, base);
    await setup.push(vanna, online);
    await setup.push(sokha, offline);

    const page = await call<PullResponse>(setup.service.app, 'GET', '/v1/pull?cursor=0&limit=1000', vanna.token);
    const record = page.body.records.find((r) => r.id === id)!;
    expect(record.fields.name).toMatchObject({ value: 'Chan Dara (Vanna)', by: vanna.joined.rep.id });
    expect(record.fields.jobTitle).toMatchObject({ value: 'Owner' });
    expect(record.conflicts).toContainEqual(
      expect.objectContaining({ field: 'name', value: 'Chan Dara (Sokha)', by: sokha.joined.rep.id, silent: true }),
    );
    expect(record.updatedBy).toEqual({ id: sokha.joined.rep.id, name: 'Sokha Two' });
  });

  it('refuses stamps far ahead of its clock, and a batch naming another device', async () => {
    const device = await addMember(setup.service, setup.manager, 'Dara Clock');
    const mutation = device.change('contacts', contactId(), { name: 'From the future' });
    const future = {
      ...mutation,
      fields: { name: { ...mutation.fields.name!, hlc: `9${mutation.fields.name!.hlc.slice(1)}` } },
    };
    const ahead = await setup.push(device, future);
    expect(ahead.status).toBe(400);
    expect(ahead.body.error?.message).toMatch(/clock/);
    const other = await call(setup.service.app, 'POST', '/v1/push', setup.manager.token, device.push([mutation]));
    expect(other.status).toBe(403);
    expect((await setup.service.pool.query('SELECT seq FROM applied WHERE device_id = $1', [device.id])).rows).toEqual(
      [],
    );
  });
});
