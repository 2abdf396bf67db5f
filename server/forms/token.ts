import { createHmac, timingSafeEqual } from 'node:crypto';
import { MAX_FILL_MS, MIN_FILL_MS } from '../../lib/forms/definition';

/**
 * The time-to-fill check. The snippet asks for a start token when its page loads; the token is the time the service
 * gave it, signed with the form's secret, so a robot can neither skip the wait nor write an earlier time itself.
 */
const sign = (secret: Buffer, at: number) => createHmac('sha256', secret).update(String(at)).digest('base64url');

export function startToken(secret: Buffer, now: number): string {
  return `${now}.${sign(secret, now)}`;
}

export type TokenCheck = 'ok' | 'invalid' | 'too_fast' | 'stale';

export function checkToken(secret: Buffer, token: string, now: number): TokenCheck {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const at = Number(match[1]);
  const expected = Buffer.from(sign(secret, at));
  const given = Buffer.from(match[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (now - at < MIN_FILL_MS) return 'too_fast';
  if (now - at > MAX_FILL_MS) return 'stale';
  return 'ok';
}
