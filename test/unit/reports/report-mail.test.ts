import { beforeEach, describe, expect, it } from 'vitest';
import { accountIndexOf, composeUrl, fittedComposeUrl, MAX_COMPOSE_URL } from '@/lib/reports/report-mail';
import { type FakeWorker, fakeWorker } from '../rpc/fake-worker';

const query = (url: string) => new URL(url).searchParams;

describe('the compose address', () => {
  it('opens a draft in the given account with the recipient, subject and body encoded', () => {
    const url = composeUrl({ accountIndex: 2, to: 'boss@example.com', subject: 'Sales & more', body: 'a\nb=1' });
    expect(url.startsWith('https://mail.google.com/mail/u/2/?view=cm&')).toBe(true);
    expect(Object.fromEntries(query(url))).toEqual({
      view: 'cm',
      to: 'boss@example.com',
      su: 'Sales & more',
      body: 'a\nb=1',
    });
  });

  it('cuts a long Khmer body at a line and says the full report is in Sidecar', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `ជួរទី ${i}: កិច្ចព្រមព្រៀងដែលបានឈ្នះ ១២៣៤`);
    const url = fittedComposeUrl(
      { accountIndex: 0, to: 'boss@example.com', subject: 'Report', body: lines.join('\n') },
      '…the full report is in Sidecar CRM',
    );
    expect(url.length).toBeLessThanOrEqual(MAX_COMPOSE_URL);
    const body = query(url).get('body')!.split('\n');
    expect(body.at(-1)).toBe('…the full report is in Sidecar CRM');
    expect(body.at(-2)).toBe('');
    const kept = body.slice(0, -2);
    expect(kept.length).toBeGreaterThan(5);
    expect(kept).toEqual(lines.slice(0, kept.length));
  });

  it('leaves a body that fits as it is', () => {
    const draft = { accountIndex: 0, to: 'a@b.co', subject: 's', body: 'short' };
    expect(fittedComposeUrl(draft, 'more')).toBe(composeUrl(draft));
  });

  it('finds the rep’s account where their mail was last seen, else the first', () => {
    const sightings = [
      { repAddress: 'other@example.com', accountIndex: 3 },
      { repAddress: 'Sophea@Example.com', accountIndex: 1 },
      { repAddress: 'sophea@example.com', accountIndex: 0 },
    ];
    expect(accountIndexOf(['sophea@example.com'], sightings)).toBe(1);
    expect(accountIndexOf(['nobody@example.com'], sightings)).toBe(0);
  });
});

describe('report.mailDraft', () => {
  let worker: FakeWorker;
  beforeEach(async () => {
    worker = await fakeWorker();
    await worker.call('settings.update', { timeZone: 'Asia/Phnom_Penh', language: 'km' });
  });

  it('asks for the manager first, then drafts the report in the rep’s language from the rep’s account', async () => {
    const stored = await worker.call('reports.generateNow', { kind: 'month' });
    await expect(worker.call('report.mailDraft', { id: stored.id })).rejects.toThrow(/manager/);

    const rep = await worker.call('rep.save', {
      id: '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a6001',
      createdAt: 0,
      updatedAt: 0,
      deletedAt: null,
      name: 'Sophea',
      email: 'sophea@example.com',
      accountEmails: ['sophea.sales@example.com'],
    });
    await worker.call('settings.update', { currentRepId: rep.id, managerEmail: 'boss@example.com' });
    const contact = await worker.call('contact.create', { name: 'Dara' });
    await worker.call('activity.add', {
      type: 'email',
      contactId: contact.id,
      occurredAt: Date.UTC(2026, 10, 20),
      repAddress: 'sophea.sales@example.com',
      accountIndex: 2,
    });

    const { url } = await worker.call('report.mailDraft', { id: stored.id });
    expect(url.startsWith('https://mail.google.com/mail/u/2/?view=cm&')).toBe(true);
    expect(query(url).get('to')).toBe('boss@example.com');
    expect(query(url).get('su')).toMatch(/^របាយការណ៍/);
    expect(query(url).get('body')).toContain('កិច្ចព្រមព្រៀង');
  });
});
