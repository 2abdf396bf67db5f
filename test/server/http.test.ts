import { Writable } from 'node:stream';
import { MAX_BODY_BYTES } from '@/lib/sync/protocol';
import { loggerOptions } from '@/server/app';
import { call, contactId, type Device, newTeam, ORIGIN, type Service, startService } from './harness';

let service: Service;
let manager: Device;
let logs = '';

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  service = await startService({ logger: loggerOptions({ level: 'info', stream }) });
  ({ manager } = await newTeam(service));
});
afterAll(() => service.close());

const count = async () => (await service.pool.query('SELECT count(*)::int AS n FROM records')).rows[0].n;

describe('CORS', () => {
  it('answers the configured extension origin, preflight included, and no other', async () => {
    const preflight = (origin: string) =>
      service.app.inject({
        method: 'OPTIONS',
        url: '/v1/push',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/authorization/);
    expect(String(allowed.headers['access-control-allow-methods'])).toMatch(/POST/);

    for (const origin of ['chrome-extension://someoneelse', 'https://mail.google.com', 'null']) {
      const refused = await preflight(origin);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      const get = await service.app.inject({
        method: 'GET',
        url: '/v1/team',
        headers: { origin, authorization: `Bearer ${manager.token}` },
      });
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    }
    const get = await service.app.inject({
      method: 'GET',
      url: '/v1/team',
      headers: { origin: ORIGIN, authorization: `Bearer ${manager.token}` },
    });
    expect(get.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(get.headers.vary).toMatch(/Origin/i);
  });
});

describe('bad input', () => {
  it('refuses a body over the limit with 413 before reading it all', async () => {
    const mutation = manager.change('contacts', contactId(), { name: 'x' });
    const padding = 'x'.repeat(MAX_BODY_BYTES);
    const answer = await call(service.app, 'POST', '/v1/push', manager.token, { ...manager.push([mutation]), padding });
    expect(answer.status).toBe(413);
    expect(answer.body.error?.code).toBe('body_too_large');
    expect(await count()).toBe(0);
  });

  it('refuses unknown fields, wrong shapes, broken JSON and other media types with 4xx JSON, writing nothing', async () => {
    const mutation = manager.change('contacts', contactId(), { name: 'x' });
    const cases: [unknown, number][] = [
      [{ ...manager.push([mutation]), extra: true }, 400],
      [{ deviceId: manager.id, mutations: [{ ...mutation, owner: 'me' }] }, 400],
      [{ deviceId: manager.id, mutations: [{ ...mutation, entity: 'settings' }] }, 400],
      [{ deviceId: manager.id, mutations: 'all of them' }, 400],
      [
        {
          deviceId: manager.id,
          mutations: [{ ...mutation, fields: { name: { value: 'x', hlc: 'yesterday', base: null } } }],
        },
        400,
      ],
    ];
    for (const [body, status] of cases) {
      const answer = await call(service.app, 'POST', '/v1/push', manager.token, body);
      expect(answer.status).toBe(status);
      expect(answer.body.error).toMatchObject({ code: 'bad_request', message: expect.any(String) });
    }
    const raw = (contentType: string, payload: string) =>
      service.app.inject({
        method: 'POST',
        url: '/v1/push',
        headers: { authorization: `Bearer ${manager.token}`, 'content-type': contentType },
        payload,
      });
    const broken = await raw('application/json', '{"deviceId": ');
    expect(broken.statusCode).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe('bad_request');
    const text = await raw('text/plain', 'hello');
    expect(text.statusCode).toBe(415);
    expect(await count()).toBe(0);
  });

  it('refuses missing, malformed and unknown tokens with 401', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      `Basic ${manager.token}`,
      'Bearer short',
      `Bearer ${'A'.repeat(43)}`,
    ]) {
      const answer = await service.app.inject({
        method: 'GET',
        url: '/v1/team',
        headers: authorization ? { authorization } : {},
      });
      expect(answer.statusCode).toBe(401);
      expect(JSON.parse(answer.body).error.code).toBe('unauthorized');
    }
    expect((await call(service.app, 'GET', '/v1/nowhere', manager.token)).body.error?.code).toBe('not_found');
  });
});

describe('logs', () => {
  it('record requests with their headers but never the token', async () => {
    expect((await call(service.app, 'GET', '/v1/team', manager.token)).status).toBe(200);
    expect(logs).toContain('"url":"/v1/team"');
    expect(logs).toContain('"authorization":"[Redacted]"');
    expect(logs).not.toContain(manager.token);
  });
});
