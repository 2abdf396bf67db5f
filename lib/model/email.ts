import { z } from 'zod';
import { isEmailAddress, normaliseEmail } from './email-address';

export { emailDomain, isEmailAddress, normaliseEmail } from './email-address';

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
  return FREE_MAIL_DOMAINS.has(normaliseEmail(domain));
}

export function normaliseDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
}
