import { addMember, contactId, type Device, newTeam, ORIGIN, type Service, startService } from './harness';
import { listen, openEvents, request, until } from './sync-client';

let first: Service;
let second: Service;
let base: string;
let secondBase: string;
let manager: Device;

beforeAll(async () => {
  first = await startService({ heartbeatMs: 100 });
  // A second instance on the same database, as behind a load balancer.
  second = await startService({ url: first.url, heartbeatMs: 100 });
  base = await listen(first.app);
  secondBase = await listen(second.app);
  ({ manager } = await newTeam(first));
});
afterAll(async () => {
  await second.close();
  await first.close();
});

const push = (device: Device, at = base) =>
  request(at, 'POST', '/v1/push', device.token, device.push([device.change('contacts', contactId(), { name: 'N' })]));

describe('GET /v1/events', () => {
  it("announces the team's version now, then each push's, on this instance and on another", async () => {
    const rep = await addMember(first, manager, 'Listener');
    const here = openEvents(base, rep.token, { origin: ORIGIN });
    const there = openEvents(secondBase, rep.token);
    await until(() => here.versions.length > 0 && there.versions.length > 0);
    expect(here.status()).toBe(200);
    expect(here.headers().get('content-type')).toMatch(/^text\/event-stream/);
    expect(here.headers().get('access-control-allow-origin')).toBe(ORIGIN);
    const start = here.versions[0]!;

    const pushed = Date.now();
    expect((await push(manager)).status).toBe(200);
    await until(() => here.versions.includes(start + 1) && there.versions.includes(start + 1), 2000);
    expect(Date.now() - pushed).toBeLessThan(2000);
    // A push to the other instance reaches this one's stream through PostgreSQL's NOTIFY.
    expect((await push(manager, secondBase)).status).toBe(200);
    await until(() => here.versions.includes(start + 2));
    expect(here.versions).toEqual([start, start + 1, start + 2]);
    await Promise.all([here.close(), there.close()]);
  });

  it('keeps a quiet stream open with heartbeat comments', async () => {
    const stream = openEvents(base, manager.token);
    await until(() => (stream.text().match(/^: ping$/gm) ?? []).length >= 2, 2000);
    await stream.close();
  });

  it('ends the streams of a device when it is revoked, on every instance', async () => {
    const rep = await addMember(first, manager, 'Revoked');
    const here = openEvents(base, rep.token);
    const there = openEvents(secondBase, rep.token);
    await until(() => here.versions.length > 0 && there.versions.length > 0);
    expect((await request(base, 'POST', `/v1/devices/${rep.id}/revoke`, manager.token)).status).toBe(200);
    await Promise.all([here.ended, there.ended]);
    expect(first.hub.streams + second.hub.streams).toBe(0);
  });

  it('refuses a stream without a valid token, before any event', async () => {
    const stream = openEvents(base, 'A'.repeat(43));
    await stream.ended;
    expect(stream.status()).toBe(401);
    expect(stream.versions).toEqual([]);
  });
});
