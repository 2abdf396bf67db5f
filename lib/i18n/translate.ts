/**
 * One translation function for every UI string, backed by public/_locales/{en,km}/messages.json. The language is
 * the rep's setting, not the browser's, so messages are bundled and looked up here rather than through
 * browser.i18n (which only follows the browser). Placeholders are written {name}.
 */
import en from '../../public/_locales/en/messages.json';
import km from '../../public/_locales/km/messages.json';

export type Language = 'en' | 'km';
export type MessageKey = keyof typeof en;
type Catalog = Record<string, { message: string; description?: string }>;

const catalogs: Record<Language, Catalog> = { en, km };

export const LOCALES: Record<Language, string> = { en: 'en-US', km: 'km-KH' };

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = catalogs[language][key]?.message ?? catalogs.en[key]?.message ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function catalogKeys(language: Language): string[] {
  return Object.keys(catalogs[language]);
}
