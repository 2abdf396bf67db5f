import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * Device tokens and invite codes are stored only as their sha256: a copy of the database (a backup, a leaked dump)
 * holds nothing that opens the service. Both are random enough that a fast hash is the right one: there is no
 * password to stretch.
 */
export const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** 32 random bytes, base64url: what a device sends as `Authorization: Bearer <token>`. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 80 random bits in hex: short enough to go into every clock stamp a device makes (lib/sync/hlc.ts). */
export const newDeviceId = (): string => randomBytes(10).toString('hex');

/**
 * Invite codes are typed by a person from a message the manager sent: Crockford's base32 (no I, L, O, U), in groups
 * of four, 12 characters = 60 bits. Typing is forgiving: case, spaces and dashes are ignored and the look-alikes
 * O, I and L are read as 0, 1 and 1.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

export function newInviteCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
