import { z } from 'zod';

/** ISO 4217 codes the UI offers; any other valid code stored (say, from an import) is kept and shown as is. */
export const SUPPORTED_CURRENCIES = ['USD', 'KHR', 'THB', 'VND', 'EUR', 'CNY'] as const;
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 code' });

/** An integer count of minor units (cents for USD; whole riel for KHR, whose sen is not in use). */
export const money = z.object({
  amount: z.number().int({ error: 'must be a whole number of minor units' }).min(-1e15).max(1e15),
  currency: currencyCode,
});
export type Money = z.infer<typeof money>;

/** Digits after the decimal point as stored and shown. KHR is counted in whole riel: ISO and Intl say 2. */
export function minorUnitDigits(currency: string): number {
  if (currency === 'KHR') return 0;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Parses what a rep types ("1,250.50", "4 100 000", "៤១០០០០០") into minor units, or null when it is not a number.
 * Khmer digits are accepted because Khmer keyboards type them.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const western = text.replace(/[០-៩]/g, (d) => String(d.charCodeAt(0) - 0x17e0));
  const cleaned = western.replace(/[\s,\u00a0\u202f៛$]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const digits = minorUnitDigits(currency);
  const value = Math.round(Number(cleaned) * 10 ** digits);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Converts using rates expressed as "units of the default currency per one unit of X" (so USD→KHR ≈ 4100 when KHR
 * is the default). Returns null when a rate is missing, so callers can say "no rate" instead of showing a wrong sum.
 */
export function convertMoney(
  value: Money,
  to: string,
  defaultCurrency: string,
  ratesToDefault: Record<string, number>,
): Money | null {
  if (value.currency === to) return value;
  const rateOf = (code: string) => (code === defaultCurrency ? 1 : ratesToDefault[code]);
  const fromRate = rateOf(value.currency);
  const toRate = rateOf(to);
  if (!fromRate || !toRate) return null;
  const major = value.amount / 10 ** minorUnitDigits(value.currency);
  const converted = (major * fromRate) / toRate;
  return { amount: Math.round(converted * 10 ** minorUnitDigits(to)), currency: to };
}
