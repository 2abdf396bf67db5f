import { z } from 'zod';
import type { PoolClient } from '../db/pool';

/**
 * What one instance tells every instance (itself included) through PostgreSQL's NOTIFY, sent inside the
 * transaction that made the change, so it is delivered only if and after that transaction commits.
 */
export const CHANNEL = 'sidecar_events';

export const announcementSchema = z.union([
  z.object({ team: z.string(), version: z.number().int().nonnegative() }),
  z.object({ team: z.string(), revoked: z.string() }),
]);
export type Announcement = z.infer<typeof announcementSchema>;

export async function announce(client: PoolClient, announcement: Announcement): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(announcement)]);
}
