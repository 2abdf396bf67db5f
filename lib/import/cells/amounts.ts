import { currencyCode, minorUnitDigits, SUPPORTED_CURRENCIES } from '../../model/money';
import { normaliseHeader } from '../mapping';
import { quote, toAsciiDigits, wordTable } from './text';

const KNOWN_CURRENCIES = SUPPORTED_CURRENCIES;
const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '៛': 'KHR',
  '€': 'EUR',
  '฿': 'THB',
  '₫': 'VND',
  '¥': 'CNY',
  '￥': 'CNY',
};
const CURRENCY_WORDS = wordTable<string>({
  dollar: 'USD',
  dollars: 'USD',
  ដុល្លារ: 'USD',
  riel: 'KHR',
  riels: 'KHR',
  រៀល: 'KHR',
  baht: 'THB',
  dong: 'VND',
  euro: 'EUR',
  yuan: 'CNY',
  rmb: 'CNY',
});

/** A currency cell: "USD", "usd", "$", "៛", "Riel", "រៀល". Null when it is none of those. */
export function parseCurrency(text: string): string | null {
  const trimmed = text.trim();
  const symbol = CURRENCY_SYMBOLS[trimmed];
  if (symbol) return symbol;
  const word = CURRENCY_WORDS.get(normaliseHeader(trimmed));
  if (word) return word;
  const code = trimmed.toUpperCase();
  return currencyCode.safeParse(code).success ? code : null;
}

export type AmountResult = { ok: true; minor: number; currency: string | null } | { ok: false; message: string };

/**
 * "1,250.50", "$1,250", "៛4,100,000", "៤ ១០០ ០០០", "1.250,50", "(300.00)", "USD 99" → minor units of the currency
 * it names (or `fallbackCurrency`). Amounts are rounded to the currency's minor unit: KHR to whole riel.
 */
export function parseAmount(text: string, fallbackCurrency: string): AmountResult {
  let rest = toAsciiDigits(text.trim());
  let currency: string | null = null;
  const symbol = /^(US\$|[$៛€฿₫¥￥])|(US\$|[$៛€฿₫¥￥])$/.exec(rest.replace(/^-/, ''));
  const found = symbol?.[1] ?? symbol?.[2];
  if (found) {
    currency = CURRENCY_SYMBOLS[found] ?? null;
    rest = rest.replace(found, '');
  }
  const word = /^([A-Za-z\u1780-\u17ff]+)\s*|\s*([A-Za-z\u1780-\u17ff]+)$/.exec(rest);
  const wordText = word?.[1] ?? word?.[2];
  if (wordText) {
    // Inside an amount only currencies people write there count, so "12abc" is not 12 of a currency "ABC".
    const named = parseCurrency(wordText);
    if (!named || !(KNOWN_CURRENCIES as readonly string[]).includes(named)) {
      return { ok: false, message: `${quote(text)} is not an amount` };
    }
    if (currency && currency !== named) return { ok: false, message: `${quote(text)} names two currencies` };
    currency = named;
    rest = rest.replace(wordText, '');
  }
  let negative = false;
  rest = rest.replace(/[\s\u00a0\u202f']/g, '');
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1);
  }
  if (rest.startsWith('-')) {
    negative = !negative;
    rest = rest.slice(1);
  }
  const decimal = decimalForm(rest);
  if (decimal === null) return { ok: false, message: `${quote(text)} is not an amount` };
  const digits = minorUnitDigits(currency ?? fallbackCurrency);
  const minor = toMinorUnits(decimal, digits);
  if (minor === null || minor > 1e15) return { ok: false, message: `${quote(text)} is too large` };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor, currency };
}

/**
 * Resolves thousands and decimal separators to "1234.56", or null. The last of "," and "." is the decimal point when
 * both occur; a lone separator followed by exactly three digits groups thousands (US and Cambodian writing), else it
 * is the decimal point (a LibreOffice file in a comma-decimal locale writes "1250,5").
 */
function decimalForm(text: string): string | null {
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let result = text;
  if (lastComma >= 0 && lastDot >= 0) {
    const point = lastComma > lastDot ? ',' : '.';
    const group = point === ',' ? '.' : ',';
    const at = Math.max(lastComma, lastDot);
    const whole = text.slice(0, at);
    if (!groupedThousands(whole, group)) return null;
    result = `${whole.split(group).join('')}.${text.slice(at + 1)}`;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const parts = text.split(separator);
    const thousands = parts.length > 2 || (separator === ',' && parts[1]?.length === 3);
    if (thousands && !groupedThousands(text, separator)) return null;
    result = thousands ? parts.join('') : parts.join('.');
  }
  return /^\d+(\.\d+)?$/.test(result) ? result : null;
}

function groupedThousands(text: string, separator: string): boolean {
  if (!text.includes(separator)) return /^\d+$/.test(text);
  const escaped = separator === '.' ? '\\.' : separator;
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(text);
}

/** Decimal string → integer minor units, rounding half up, without binary floating point ("1.005" → 101). */
function toMinorUnits(decimal: string, digits: number): number | null {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const roundUp = (fraction[digits] ?? '0') >= '5' ? 1 : 0;
  const value = Number(whole) * 10 ** digits + Number(kept || '0') + roundUp;
  return Number.isSafeInteger(value) ? value : null;
}

/** "1,234.5", "1e3", "-7", "៣៥" → a finite number; thousands separators as in amounts. */
export function parseNumber(text: string): number | null {
  const ascii = toAsciiDigits(text.trim()).replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d+(\.\d+)?e[+-]?\d+$/i.test(ascii)) return Number(ascii);
  const negative = ascii.startsWith('-');
  const decimal = decimalForm(negative ? ascii.slice(1) : ascii);
  if (decimal === null) return null;
  const value = Number(decimal);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
