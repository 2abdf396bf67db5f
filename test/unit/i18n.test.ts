import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys, type Language, translate } from '@/lib/i18n/translate';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Messages that count: English carries a `_one` form of each. */
const counted = new Set(
  catalogKeys('en')
    .filter((key) => key.endsWith('_one'))
    .map((key) => key.slice(0, -'_one'.length)),
);
const baseOf = (key: string) => key.replace(/_(one|other)$/, '');
const isForm = (key: string) => /_(one|other)$/.test(key) && counted.has(baseOf(key));
const forms = (language: Language) => new Intl.PluralRules(language).resolvedOptions().pluralCategories;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has every key in both English and Khmer, a counted message in each plural form of the language', () => {
    for (const language of ['en', 'km'] as const) {
      const expected = [
        ...catalogKeys('en').filter((key) => !isForm(key)),
        ...[...counted].flatMap((base) => forms(language).map((form) => `${base}_${form}`)),
      ];
      expect(catalogKeys(language).sort(), language).toEqual(expected.sort());
    }
  });

  it('has a Khmer text for every key, not an English copy left behind', () => {
    const untranslated = catalogKeys('km').filter((key) => {
      const en = translate('en', key as never);
      const km = translate('km', key as never);
      const words = en.replace(/\{\w+\}/g, '');
      return en === km && /[A-Za-z]{4,}/.test(words) && !/Sidecar|Gmail|CRM/.test(words);
    });
    expect(untranslated).toEqual([]);
  });

  it('has every key the code asks for', () => {
    const known = new Set([...catalogKeys('en'), ...counted]);
    const missing = new Set<string>();
    for (const file of [...sources('components'), ...sources('entrypoints'), ...sources('lib')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) {
        if (!known.has(match[1]!)) missing.add(`${match[1]} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('keeps placeholders the same in both languages, and a singular asks for no value its plural lacks', () => {
    for (const key of catalogKeys('km')) {
      expect(placeholders(translate('km', key as never)), key).toEqual(placeholders(translate('en', key as never)));
    }
    for (const base of counted) {
      const other = placeholders(translate('en', `${base}_other` as never));
      expect(other, base).toContain('count');
      for (const name of placeholders(translate('en', `${base}_one` as never))) expect(other, base).toContain(name);
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'contact_add', { name: 'សុខា' })).toBe('Add សុខា');
    expect(translate('km', 'contact_add', { name: 'Dara' })).toBe('បន្ថែម Dara');
  });
});
