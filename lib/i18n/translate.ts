/**
 * One translation function for every UI string, backed by public/_locales/{en,km}/messages.json. The language is
 * the rep's setting, not the browser's, so messages are bundled and looked up here rather than through
 * browser.i18n (which only follows the browser). Placeholders are written {name}; a number put in one is written
 * in the reader's digits.
 *
 * A message that counts holds one key per plural form of its language, `<key>_one` and `<key>_other` in English,
 * `<key>_other` alone in Khmer (which has one form for every number); t('<key>', { count }) picks the form.
 */
import en from '../../public/_locales/en/messages.json';
import km from '../../public/_locales/km/messages.json';
import { intlKnowsKhmer, type Language, type Locale, localeOf } from './locale';
import { formatNumber } from './numbers';

export type { Language } from './locale';

type CatalogKey = keyof typeof en;
type PluralBase<K> = K extends `${infer Base}_one` ? Base : never;
export type MessageKey = CatalogKey | PluralBase<CatalogKey>;
type Catalog = Record<string, { message: string; description?: string }>;
type Values = Record<string, string | number>;

const catalogs: Record<Language, Catalog> = { en, km };

const rules = new Map<Language, Intl.PluralRules>();

/** The plural form `count` takes. Khmer has only "other" (CLDR), which is the answer where Intl has no Khmer. */
export function pluralForm(language: Language, count: number): Intl.LDMLPluralRule {
  if (language === 'km' && !intlKnowsKhmer()) return 'other';
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  return rule.select(count);
}

function template(language: Language, key: string, values: Values): string | undefined {
  const catalog = catalogs[language];
  if (Object.hasOwn(catalog, key)) return catalog[key]?.message;
  const count = values.count;
  const form = typeof count === 'number' ? pluralForm(language, count) : 'other';
  return (catalog[`${key}_${form}`] ?? catalog[`${key}_other`])?.message;
}

/** A language alone reads with its default digits: Khmer digits in Khmer. */
export function translate(reader: Language | Locale, key: MessageKey, values: Values = {}): string {
  const locale = typeof reader === 'string' ? localeOf({ language: reader }) : reader;
  const text = template(locale.language, key, values) ?? template('en', key, values) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

export function catalogKeys(language: Language): string[] {
  return Object.keys(catalogs[language]);
}
