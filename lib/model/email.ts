import { z } from 'zod';

/** The form used for matching: trimmed and lower-cased. The address as given is kept for display. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

// Deliberately loose: one "@", no spaces, a dot in the domain. Real-world addresses beat RFC purity.
const EMAIL_SHAPE = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL_SHAPE.test(value.trim());
}

export function emailDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : normalizeEmail(address.slice(at + 1));
}

export const emailAddress = z
  .string()
  .trim()
  .max(254, { error: 'must be at most 254 characters' })
  .refine(isEmailAddress, { error: 'is not an email address' });

/** Domains of free mail providers: an address there says nothing about the person's company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'qq.com',
  '163.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(normalizeEmail(domain));
}

export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
}
