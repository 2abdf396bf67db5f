import type { DevicesResponse, InviteResponse, JoinResponse, TeamResponse } from '@/lib/sync/protocol';
import { createTeam } from '@/server/accounts/teams';
import { addMember, call, contactId, joinWith, withTeam } from './harness';

const setup = withTeam();

const invite = (role = 'rep', name = 'Sophea') =>
  call<InviteResponse>(setup.service.app, 'POST', '/v1/invites', setup.manager.token, {
    role,
    name,
    email: `${name.toLowerCase()}@lucky.kh`,
  });

describe('invites', () => {
  it('are taken once: of devices racing with one code exactly one joins', async () => {
    const { body } = await invite();
    expect(body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const tries = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call<JoinResponse>(setup.service.app, 'POST', '/v1/join', undefined, {
          code: body.code,
          deviceName: `PC ${i}`,
        }),
      ),
    );
    expect(tries.map((t) => t.status).sort()).toEqual([200, 403, 403, 403, 403]);
    expect(tries.filter((t) => t.status === 403).map((t) => t.body.error?.code)).toEqual(Array(4).fill('invite_used'));
  });

  it('are read forgivingly as typed, and refused when unknown or expired', async () => {
    const { body } = await invite('rep', 'Bopha');
    const typed = body.code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(
      (await call(setup.service.app, 'POST', '/v1/join', undefined, { code: typed, deviceName: 'Phone' })).status,
    ).toBe(200);
    const unknown = await call(setup.service.app, 'POST', '/v1/join', undefined, {
      code: 'AAAA-BBBB-CCCC',
      deviceName: 'x',
    });
    expect(unknown).toMatchObject({ status: 403, body: { error: { code: 'invite_invalid' } } });

    const expiring = await invite('rep', 'Rathana');
    await setup.service.pool.query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE rep_email = $1`, [
      'rathana@lucky.kh',
    ]);
    const late = await call(setup.service.app, 'POST', '/v1/join', undefined, {
      code: expiring.body.code,
      deviceName: 'x',
    });
    expect(late).toMatchObject({ status: 403, body: { error: { code: 'invite_expired' } } });
  });

  it('stores codes and tokens only as hashes', async () => {
    const { body } = await invite('rep', 'Hash');
    const device = await joinWith(setup.service.app, body.code);
    const dump = JSON.stringify(
      (await setup.service.pool.query('SELECT * FROM invites')).rows.concat(
        (await setup.service.pool.query('SELECT * FROM devices')).rows,
      ),
    );
    expect(dump).not.toContain(body.code);
    expect(dump).not.toContain(body.code.replace(/-/g, ''));
    expect(dump).not.toContain(device.token);
  });

  it('make a second device of the same person the same rep', async () => {
    const first = await addMember(setup.service, setup.manager, 'Twice');
    const second = await addMember(setup.service, setup.manager, 'Twice');
    expect(second.joined.rep.id).toBe(first.joined.rep.id);
    expect(second.id).not.toBe(first.id);
  });

  it('can be made by a manager with one command, before any device exists', async () => {
    const { invite: made } = await createTeam(setup.service.pool, {
      name: 'Second Shop',
      managerName: 'Nary',
      managerEmail: 'NARY@shop.kh ',
    });
    const joined = await joinWith(setup.service.app, made.code);
    expect(joined.joined).toMatchObject({
      team: { name: 'Second Shop' },
      rep: { name: 'Nary', email: 'nary@shop.kh', role: 'manager' },
    });
  });
});

describe('roles and devices', () => {
  it('keeps manager endpoints from reps with 403', async () => {
    const rep = await addMember(setup.service, setup.manager, 'Plain Rep');
    const asRep = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      call(setup.service.app, method, url, rep.token, body);
    expect((await asRep('POST', '/v1/invites', { role: 'rep', name: 'X', email: 'x@y.kh' })).status).toBe(403);
    expect((await asRep('GET', '/v1/devices')).status).toBe(403);
    expect((await asRep('POST', `/v1/devices/${setup.manager.id}/revoke`)).status).toBe(403);
    const team = await call<TeamResponse>(setup.service.app, 'GET', '/v1/team', rep.token);
    expect(team.body.me).toEqual({ repId: rep.joined.rep.id, deviceId: rep.id, role: 'rep' });
    expect(team.body.reps.map((r) => r.name)).toContain('Dara');
  });

  it('refuses a revoked device at every endpoint, and lets a rep leave with their own device', async () => {
    const rep = await addMember(setup.service, setup.manager, 'Leaving');
    const listed = await call<DevicesResponse>(setup.service.app, 'GET', '/v1/devices', setup.manager.token);
    expect(listed.body.devices.find((d) => d.id === rep.id)).toMatchObject({
      rep: { name: 'Leaving' },
      revokedAt: null,
    });
    const revoked = await call(setup.service.app, 'POST', `/v1/devices/${rep.id}/revoke`, setup.manager.token);
    expect(revoked.status).toBe(200);
    const push = rep.push([rep.change('contacts', contactId(), { name: 'After revoke' })]);
    for (const [method, url, body] of [
      ['GET', '/v1/team'],
      ['GET', '/v1/pull?cursor=0'],
      ['POST', '/v1/push', push],
      ['GET', '/v1/events'],
      ['POST', `/v1/devices/${rep.id}/revoke`],
    ] as const) {
      const answer = await call(setup.service.app, method, url, rep.token, body);
      expect([url, answer.status, answer.body.error?.code]).toEqual([url, 401, 'unauthorized']);
    }
    const other = await addMember(setup.service, setup.manager, 'Staying');
    const own = await call(setup.service.app, 'POST', `/v1/devices/${other.id}/revoke`, other.token);
    expect(own.status).toBe(200);
    expect((await call(setup.service.app, 'GET', '/v1/team', other.token)).status).toBe(401);
  });

  it('answers 404 for a device that is not there', async () => {
    expect(
      (await call(setup.service.app, 'POST', '/v1/devices/0123456789abcdef0123/revoke', setup.manager.token)).status,
    ).toBe(404);
    expect(
      (await call(setup.service.app, 'POST', '/v1/devices/not-a-device!/revoke', setup.manager.token)).status,
    ).toBe(400);
  });
});
