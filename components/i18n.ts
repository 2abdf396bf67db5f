import { batch, signal } from '@preact/signals';
import { type DateShape, formatDate } from '@/lib/i18n/dates';
import { type Language, type Locale, localeOf } from '@/lib/i18n/locale';
import { formatNumber, type NumberOptions } from '@/lib/i18n/numbers';
import { type MessageKey, translate } from '@/lib/i18n/translate';

/** The UI language; components that call t() re-render when it changes. */
export const language = signal<Language>('en');
/** The rep's "Khmer digits" setting; unset follows the language. */
const khmerDigits = signal<boolean | undefined>(undefined);

/** Follows the rep's settings: the language of every string and of the document, and the digits numbers take. */
export function followSettings(settings: { language: Language; khmerDigits?: boolean | undefined }): void {
  batch(() => {
    language.value = settings.language;
    khmerDigits.value = settings.khmerDigits;
  });
  // Screen readers pick their voice, and browsers their fonts and line breaking, from the document's lang.
  document.documentElement.lang = settings.language;
}

export function locale(): Locale {
  return localeOf({ language: language.value, khmerDigits: khmerDigits.value });
}

/** A UI string; a number in `values` is written in the rep's digits, and `count` picks the plural form. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  return translate(locale(), key, values);
}

export function formatDateTime(epoch: number, timeZone: string, shape: DateShape = 'date-time'): string {
  return formatDate(epoch, shape, locale(), timeZone);
}

/** A calendar day (stored as noon UTC, lib/time/calendar-day.ts) in the rep's words. */
export function formatCalendarDay(epoch: number | null): string {
  return epoch === null ? '' : formatDate(epoch, 'date', locale(), 'UTC');
}

export function formatCount(value: number, options?: NumberOptions): string {
  return formatNumber(value, locale(), options);
}
