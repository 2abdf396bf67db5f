import type { DevicesResponse, PullResponse, TeamResponse } from '@/lib/sync/protocol';
import { addMember, call, contactId, type Device, newTeam, type Service, startService } from './harness';
import { listen, openEvents, until } from './sync-client';

let service: Service;
let a: Device;
let b: Device;
let bRep: Device;
let bTeamId: string;
const shared = contactId();

beforeAll(async () => {
  service = await startService();
  ({ manager: a } = await newTeam(service, 'Shop A'));
  ({ manager: b, teamId: bTeamId } = await newTeam(service, 'Shop B'));
  bRep = await addMember(service, b, 'B Rep');
  await call(service.app, 'POST', '/v1/push', b.token, b.push([b.change('contacts', shared, { name: 'Secret of B' })]));
});
afterAll(() => service.close());

const snapshot = async () => ({
  records: (await service.pool.query('SELECT * FROM records WHERE team_id = $1 ORDER BY id', [bTeamId])).rows,
  devices: (await service.pool.query('SELECT * FROM devices WHERE team_id = $1 ORDER BY id', [bTeamId])).rows,
  reps: (await service.pool.query('SELECT * FROM reps WHERE team_id = $1 ORDER BY id', [bTeamId])).rows,
  invites: (await service.pool.query('SELECT * FROM invites WHERE team_id = $1 ORDER BY id', [bTeamId])).rows,
  team: (await service.pool.query('SELECT * FROM teams WHERE id = $1', [bTeamId])).rows,
});

/** Every endpoint, called with team A's manager token, aimed at what belongs to team B wherever it takes an id. */
describe("a token of one team and another team's data", () => {
  it('reaches nothing of team B by any endpoint, and changes nothing of it', async () => {
    const before = await snapshot();
    const text = (value: unknown) => JSON.stringify(value);

    const pull = await call<PullResponse>(service.app, 'GET', '/v1/pull?cursor=0&limit=1000', a.token);
    expect(pull.body.records).toEqual([]);
    expect(pull.body.teamVersion).toBe(0);

    // The same record id written by A is A's own record, not B's.
    const push = await call(
      service.app,
      'POST',
      '/v1/push',
      a.token,
      a.push([a.change('contacts', shared, { name: 'A writes' })]),
    );
    expect(push.status).toBe(200);
    const mine = await call<PullResponse>(service.app, 'GET', '/v1/pull?cursor=0&limit=1000', a.token);
    expect(mine.body.records.map((r) => r.fields.name?.value)).toEqual(['A writes']);

    const team = await call<TeamResponse>(service.app, 'GET', '/v1/team', a.token);
    expect(text(team.body)).not.toContain('Shop B');
    expect(text(team.body)).not.toContain('B Rep');

    const devices = await call<DevicesResponse>(service.app, 'GET', '/v1/devices', a.token);
    expect(devices.body.devices.map((d) => d.id)).toEqual([a.id]);

    for (const target of [b.id, bRep.id]) {
      expect((await call(service.app, 'POST', `/v1/devices/${target}/revoke`, a.token)).status).toBe(404);
    }

    // An invite A makes joins A's team, whatever name or email it carries.
    const invite = await call<{ code: string }>(service.app, 'POST', '/v1/invites', a.token, {
      role: 'manager',
      name: 'B Rep',
      email: 'brep@example.kh',
    });
    const joined = await call<{ team: { name: string } }>(service.app, 'POST', '/v1/join', undefined, {
      code: invite.body.code,
      deviceName: 'x',
    });
    expect(joined.body.team.name).toBe('Shop A');

    // A push naming B's device is refused; B's device numbering is untouched.
    const posing = await call(
      service.app,
      'POST',
      '/v1/push',
      a.token,
      b.push([b.change('contacts', contactId(), { name: 'x' })]),
    );
    expect(posing.status).toBe(403);
    b.seq--;

    expect(await snapshot()).toEqual(before);
  });

  it("hears nothing of team B's pushes on its event stream", async () => {
    const base = await listen(service.app);
    const stream = openEvents(base, a.token);
    await until(() => stream.versions.length > 0);
    for (let i = 0; i < 3; i++) {
      await call(
        service.app,
        'POST',
        '/v1/push',
        b.token,
        b.push([b.change('contacts', contactId(), { name: `B ${i}` })]),
      );
    }
    // A's own push after B's: once its version is announced, anything of B's would have been too.
    await call(
      service.app,
      'POST',
      '/v1/push',
      a.token,
      a.push([a.change('contacts', contactId(), { name: 'A again' })]),
    );
    await until(() => stream.versions.length > 1);
    await stream.close();
    expect(stream.versions).toEqual([1, 2]);
  });
});
