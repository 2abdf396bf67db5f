// Adds or replaces UI strings in both public/_locales catalogs at once, keeping keys sorted.
// Usage: node scripts/add-strings.mjs strings.json   where strings.json is { "key": ["English", "ខ្មែរ"], ... }
import { readFileSync, writeFileSync } from 'node:fs';

const additions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [index, lang] of ['en', 'km'].entries()) {
  const path = `public/_locales/${lang}/messages.json`;
  const catalog = JSON.parse(readFileSync(path, 'utf8'));
  for (const [key, texts] of Object.entries(additions)) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`Chrome refuses the message key ${key}`);
    catalog[key] = { ...catalog[key], message: texts[index] };
  }
  const sorted = Object.fromEntries(Object.entries(catalog).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, `${JSON.stringify(sorted, null, 2)}\n`);
}
