import { z } from 'zod';
import { recordId, shortText } from './common';
import { currencyCode } from './money';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM' });

export const settingsSchema = z.object({
  /** UI language, independent of the browser's. */
  language: z.enum(['en', 'km']),
  defaultCurrency: currencyCode,
  enabledCurrencies: z.array(currencyCode).min(1),
  /** Units of the default currency for one unit of each other currency. */
  exchangeRates: z.record(currencyCode, z.number().positive()),
  /** IANA time zone; "tomorrow morning" and report periods are computed in it. */
  timeZone: shortText(64).refine(isTimeZone, { error: 'is not a known time zone' }),
  workingHours: z.object({
    start: clockTime,
    end: clockTime,
    /** 0 = Sunday … 6 = Saturday. */
    days: z.array(z.number().int().min(0).max(6)).min(1),
  }),
  neverLogDomains: z.array(shortText(253)).max(500),
  defaultPipelineId: recordId.nullable(),
  currentRepId: recordId.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
