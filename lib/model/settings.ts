import { z } from 'zod';
import { recordId, shortText } from './common';
import { emailAddress } from './email';
import { currencyCode } from './money';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM' });

/** A report the worker generates on its own at a local time (lib/time/periods.ts nextRunAt reads the fields). */
export const reportScheduleSchema = z.object({
  id: recordId,
  frequency: z.enum(['daily', 'weekly', 'monthly', 'quarterly']),
  time: clockTime,
  /** Weekly: 0 = Sunday … 6 = Saturday. */
  weekday: z.number().int().min(0).max(6).optional(),
  /** Monthly and quarterly: clamped to the month's last day. */
  dayOfMonth: z.number().int().min(1).max(31).optional(),
  /** One rep's figures; null for the whole team. */
  repId: recordId.nullable(),
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

/** One figure of the dashboard home as a rep arranged it: shown or not, half or full width; the list's order is theirs. */
export const homeFigureSchema = z.object({
  id: shortText(40),
  hidden: z.boolean(),
  wide: z.boolean(),
});
export type HomeFigure = z.infer<typeof homeFigureSchema>;

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
  /**
   * Optional rather than `.default([])`: settings stored before this field still parse, and `settings.update` takes
   * `settingsSchema.partial()`, where zod 4 would fill a default into every patch and wipe the schedules whenever
   * the rep changed the language. Read it as `settings.reportSchedules ?? []`.
   */
  reportSchedules: z.array(reportScheduleSchema).max(20).optional(),
  /**
   * Reminders that fall due outside working hours wait, silent, for the next start of them (the badge still counts
   * them). Optional for the reason reportSchedules is; read it as `settings.quietOutsideWorkingHours ?? false`.
   */
  quietOutsideWorkingHours: z.boolean().optional(),
  /**
   * Khmer digits (០១២) in dates, times, numbers and money of the Khmer UI; unset follows the language, so a Khmer UI
   * writes Khmer digits until the rep turns them off. Optional for the reason reportSchedules is; read it through
   * lib/i18n/locale.ts localeOf.
   */
  khmerDigits: z.boolean().optional(),
  /**
   * The dashboard home as each rep of this browser arranged it, by rep id ("" for no rep chosen): a manager and a rep
   * sharing a browser each see their own. No entry is the default. Optional for the reason reportSchedules is.
   */
  homeLayouts: z.record(z.string().max(64), z.array(homeFigureSchema).max(40)).optional(),
  /** Where "Email it" addresses a report: the manager's address, or blank. Optional for the reason reportSchedules is. */
  managerEmail: z.union([emailAddress, z.literal('')]).optional(),
  /**
   * Addresses that send the business's form notifications (its site's mailer, a form service): a thread from one of
   * them offers its lead in the sidebar. Optional for the reason reportSchedules is.
   */
  formSenders: z.array(emailAddress).max(50).optional(),
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
