import { afterEach, describe, expect, it } from 'vitest';
import { assumeIntlKnowsKhmer } from '@/lib/i18n/locale';
import { pluralForm, translate } from '@/lib/i18n/translate';

afterEach(() => assumeIntlKnowsKhmer(null));

describe('counted messages', () => {
  it('take the singular for one in English', () => {
    expect(translate('en', 'fig_messages', { count: 1 })).toBe('1 message');
    expect(translate('en', 'imp_sum_companies', { count: 1 })).toBe('1 new company will be created.');
    expect(translate('en', 'imp_preview_hint', { count: 1 })).toBe('The first row as it will be stored.');
    expect(translate('en', 'dash_bulk_done', { count: 1 })).toBe('1 record changed.');
  });

  it('take the plural for every other count, fractions and zero included', () => {
    expect(translate('en', 'fig_messages', { count: 0 })).toBe('0 messages');
    expect(translate('en', 'fig_messages', { count: 2 })).toBe('2 messages');
    expect(translate('en', 'fig_days', { count: 1.5 })).toBe('1.5 days');
    expect(translate('en', 'imp_preview_hint', { count: 20 })).toBe('The first 20 rows as they will be stored.');
    expect(translate('en', 'dash_rows', { count: 12_345 })).toBe('12,345 rows');
  });

  it('keep the one form Khmer has, with or without Khmer data in Intl', () => {
    for (const knowsKhmer of [true, false]) {
      assumeIntlKnowsKhmer(knowsKhmer);
      expect(pluralForm('km', 1)).toBe('other');
      expect(translate('km', 'fig_messages', { count: 1 })).toBe('១ សារ');
      expect(translate('km', 'imp_sum_companies', { count: 3 })).toBe('ក្រុមហ៊ុនថ្មីចំនួន ៣ នឹងត្រូវបង្កើត។');
      expect(translate({ language: 'km', khmerDigits: false }, 'fig_messages', { count: 1 })).toBe('1 សារ');
    }
  });

  it('count nouns inside a longer sentence', () => {
    const summary = (language: 'en' | 'km', contacts: number, deals: number) =>
      translate(language, 'dash_company_summary', {
        contacts: translate(language, 'count_contacts', { count: contacts }),
        deals: translate(language, 'count_open_deals', { count: deals }),
      });
    expect(summary('en', 1, 1)).toBe('1 contact · 1 open deal');
    expect(summary('en', 3, 0)).toBe('3 contacts · 0 open deals');
    expect(summary('km', 3, 1)).toBe('ទំនាក់ទំនង ៣ · កិច្ចព្រមព្រៀងកំពុងបើក ១');
  });
});
