import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const BUILDS = ['chrome-mv3', 'firefox-mv2'];

/** The documented permission list (README, "Privacy and permissions"). A new one must be argued for there first. */
const PERMISSIONS = ['alarms', 'notifications', 'storage', 'unlimitedStorage'];
const HOSTS = ['https://mail.google.com/*'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function manifest(build: string) {
  return JSON.parse(readFileSync(join(OUTPUT, build, 'manifest.json'), 'utf8'));
}

test('the Chrome manifest asks only for the documented permissions', () => {
  const m = manifest('chrome-mv3');
  expect(m.manifest_version).toBe(3);
  expect([...m.permissions].sort()).toEqual(PERMISSIONS);
  expect(m.host_permissions).toEqual(HOSTS);
  expect(m.optional_permissions ?? []).toEqual([]);
  expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches)).toEqual(HOSTS);
  expect(m.content_security_policy.extension_pages).toMatch(/script-src 'self'(;|$)/);
  expect(m.externally_connectable).toBeUndefined();
});

test('the Firefox manifest has its id, data-collection statement and the same permissions', () => {
  const m = manifest('firefox-mv2');
  expect(m.browser_specific_settings.gecko.id).toBeTruthy();
  expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  const asked = [...m.permissions].sort();
  expect(asked).toEqual([...PERMISSIONS, ...HOSTS].sort());
});

test('no built file evaluates strings as code or loads remote script', () => {
  for (const build of BUILDS) {
    for (const file of files(join(OUTPUT, build)).filter((f) => /\.(js|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(/);
      expect(text, file).not.toMatch(/new\s+Function\s*\(/);
      expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/i);
      expect(text, file).not.toMatch(/import\s*\(\s*["']https?:/);
    }
  }
});

test('the locales have the same keys in English and Khmer', () => {
  for (const build of BUILDS) {
    const keys = (lang: string) =>
      Object.keys(JSON.parse(readFileSync(join(OUTPUT, build, '_locales', lang, 'messages.json'), 'utf8'))).sort();
    expect(keys('km')).toEqual(keys('en'));
  }
});
