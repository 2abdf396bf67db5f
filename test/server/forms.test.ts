import { randomUUID } from 'node:crypto';
import { newContact } from '@/lib/db/contacts';
import type { FormDefinition } from '@/lib/forms/definition';
import { valuesOf } from '@/lib/sync/merge';
import { ENTITY_SCHEMAS, type PullResponse, type SyncedRecord } from '@/lib/sync/protocol';
import { addMember, call, type Device, newTeam, ORIGIN, type Service, startService } from './harness';

const SITE = 'https://www.lucky.kh';
let clock = Date.now();
let service: Service;
let manager: Device;
let sokha: Device;
let vanna: Device;

beforeAll(async () => {
  service = await startService({
    now: () => clock,
    formLimits: { perAddress: 3, perForm: 5, windowMs: 60_000 },
  });
  ({ manager } = await newTeam(service));
  sokha = await addMember(service, manager, 'Sokha');
  vanna = await addMember(service, manager, 'Vanna');
});
afterAll(() => service.close());

function definition(change: Partial<FormDefinition> = {}): FormDefinition {
  const label = (en: string, km: string) => ({ en, km });
  return {
    name: 'Contact us',
    fields: [
      { key: 'name', target: 'name', property: null, label: label('Name', 'ឈ្មោះ'), required: true },
      { key: 'email', target: 'email', property: null, label: label('Email', 'អ៊ីមែល'), required: true },
      { key: 'phone', target: 'phone', property: null, label: label('Phone', 'ទូរស័ព្ទ'), required: false },
      { key: 'company', target: 'company', property: null, label: label('Company', 'ក្រុមហ៊ុន'), required: false },
      { key: 'budget', target: 'custom', property: 'budget', label: label('Budget', 'ថវិកា'), required: false },
      { key: 'message', target: 'message', property: null, label: label('Message', 'សារ'), required: false },
    ],
    sourceId: null,
    owner: { rule: 'rep', repId: sokha.joined.rep.id },
    followUpHours: 24,
    allowedOrigins: [SITE],
    ...change,
  };
}

async function newForm(change: Partial<FormDefinition> = {}): Promise<string> {
  const answer = await call<{ form: { id: string } }>(service.app, 'POST', '/v1/forms', manager.token, {
    definition: definition(change),
  });
  expect(answer.status).toBe(200);
  return answer.body.form.id;
}

let addresses = 0;
/** A visitor of its own, so one test's posts do not count against another's limits. */
const visitor = () => `203.0.113.${++addresses}`;

async function start(formId: string, origin = SITE, ip = visitor()) {
  const answer = await service.app.inject({
    method: 'GET',
    url: `/v1/public/forms/${formId}/start`,
    headers: { origin },
    remoteAddress: ip,
  });
  return {
    status: answer.statusCode,
    token: (answer.json() as { token?: string }).token ?? '',
    headers: answer.headers,
  };
}

interface Post {
  values?: Record<string, string>;
  origin?: string | null;
  ip?: string;
  token?: string;
  extra?: Record<string, unknown>;
  wait?: boolean;
}

/** A visitor who opens the page, takes some seconds to fill the form (unless told not to), and sends it. */
async function submit(formId: string, post: Post = {}) {
  const ip = post.ip ?? visitor();
  const token = post.token ?? (await start(formId, SITE, ip)).token;
  if (post.wait !== false) clock += 5000;
  const answer = await service.app.inject({
    method: 'POST',
    url: `/v1/public/forms/${formId}/submissions`,
    headers: post.origin === null ? {} : { origin: post.origin ?? SITE },
    remoteAddress: ip,
    payload: {
      token,
      page: `${SITE}/contact?utm=spring`,
      values: post.values ?? { name: 'Chan Sopheap', email: 'sopheap@angkor.kh' },
      ...post.extra,
    },
  });
  return {
    status: answer.statusCode,
    body: answer.json() as { ok?: true; error?: { code: string; message: string } },
    headers: answer.headers,
    raw: answer.body,
  };
}

const records = async () => (await service.pool.query('SELECT count(*)::int AS n FROM records')).rows[0].n as number;

async function pullAll(device: Device): Promise<SyncedRecord[]> {
  const answer = await call<PullResponse>(service.app, 'GET', '/v1/pull?cursor=0&limit=1000', device.token);
  expect(answer.status).toBe(200);
  return answer.body.records;
}

/** The records as a browser would store them: every one parses with its store's schema. */
const readable = (record: SyncedRecord) =>
  ENTITY_SCHEMAS[record.entity].parse({ ...valuesOf({ fields: record.fields, conflicts: [] }), id: record.id });

describe('managing forms', () => {
  it('lets a manager make, change and archive forms, and no rep', async () => {
    const refused = await call(service.app, 'POST', '/v1/forms', sokha.token, { definition: definition() });
    expect(refused.status).toBe(403);
    const id = await newForm();
    const changed = await call<{ form: { definition: FormDefinition } }>(
      service.app,
      'POST',
      `/v1/forms/${id}`,
      manager.token,
      { definition: definition({ name: 'Quote request' }) },
    );
    expect(changed.body.form.definition.name).toBe('Quote request');
    const listed = await call<{ forms: { id: string }[] }>(service.app, 'GET', '/v1/forms', manager.token);
    expect(listed.body.forms.map((form) => form.id)).toContain(id);
    await call(service.app, 'POST', `/v1/forms/${id}/archive`, manager.token, { archived: true });
    expect((await start(id)).status).toBe(404);
  });

  it('refuses a form without one required email field, or with the spam trap as a field', async () => {
    const noEmail = definition();
    noEmail.fields = noEmail.fields.filter((field) => field.target !== 'email');
    expect((await call(service.app, 'POST', '/v1/forms', manager.token, { definition: noEmail })).status).toBe(400);
    const trap = definition();
    trap.fields[0] = { ...trap.fields[0]!, key: 'website_url' };
    expect((await call(service.app, 'POST', '/v1/forms', manager.token, { definition: trap })).status).toBe(400);
  });
});

describe('abuse rules', () => {
  it('answers CORS for the listed origins only, and refuses a post from any other', async () => {
    const id = await newForm();
    const preflight = (origin: string) =>
      service.app.inject({
        method: 'OPTIONS',
        url: `/v1/public/forms/${id}/submissions`,
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(SITE);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(SITE);
    expect(String(allowed.headers['access-control-allow-headers'])).toBe('content-type');
    for (const origin of ['https://evil.example', 'http://www.lucky.kh', ORIGIN, 'null']) {
      const refused = await preflight(origin);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(refused.statusCode).toBe(403);
    }
    const before = await records();
    const other = await submit(id, { origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    expect(other.body.error?.code).toBe('origin_not_allowed');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect((await submit(id, { origin: null })).status).toBe(403);
    expect(await records()).toBe(before);
    const ok = await submit(id, { values: { name: 'Origin Ok', email: 'origin@ok.kh' } });
    expect(ok.status).toBe(201);
    expect(ok.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('takes only the form’s fields', async () => {
    const id = await newForm();
    const before = await records();
    const unknown = await submit(id, { values: { name: 'A', email: 'a@b.kh', ownerId: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toBe('a field this form does not have was sent');
    const envelope = await submit(id, { extra: { fields: { deletedAt: 1 } } });
    expect(envelope.status).toBe(400);
    const missing = await submit(id, { values: { name: 'A' } });
    expect(missing.body.error?.message).toBe('Email: is required');
    const badEmail = await submit(id, { values: { name: 'A', email: 'not an address' } });
    expect(badEmail.body.error?.message).toBe('Email: is not an email address');
    expect(await records()).toBe(before);
  });

  it('refuses a body over the limit with a clear error', async () => {
    const id = await newForm();
    const big = await submit(id, { values: { name: 'A', email: 'a@b.kh', message: 'x'.repeat(20_000) } });
    expect(big.status).toBe(413);
    expect(big.body.error?.message).toMatch(/limited to 16384 bytes/);
  });

  it('keeps nothing a robot sends with the hidden field filled, and tells it nothing', async () => {
    const id = await newForm();
    const before = await records();
    const caught = await submit(id, { extra: { website_url: 'http://spam.example' } });
    expect(caught.status).toBe(200);
    expect(caught.body).toEqual({ ok: true });
    expect(await records()).toBe(before);
  });

  it('refuses a form sent faster than a person fills it, a forged start and a stale one', async () => {
    const id = await newForm();
    const before = await records();
    const fast = await submit(id, { wait: false });
    expect(fast.status).toBe(400);
    expect(fast.body.error?.code).toBe('too_fast');
    const forged = await submit(id, { token: `${clock - 60_000}.${'A'.repeat(43)}` });
    expect(forged.body.error?.message).toMatch(/reload the page/);
    const { token } = await start(id);
    clock += 25 * 60 * 60 * 1000;
    const stale = await submit(id, { token });
    expect(stale.body.error?.message).toMatch(/reload the page/);
    expect(await records()).toBe(before);
  });

  it('limits posts per address, and per form', async () => {
    const id = await newForm();
    const ip = visitor();
    const answers = [];
    for (let i = 0; i < 4; i++) {
      answers.push((await submit(id, { ip, values: { name: `P${i}`, email: `p${i}@rate.kh` } })).status);
    }
    // The start tokens each count as nothing; the fourth post from one address in the window is refused.
    expect(answers).toEqual([201, 201, 201, 429]);
    const other = await submit(id, { values: { name: 'Q', email: 'q@rate.kh' } });
    expect(other.status).toBe(201);
    const full = await submit(id, { values: { name: 'R', email: 'r@rate.kh' } });
    expect(full.status).toBe(429);
    expect(full.body.error?.message).toMatch(/this form is taking too many/);
    // Another form is not held up by this one, and the window passes.
    expect((await submit(await newForm(), { values: { name: 'S', email: 's@rate.kh' } })).status).toBe(201);
    clock += 61_000;
    expect((await submit(id, { ip, values: { name: 'T', email: 't@rate.kh' } })).status).toBe(201);
  });

  it('never answers what was sent as HTML', async () => {
    const id = await newForm();
    const script = '<script>alert(1)</script>';
    const cases: Record<string, string>[] = [
      { name: script, email: script },
      { name: 'A', email: 'a@b.kh', [script]: script },
      { name: script.repeat(200), email: 'a@b.kh' },
    ];
    for (const values of cases) {
      const answer = await submit(id, { values });
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.raw).not.toContain('<script');
    }
  });
});

describe('leads', () => {
  it('writes the lead, its note and its owner’s follow-up task as records the reps pull', async () => {
    const id = await newForm();
    const sent = await submit(id, {
      values: {
        name: 'Chan Sopheap',
        email: 'Sopheap@Angkor.kh',
        phone: '+855 12 345 678',
        company: 'Angkor Trade Co., Ltd.',
        budget: '5000',
        message: 'Please send a quote',
      },
    });
    expect(sent.status).toBe(201);
    const pulled = await pullAll(vanna);
    const all = pulled.map((record) => ({ entity: record.entity, value: readable(record) as Record<string, unknown> }));
    const contact = all.find((r) => r.entity === 'contacts' && r.value.name === 'Chan Sopheap')!.value;
    expect(contact).toMatchObject({
      lifecycle: 'lead',
      emails: [{ address: 'Sopheap@Angkor.kh' }],
      phones: [{ number: '+855 12 345 678' }],
      custom: { budget: '5000' },
    });
    const source = all.find((r) => r.entity === 'sources' && r.value.id === contact.sourceId)!.value;
    expect(source).toMatchObject({ key: 'website-form', name: 'Website form' });
    const owner = all.find((r) => r.entity === 'reps' && r.value.id === contact.ownerId)!.value;
    expect(owner.email).toBe(sokha.joined.rep.email);
    const company = all.find((r) => r.entity === 'companies' && r.value.id === contact.companyId)!.value;
    expect(company.name).toBe('Angkor Trade Co., Ltd.');
    const task = all.find((r) => r.entity === 'tasks' && r.value.contactId === contact.id)!.value;
    expect(task).toMatchObject({
      kind: 'follow-up',
      status: 'open',
      ownerId: contact.ownerId,
      title: 'Contact us: Chan Sopheap',
    });
    expect(task.dueAt).toBe(clock + 24 * 3_600_000);
    const note = all.find((r) => r.entity === 'activities' && r.value.contactId === contact.id)!.value;
    expect(note.body).toContain(`${SITE}/contact?utm=spring`);
    expect(note.body).toContain('Message: Please send a quote');
    // Written by the service's own clock, not a rep's device.
    const stamp = pulled.find((r) => r.id === contact.id)!.fields.name!.hlc;
    expect(stamp).toMatch(/-service_forms$/);
  });

  it('adds a note and a task to a contact a rep already has, instead of a second contact', async () => {
    const known = randomUUID();
    const { id: _id, ...fields } = newContact(
      { name: 'Dara Kim', emails: [{ address: 'dara@kim.kh' }], lifecycle: 'customer' },
      Date.now(),
      known,
    );
    const push = await call(
      service.app,
      'POST',
      '/v1/push',
      sokha.token,
      sokha.push([sokha.change('contacts', known, fields)]),
    );
    expect(push.status).toBe(200);
    const id = await newForm({ owner: { rule: 'rotate', repIds: [sokha.joined.rep.id, vanna.joined.rep.id] } });
    expect((await submit(id, { values: { name: 'Dara K.', email: ' DARA@kim.kh' } })).status).toBe(201);
    const contacts = (await pullAll(vanna)).filter((r) => r.entity === 'contacts').map(readable);
    expect(
      contacts.filter((c) => (c as { emails: { address: string }[] }).emails.some((e) => /dara@kim/i.test(e.address))),
    ).toHaveLength(1);
    const { rows } = await service.pool.query(
      `SELECT entity FROM records WHERE fields->'contactId'->>'value' = $1 ORDER BY entity`,
      [known],
    );
    expect(rows.map((row) => row.entity)).toEqual(['activities', 'tasks']);
  });

  it('gives leads to the listed reps in turn', async () => {
    const id = await newForm({ owner: { rule: 'rotate', repIds: [sokha.joined.rep.id, vanna.joined.rep.id] } });
    for (const n of [1, 2, 3]) await submit(id, { values: { name: `Turn ${n}`, email: `turn${n}@rotate.kh` } });
    const pulled = (await pullAll(manager)).map((r) => ({
      entity: r.entity,
      value: readable(r) as Record<string, unknown>,
    }));
    const ownerOf = (name: string) => {
      const contact = pulled.find((r) => r.entity === 'contacts' && r.value.name === name)!.value;
      return pulled.find((r) => r.entity === 'reps' && r.value.id === contact.ownerId)!.value.email;
    };
    expect([ownerOf('Turn 1'), ownerOf('Turn 2'), ownerOf('Turn 3')]).toEqual([
      sokha.joined.rep.email,
      vanna.joined.rep.email,
      sokha.joined.rep.email,
    ]);
  });
});
