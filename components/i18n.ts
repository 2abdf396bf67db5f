import { signal } from '@preact/signals';
import { type Language, LOCALES, type MessageKey, translate } from '@/lib/i18n/translate';

/** The UI language; components that call t() re-render when it changes. */
export const language = signal<Language>('en');

export function t(key: MessageKey, values?: Record<string, string | number>): string {
  return translate(language.value, key, values);
}

export function locale(): string {
  return LOCALES[language.value];
}

export function formatDateTime(epoch: number, timeZone: string, options: Intl.DateTimeFormatOptions = {}): string {
  try {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone, ...options }).format(
      epoch,
    );
  } catch {
    return new Date(epoch).toISOString();
  }
}
