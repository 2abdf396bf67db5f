import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys, translate } from '@/lib/i18n/translate';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('translations', () => {
  it('has every key in both English and Khmer', () => {
    expect(catalogKeys('km').sort()).toEqual(catalogKeys('en').sort());
  });

  it('has a Khmer text for every key, not an English copy left behind', () => {
    const untranslated = catalogKeys('en').filter((key) => {
      const en = translate('en', key as never);
      const km = translate('km', key as never);
      const words = en.replace(/\{\w+\}/g, '');
      return en === km && /[A-Za-z]{4,}/.test(words) && !/Sidecar|Gmail|CRM/.test(words);
    });
    expect(untranslated).toEqual([]);
  });

  it('has every key the code asks for', () => {
    const known = new Set(catalogKeys('en'));
    const missing = new Set<string>();
    for (const file of [...sources('components'), ...sources('entrypoints'), ...sources('lib')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) {
        if (!known.has(match[1]!)) missing.add(`${match[1]} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('keeps placeholders the same in both languages', () => {
    for (const key of catalogKeys('en')) {
      const names = (lang: 'en' | 'km') =>
        [...translate(lang, key as never).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names('km'), key).toEqual(names('en'));
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'contact_add', { name: 'សុខា' })).toBe('Add សុខា');
    expect(translate('km', 'contact_add', { name: 'Dara' })).toBe('បន្ថែម Dara');
  });
});
