import { beforeEach, describe, expect, it } from 'vitest';
import type { WebmailSnapshot } from '@/lib/model';
import { forSidebar } from '@/lib/webmail/sidebar-link';
import { senderSignature, signatureOffer } from '@/lib/webmail/signature';
import { CLIENT, type FakeWorker, fakeWorker, REP, threadSnapshot } from '../rpc/fake-worker';

let worker: FakeWorker;

beforeEach(async () => {
  worker = await fakeWorker();
});

/** The client's message signed as `signature` (lines after "--"), the rep's answer after it. */
function signedThread(signature: string, from = CLIENT, name = 'Bopha Chea'): WebmailSnapshot {
  const snapshot = threadSnapshot();
  const [first, second] = snapshot.thread!.messages;
  return {
    ...snapshot,
    thread: {
      ...snapshot.thread!,
      messages: [{ ...first!, from: { email: from, name }, tail: `Thanks.\n\n--\n${name}\n${signature}` }, second!],
    },
    participants: [{ email: from, name, roles: ['from', 'to'] }],
  };
}

const companies = async () => (await worker.db.getAll('companies')).map((c) => ({ name: c.name, domains: c.domains }));

describe('capture names the company as the signature does', () => {
  it('creates "Lucky Retail Co., Ltd." with the domain, not "Luckyretail"', async () => {
    const email = 'bopha.chea@luckyretail.com.kh';
    await worker.openThread(signedThread('Purchasing Manager, Lucky Retail Co., Ltd.\nMobile: 012 345 678', email));
    const { contact } = await worker.call('contact.capture', { name: 'Bopha Chea', email, tabSnapshot: true });
    expect(await companies()).toEqual([{ name: 'Lucky Retail Co., Ltd.', domains: ['luckyretail.com.kh'] }]);
    expect(contact).toMatchObject({ jobTitle: 'Purchasing Manager', phones: [{ number: '012 345 678' }] });
    // The next person of that domain, with no signature, finds the same company.
    const next = await worker.call('contact.capture', {
      name: 'Vanna',
      email: 'vanna@luckyretail.com.kh',
      tabSnapshot: false,
    });
    expect(next.contact.companyId).toBe(contact.companyId);
  });

  it('reads a Khmer signature: "ក្រុមហ៊ុន …" names the company', async () => {
    const email = 'chanthy.sok@sokha-transport.com.kh';
    await worker.openThread(signedThread('ប្រធានផ្នែកលក់\nក្រុមហ៊ុនដឹកជញ្ជូនសុខា\nទូរស័ព្ទ: ០១២ ៣៤៥ ៦៧៨', email, 'សុខ ចាន់ធី'));
    await worker.call('contact.capture', { name: 'សុខ ចាន់ធី', email, tabSnapshot: true });
    expect(await companies()).toEqual([{ name: 'ក្រុមហ៊ុនដឹកជញ្ជូនសុខា', domains: ['sokha-transport.com.kh'] }]);
  });

  it('finds a company of that name (any case) before the one of the domain', async () => {
    const named = await worker.call('company.create', { name: 'LUCKY RETAIL CO., LTD.' });
    await worker.call('company.create', { name: 'Luckyretail', domains: ['luckyretail.com.kh'] });
    const email = 'bopha.chea@luckyretail.com.kh';
    await worker.openThread(signedThread('Lucky Retail Co., Ltd.', email));
    const { contact } = await worker.call('contact.capture', { name: 'Bopha Chea', email, tabSnapshot: true });
    expect(contact.companyId).toBe(named.id);
    expect(await worker.db.count('companies')).toBe(2);
  });

  it('keeps to the domain when the signature names no company, and to none for free mail', async () => {
    await worker.openThread(threadSnapshot());
    await worker.call('contact.capture', { name: 'Sokha Chan', email: CLIENT, tabSnapshot: true });
    expect(await companies()).toEqual([{ name: 'Angkortrade', domains: ['angkortrade.com.kh'] }]);
    const gmail = await worker.call('contact.capture', { name: 'X', email: 'x@gmail.com', tabSnapshot: false });
    expect(gmail.contact.companyId).toBeNull();
  });
});

describe('a later signature fills empty fields, only once the rep accepts', () => {
  const email = 'dara@angkortrade.com.kh';
  const signature = 'Sales Manager | Angkor Trade Co., Ltd.\nTel: +855 12 345 678';

  it('offers only what the contact lacks, and nothing at all for a complete one', () => {
    const thread = signedThread(signature, email, 'Dara Kim');
    const found = senderSignature(thread.thread!.messages, ['DARA@angkortrade.com.kh']);
    expect(found).toEqual({ jobTitle: 'Sales Manager', phone: '+855 12 345 678', company: 'Angkor Trade Co., Ltd.' });
    expect(signatureOffer(found, { jobTitle: '', phones: [], companyId: null })).toEqual(found);
    expect(signatureOffer(found, { jobTitle: 'Director', phones: [], companyId: 'c' })).toEqual({
      jobTitle: null,
      phone: '+855 12 345 678',
      company: null,
    });
    expect(signatureOffer(found, { jobTitle: 'Director', phones: [{}], companyId: 'c' })).toBeNull();
    expect(senderSignature(thread.thread!.messages, ['someone@else.example'])).toBeNull();
  });

  it('writes nothing until accepted, then fills the empty fields and links the named company', async () => {
    const known = await worker.call('contact.create', { name: 'Dara Kim', emails: [{ address: email }] });
    const thread = signedThread(signature, email, 'Dara Kim');
    await worker.openThread(thread);
    worker.clearEffects();
    // What the sidebar shows of the thread it has: an offer, and nothing written or announced.
    const offered = (contact: typeof known) =>
      signatureOffer(
        senderSignature(
          thread.thread!.messages,
          contact.emails.map((e) => e.address),
        ),
        contact,
      );
    expect(offered(known)).toEqual({
      jobTitle: 'Sales Manager',
      phone: '+855 12 345 678',
      company: 'Angkor Trade Co., Ltd.',
    });
    expect(await worker.call('contact.get', { id: known.id })).toEqual(known);
    expect(worker.effects.changed).toEqual([]);
    const filled = await worker.call('contact.fillFromSignature', {
      id: known.id,
      jobTitle: 'Sales Manager',
      phone: '+855 12 345 678',
      company: 'Angkor Trade Co., Ltd.',
    });
    expect(filled).toMatchObject({ jobTitle: 'Sales Manager', phones: [{ number: '+855 12 345 678' }] });
    expect(await companies()).toEqual([{ name: 'Angkor Trade Co., Ltd.', domains: ['angkortrade.com.kh'] }]);
    expect(worker.effects.changed.at(-1)).toEqual(['contacts', 'companies']);
    // Filled: nothing more to offer.
    expect(offered(filled)).toBeNull();
  });

  it('never overwrites a field that has a value, even one set after the offer was shown', async () => {
    const company = await worker.call('company.create', { name: 'Angkor Trade' });
    const known = await worker.call('contact.create', {
      name: 'Dara Kim',
      emails: [{ address: email }],
      jobTitle: 'Director',
      phones: [{ number: '012 999 888' }],
      companyId: company.id,
    });
    const thread = signedThread(signature, email, 'Dara Kim');
    expect(signatureOffer(senderSignature(thread.thread!.messages, [email]), known)).toBeNull();
    const after = await worker.call('contact.fillFromSignature', {
      id: known.id,
      jobTitle: 'Sales Manager',
      phone: '+855 12 345 678',
      company: 'Angkor Trade Co., Ltd.',
    });
    expect(after).toMatchObject({ jobTitle: 'Director', phones: [{ number: '012 999 888' }], companyId: company.id });
    expect(await worker.db.count('companies')).toBe(1);
  });

  it('links a company of the accepted name, not the domain company of another name', async () => {
    const domainCompany = await worker.call('company.create', { name: 'Angkortrade', domains: ['angkortrade.com.kh'] });
    const known = await worker.call('contact.create', { name: 'Dara Kim', emails: [{ address: email }] });
    const after = await worker.call('contact.fillFromSignature', {
      id: known.id,
      jobTitle: null,
      phone: null,
      company: 'Angkor Trade Co., Ltd.',
    });
    expect(after.companyId).not.toBe(domainCompany.id);
    expect(await companies()).toContainEqual({ name: 'Angkor Trade Co., Ltd.', domains: [] });
    expect(after.jobTitle).toBe('');
  });

  it("refuses the rep's fill for a contact deleted meanwhile", async () => {
    const known = await worker.call('contact.create', { name: 'Dara Kim', emails: [{ address: email }] });
    await worker.call('contact.setDeleted', { id: known.id, deleted: true });
    await expect(
      worker.call('contact.fillFromSignature', { id: known.id, jobTitle: 'X', phone: null, company: null }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});

it('never offers the rep their own signature', () => {
  const thread = signedThread('Account Manager, Sidecar Co., Ltd.', REP, 'Rep');
  expect(senderSignature(thread.thread!.messages, [CLIENT])).toBeNull();
});

it("the sidebar's copy of the snapshot keeps the signed messages, without their recipients", () => {
  const thread = signedThread('Sales Manager | Angkor Trade Co., Ltd.', 'dara@angkortrade.com.kh', 'Dara Kim');
  const copy = forSidebar(thread);
  expect(copy.thread?.messages.map((m) => [m.from?.email, m.to, m.cc])).toEqual([
    ['dara@angkortrade.com.kh', [], []],
    [REP, [], []],
  ]);
  expect(senderSignature(copy.thread!.messages, ['dara@angkortrade.com.kh'])?.company).toBe('Angkor Trade Co., Ltd.');
});
