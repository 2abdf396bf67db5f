import { afterEach, describe, expect, it } from 'vitest';
import { assumeIntlKnowsKhmer, type Locale, localeOf } from '@/lib/i18n/locale';
import { formatMoney, formatNumber } from '@/lib/i18n/numbers';
import { parseMoneyInput } from '@/lib/model';

const EN: Locale = { language: 'en', khmerDigits: false };
const KM: Locale = { language: 'km', khmerDigits: true };
const KM_WESTERN: Locale = { language: 'km', khmerDigits: false };

afterEach(() => assumeIntlKnowsKhmer(null));

describe('numbers and money in English', () => {
  it('read as before', () => {
    expect(formatNumber(1234567.5, EN)).toBe('1,234,567.5');
    expect(formatNumber(0.42, EN, { style: 'percent' })).toBe('42%');
    expect(formatMoney({ amount: 125_050, currency: 'USD' }, EN)).toBe('$1,250.50');
    expect(formatMoney({ amount: 4_100_000, currency: 'KHR' }, EN)).toBe('៛4,100,000');
  });
});

describe.each([
  ['Intl, where the engine has Khmer data', true],
  ['our tables, where it has none (Debian Chromium)', false],
])('Khmer numbers through %s', (_, knowsKhmer) => {
  const only = knowsKhmer && Intl.NumberFormat.supportedLocalesOf(['km']).length === 0 ? it.skip : it;

  only('write Khmer digits with the separators reps type', () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    expect(formatNumber(1234567.5, KM)).toBe('១,២៣៤,៥៦៧.៥');
    expect(formatNumber(1234567.5, KM_WESTERN)).toBe('1,234,567.5');
    expect(formatNumber(0.42, KM, { style: 'percent', maximumFractionDigits: 0 })).toBe('៤២%');
    expect(formatNumber(-3, KM, { signDisplay: 'exceptZero' })).toBe('-៣');
  });

  only('put the currency sign after the amount, riel in whole riel', () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    expect(formatMoney({ amount: 4_100_000, currency: 'KHR' }, KM)).toBe('៤,១០០,០០០៛');
    expect(formatMoney({ amount: 125_050, currency: 'USD' }, KM)).toBe('១,២៥០.៥០$');
    expect(formatMoney({ amount: -125_050, currency: 'USD' }, KM_WESTERN)).toBe('-1,250.50$');
    expect(formatMoney({ amount: 4_100_000, currency: 'KHR' }, KM_WESTERN)).toBe('4,100,000៛');
  });

  only('show an amount the rep can type back as it reads', () => {
    assumeIntlKnowsKhmer(knowsKhmer);
    for (const [amount, currency] of [
      [4_100_000, 'KHR'],
      [125_050, 'USD'],
      [7, 'USD'],
    ] as const) {
      expect(parseMoneyInput(formatMoney({ amount, currency }, KM), currency)).toBe(amount);
    }
  });
});

describe('the Khmer digits setting', () => {
  it('follows the language when the rep has not chosen', () => {
    expect(localeOf({ language: 'km' })).toEqual(KM);
    expect(localeOf({ language: 'en' })).toEqual(EN);
  });

  it('keeps Western digits in Khmer when the rep turned Khmer digits off, and never applies to English', () => {
    expect(localeOf({ language: 'km', khmerDigits: false })).toEqual(KM_WESTERN);
    expect(localeOf({ language: 'en', khmerDigits: true })).toEqual(EN);
  });
});
