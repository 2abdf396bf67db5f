import { StoreError, validate } from '../db/errors';
import { writeRecord } from '../db/record-write';
import { stripRow } from '../db/rows';
import type { CrmDb } from '../db/schema';
import type { CloseReason, Competitor, Deal } from '../model';
import { closeReasonSchema, competitorSchema } from '../model';

/**
 * The business's reason lists and competitors. Both are records the team shares: every write goes through
 * writeRecord, so it queues for the team while this browser is joined.
 */

const live = <T extends { deletedAt: number | null }>(rows: T[]) => rows.filter((row) => row.deletedAt === null);

/** Live reasons, won before lost, each list in the business's order. */
export async function listCloseReasons(db: CrmDb): Promise<CloseReason[]> {
  return live(await db.getAll('closeReasons')).sort((a, b) =>
    a.outcome === b.outcome ? a.order - b.order : a.outcome === 'won' ? -1 : 1,
  );
}

/** Removing a reason is a tombstone: the deals closed for it keep it, and the analysis still names it. */
export async function saveCloseReason(db: CrmDb, reason: CloseReason, now: number): Promise<CloseReason> {
  const next = validate(closeReasonSchema, { ...reason, updatedAt: now }, 'Reason');
  const before = await db.get('closeReasons', next.id);
  if (before && before.outcome !== next.outcome) {
    // Deals closed for it would change sides in the analysis without anyone closing them again.
    throw new StoreError('invalid', 'A reason stays on its list: add it to the other list instead.', 'outcome');
  }
  await writeRecord(db, 'closeReasons', next);
  return next;
}

/** Live competitors, by name in the rep's alphabet. */
export async function listCompetitors(db: CrmDb): Promise<Competitor[]> {
  return live(await db.getAll('competitors')).sort((a, b) => a.name.localeCompare(b.name));
}

export async function saveCompetitor(db: CrmDb, competitor: Competitor, now: number): Promise<Competitor> {
  const next = validate(competitorSchema, { ...competitor, updatedAt: now }, 'Competitor');
  const clash = live(await db.getAll('competitors')).find(
    (other) => other.id !== next.id && other.name.toLocaleLowerCase() === next.name.toLocaleLowerCase(),
  );
  if (clash && next.deletedAt === null) {
    throw new StoreError('conflict', `A competitor named ${next.name} exists already.`, 'name');
  }
  await writeRecord(db, 'competitors', next);
  return next;
}

/** Every reason and competitor, tombstones included: the analysis names what closed deals hold. */
export async function allReasonsAndCompetitors(db: CrmDb) {
  const [reasons, competitors] = await Promise.all([db.getAll('closeReasons'), db.getAll('competitors')]);
  return { reasons, competitors };
}

/** Live deals a competitor was on, open or closed (a deal lost to them holds them too). */
export async function dealsWithCompetitor(db: CrmDb, competitorId: string): Promise<Deal[]> {
  const rows = await db.getAllFromIndex('deals', 'byCompetitor', competitorId);
  return rows.filter((row) => row.deletedAt === null).map((row) => stripRow(row) as Deal);
}
