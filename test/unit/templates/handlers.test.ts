import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assumeIntlKnowsKhmer } from '@/lib/i18n/locale';
import { newRecordBase, seedTemplates, type Template } from '@/lib/model';
import { refusal } from '../refusal';
import { type FakeWorker, fakeWorker, NOW } from '../rpc/fake-worker';

let worker: FakeWorker;

beforeEach(async () => {
  assumeIntlKnowsKhmer(false);
  worker = await fakeWorker();
});
afterEach(() => assumeIntlKnowsKhmer(null));

const seed = (name: string) => seedTemplates().find((template) => template.name === name)!;

/** A customer with a company and an open deal in riel, and this browser's rep. */
async function customer() {
  const company = await worker.call('company.create', { name: 'ក្រុមហ៊ុន លាភ' });
  const contact = await worker.call('contact.create', { name: 'សុខ ដារា', companyId: company.id });
  const [pipeline] = await worker.call('pipelines.list', {});
  await worker.call('deal.create', {
    title: 'ម៉ាស៊ីនបូមទឹក',
    pipelineId: pipeline!.id,
    stageId: pipeline!.stages[0]!.id,
    value: { amount: 4_100_000, currency: 'KHR' },
    contactIds: [contact.id],
    companyId: company.id,
  });
  const rep = await worker.call('rep.save', {
    ...newRecordBase(NOW),
    name: 'ចាន់ វិបុល',
    email: 'vibol@sidecar.example',
    accountEmails: [],
  });
  await worker.call('settings.update', { currentRepId: rep.id, timeZone: 'Asia/Phnom_Penh' });
  return contact;
}

describe('reply templates', () => {
  it('start with the seeded ones in English and Khmer', async () => {
    const list = await worker.call('templates.list', {});
    expect(list).toHaveLength(6);
    expect(list.filter((t) => t.language === 'km')).toHaveLength(3);
    expect(list.map((t) => t.name)).toContain('Satisfaction survey');
  });

  it('fill a Khmer template for the customer: their name, riel without decimals, the rep, the date in Khmer', async () => {
    const contact = await customer();
    const inquiry = seed('ឆ្លើយតបការសាកសួរ');
    const filled = await worker.call('template.render', { id: inquiry.id, contactId: contact.id });
    expect(filled.missing).toEqual([]);
    expect(filled.text).toContain('ជម្រាបសួរ សុខ ដារា\n');
    expect(filled.text).toContain('សម្រាប់ ក្រុមហ៊ុន លាភ ម៉ាស៊ីនបូមទឹក មានតម្លៃ ៤,១០០,០០០៛។');
    expect(filled.text.endsWith('ចាន់ វិបុល')).toBe(true);
    const complaint = await worker.call('template.render', { id: seed('បានទទួលការត្អូញត្អែរ').id, contactId: contact.id });
    // 03:00 UTC is 10:00 in Phnom Penh, the same day.
    expect(complaint.text).toContain('នៅថ្ងៃទី ២៣ វិច្ឆិកា ២០២៦');
  });

  it('say which fields had nothing to fill when no contact is known', async () => {
    const filled = await worker.call('template.render', { id: seed('Answer to an inquiry').id, contactId: null });
    expect(filled.missing).toEqual(['contact.firstName', 'company.name', 'deal.title', 'deal.amount', 'rep.name']);
    expect(filled.text).toContain('Dear [contact.firstName],');
    expect(filled.text).not.toContain('undefined');
  });

  it('count each use, keep the count through an edit, and hide a removed one until it is restored', async () => {
    const survey = seed('Satisfaction survey');
    worker.clearEffects();
    const used = await worker.call('template.used', { id: survey.id });
    expect(used).toMatchObject({ usageCount: 1, lastUsedAt: NOW });
    expect(worker.effects.changed).toEqual([['templates']]);
    await worker.call('template.used', { id: survey.id });

    // An editor opened before those uses sends the count it read: the store keeps its own.
    const edited = await worker.call('template.save', { ...survey, body: 'Score us 1 to 5, {{contact.firstName}}.' });
    expect(edited).toMatchObject({ usageCount: 2, body: 'Score us 1 to 5, {{contact.firstName}}.' });
    expect((await worker.call('templates.list', {}))[0]?.id).toBe(survey.id);

    await worker.call('template.save', { ...edited, deletedAt: NOW });
    expect((await worker.call('templates.list', {})).map((t) => t.id)).not.toContain(survey.id);
    expect((await refusal(worker.call('template.used', { id: survey.id }))).code).toBe('not-found');
    await worker.call('template.save', { ...edited, deletedAt: null });
    expect((await worker.call('templates.list', {})).map((t) => t.id)).toContain(survey.id);
  });

  it('refuse, before the store, a template with no text or an unknown language', async () => {
    const blank: Template = { ...seed('Complaint received'), ...newRecordBase(NOW), body: '   ' };
    expect(() => worker.call('template.save', blank)).toThrow(/is required/);
    expect(() => worker.call('template.save', { ...blank, body: 'x', language: 'fr' as 'en' })).toThrow(/language/);
    expect(await worker.call('templates.list', {})).toHaveLength(6);
  });
});
