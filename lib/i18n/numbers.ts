/**
 * Numbers and money for display, in the rep's language and digits. Khmer digits are the Western output with each
 * digit swapped, separators kept: CLDR's Khmer numbering system groups with "." and marks decimals with ","
 * ("១.២៣៤,៥"), which parseMoneyInput would read back as 1.234 — what the rep sees must be what they can type.
 */
import type { Money } from '../model/money';
import { minorUnitDigits } from '../model/money';
import { intlKnowsKhmer, intlTag, type Locale, withDigits } from './locale';

export type NumberOptions = Pick<
  Intl.NumberFormatOptions,
  'style' | 'maximumFractionDigits' | 'minimumFractionDigits' | 'signDisplay' | 'currency' | 'currencyDisplay'
>;

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(tag: string, options: NumberOptions): Intl.NumberFormat {
  const key = `${tag}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, options);
    formats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale: Locale, options: NumberOptions = {}): string {
  const tag = intlTag(locale.language);
  let parts = numberFormat(tag, options).formatToParts(value);
  // Khmer writes the currency sign after the amount ("1,250.50$", "4,100,000៛"), as CLDR's km pattern does.
  if (locale.language === 'km' && !intlKnowsKhmer() && parts.some((part) => part.type === 'currency')) {
    const sign = parts.filter((part) => part.type === 'currency');
    parts = [...parts.filter((part) => part.type !== 'currency' && part.value.trim() !== ''), ...sign];
  }
  return withDigits(parts.map((part) => part.value).join(''), locale);
}

/** Money as reps write it: the narrow sign ("៛", "$"), and riel in whole riel (ISO and Intl would add two decimals). */
export function formatMoney(value: Money, locale: Locale): string {
  const digits = minorUnitDigits(value.currency);
  const major = value.amount / 10 ** digits;
  try {
    return formatNumber(major, locale, {
      style: 'currency',
      currency: value.currency,
      // "៛" and "$", the signs reps write, where "KHR 4,100,000" reads like a bank statement.
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    return `${withDigits(major.toFixed(digits), locale)} ${value.currency}`;
  }
}
