import { createHash } from 'node:crypto';
import { type Pool, transaction } from '../db/pool';
import { ApiError } from '../errors';

/** How many posts one visitor's address may make, and one form may take, in a window. */
export interface FormLimits {
  perAddress: number;
  perForm: number;
  windowMs: number;
}

/** A person sends a form once or twice; a busy small business gets tens of leads an hour, not hundreds. */
export const DEFAULT_FORM_LIMITS: FormLimits = { perAddress: 5, perForm: 120, windowMs: 60 * 60 * 1000 };

/** Hits older than this are dropped as new ones come: the table holds only what the limits read. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Counts this post against both limits and records it, under a lock on the form so two posts at once cannot both
 * read the count below the limit. Every post that reaches a form counts, refused ones too (its own transaction
 * commits before the post is read further): probing is not free.
 */
export async function takeHit(pool: Pool, formId: string, address: string, limits: FormLimits, now: number) {
  const hash = createHash('sha256').update(address).digest();
  const counts = await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [formId]);
    const since = new Date(now - limits.windowMs);
    const { rows } = await client.query<{ address: number; form: number }>(
      `SELECT (SELECT count(*) FROM form_hits WHERE address_hash = $2 AND at > $3)::int AS address,
              (SELECT count(*) FROM form_hits WHERE form_id = $1 AND at > $3)::int AS form`,
      [formId, hash, since],
    );
    await client.query('DELETE FROM form_hits WHERE form_id = $1 AND at < $2', [formId, new Date(now - KEEP_MS)]);
    await client.query('INSERT INTO form_hits (form_id, address_hash, at) VALUES ($1, $2, $3)', [
      formId,
      hash,
      new Date(now),
    ]);
    return rows[0]!;
  });
  const retryAfter = Math.ceil(limits.windowMs / 1000);
  if (counts.address >= limits.perAddress) {
    throw new ApiError(429, 'rate_limited', 'too many forms sent from this address: try again later', {
      retryAfter,
    });
  }
  if (counts.form >= limits.perForm) {
    throw new ApiError(429, 'rate_limited', 'this form is taking too many submissions: try again later', {
      retryAfter,
    });
  }
}
