import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assumeIntlKnowsKhmer } from '@/lib/i18n/locale';
import { seedTemplates } from '@/lib/model';
import { firstNameOf, renderTemplate, type TemplateContext } from '@/lib/templates/render';

const NOW = Date.UTC(2026, 11, 6, 20, 30); // 7 December 03:30 in Phnom Penh

const contact = { name: 'សុខ ដារា' };
const company = { name: 'ក្រុមហ៊ុន លាភ' };
const deal = {
  title: 'Solar pumps',
  value: { amount: 4_100_000, currency: 'KHR' },
  expectedCloseAt: Date.UTC(2026, 11, 31, 18),
};
const rep = { name: 'Chan Vibol' };

const context = (over: Partial<TemplateContext> = {}): TemplateContext => ({
  contact,
  company,
  deal,
  rep,
  now: NOW,
  settings: { timeZone: 'Asia/Phnom_Penh' },
  ...over,
});

beforeEach(() => assumeIntlKnowsKhmer(false));
afterEach(() => assumeIntlKnowsKhmer(null));

describe('first names', () => {
  it('greet a Khmer name by its given name, written last, and others by their first word', () => {
    expect(firstNameOf('សុខ ដារា')).toBe('ដារា');
    expect(firstNameOf('  ចាន់ សុភា  ')).toBe('សុភា');
    expect(firstNameOf('Dara Sok')).toBe('Dara');
    expect(firstNameOf('ដារា')).toBe('ដារា');
    expect(firstNameOf('')).toBe('');
  });
});

describe('filling a template', () => {
  it('fills every field of a Khmer template in Khmer, riel without decimals, dates in the rep zone', () => {
    const body =
      'ជម្រាបសួរ {{contact.firstName}} ({{ contact.name }}) នៃ {{company.name}}\n' +
      '{{deal.title}}: {{deal.amount}}, {{deal.closeDate}}, ថ្ងៃទី {{date.today}}\n{{rep.name}}';
    const out = renderTemplate({ body, language: 'km' }, context());
    expect(out.text).toBe(
      'ជម្រាបសួរ ដារា (សុខ ដារា) នៃ ក្រុមហ៊ុន លាភ\nSolar pumps: ៤,១០០,០០០៛, ១ មករា ២០២៧, ថ្ងៃទី ៧ ធ្នូ ២០២៦\nChan Vibol',
    );
    expect(out.missing).toEqual([]);
    expect(out.unknown).toEqual([]);
  });

  it('writes Western digits in Khmer when the rep turned Khmer digits off', () => {
    const out = renderTemplate(
      { body: '{{deal.amount}} {{date.today}}', language: 'km' },
      context({ settings: { timeZone: 'Asia/Phnom_Penh', khmerDigits: false } }),
    );
    expect(out.text).toBe('4,100,000៛ 7 ធ្នូ 2026');
  });

  it('formats dollars with cents and riel in whole riel in English', () => {
    const usd = { ...deal, value: { amount: 125_050, currency: 'USD' } };
    expect(renderTemplate({ body: '{{deal.amount}}', language: 'en' }, context({ deal: usd })).text).toBe('$1,250.50');
    expect(renderTemplate({ body: '{{deal.amount}}', language: 'en' }, context()).text).toBe('៛4,100,000');
    expect(renderTemplate({ body: '{{date.today}}', language: 'en' }, context()).text).toBe('Dec 7, 2026');
  });

  it('leaves a field with no value visible as [field] and names it, never "undefined"', () => {
    const out = renderTemplate(
      {
        body: 'Dear {{contact.firstName}}, {{deal.amount}} by {{deal.closeDate}} for {{company.name}}',
        language: 'en',
      },
      context({ contact: null, deal: { ...deal, expectedCloseAt: null }, company: null }),
    );
    expect(out.text).toBe('Dear [contact.firstName], ៛4,100,000 by [deal.closeDate] for [company.name]');
    expect(out.missing).toEqual(['contact.firstName', 'deal.closeDate', 'company.name']);
    expect(out.text).not.toMatch(/undefined|null/);
  });

  it('treats a blank value as missing and keeps an unknown name as the rep wrote it', () => {
    const out = renderTemplate(
      { body: 'Hi {{rep.name}} {{contact.nickname}} {{}}', language: 'en' },
      context({ rep: { ...rep, name: '  ' } }),
    );
    expect(out.text).toBe('Hi [rep.name] {{contact.nickname}} {{}}');
    expect(out.missing).toEqual(['rep.name']);
    expect(out.unknown).toEqual(['{{contact.nickname}}', '{{}}']);
    expect(out.pieces.filter((p) => 'field' in p && !p.known)).toHaveLength(2);
  });

  it('writes line breaks as \\n whatever the stored text used', () => {
    expect(renderTemplate({ body: 'a\r\nb\rc', language: 'en' }, context()).text).toBe('a\nb\nc');
  });

  it('fills every seeded template with no unknown field', () => {
    for (const seed of seedTemplates()) {
      const out = renderTemplate(seed, context());
      expect(out.unknown).toEqual([]);
      expect(out.missing).toEqual([]);
      expect(out.text).not.toContain('{{');
    }
  });
});
