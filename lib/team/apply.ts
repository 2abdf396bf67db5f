import type { IDBPTransaction } from 'idb';
import { SYNC_STORES, TEAM_KEY } from '../db/record-write';
import {
  activityRow,
  companyNameLookup,
  companyRow,
  contactRow,
  dealRow,
  rekeyCompanyLinks,
  stripRow,
} from '../db/rows';
import type { ActivityRow, CompanyRow, ContactRow, CrmDb, CrmSchema, TeamSync } from '../db/schema';
import type { Company } from '../model';
import { format, receive } from '../sync/hlc';
import { canonicalJson } from '../sync/json';
import { emptyState, merge, type RecordState, sameState, valuesOf } from '../sync/merge';
import { ENTITY_SCHEMAS, SYNC_ENTITIES, type SyncEntity, type SyncedRecord } from '../sync/protocol';

/**
 * Applying the team's records to this browser: each pulled record is merged, field by field, with what this browser
 * holds of it (lib/sync/merge.ts, the service's own function), and the winning values are written as the row, its
 * index keys made by the usual row builders. No outbox entry comes of it: these are the team's writes, not ours.
 */

/** Companies first: the people and deals of the same page are keyed with their company's name. */
const ORDER: readonly SyncEntity[] = ['companies', ...SYNC_ENTITIES.filter((e) => e !== 'companies')];

type ApplyTx = IDBPTransaction<CrmSchema, (SyncEntity | (typeof SYNC_STORES)[number])[], 'readwrite'>;

export interface PageResult {
  /** Stores whose rows changed, for the open pages to read again. */
  changed: SyncEntity[];
  /** Records the team holds that this version cannot store yet (kept as clocks until a later write makes them whole). */
  unreadable: number;
}

/**
 * Applies one page of pulled records and moves the cursor past it, in one transaction: a worker stopped halfway
 * pulls the page again, never skips it. Answers null when the membership changed meanwhile (the rep left).
 */
export async function applyPage(
  db: CrmDb,
  deviceId: string,
  records: readonly SyncedRecord[],
  page: { cursor: number; teamVersion: number },
  now: number,
): Promise<PageResult | null> {
  const tx = db.transaction([...SYNC_ENTITIES, ...SYNC_STORES], 'readwrite') as ApplyTx;
  const team = await tx.objectStore('sync').get(TEAM_KEY);
  if (!team || team.left || team.deviceId !== deviceId) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return null;
  }
  const changed = new Set<SyncEntity>();
  let unreadable = 0;
  const sorted = [...records].sort((a, b) => ORDER.indexOf(a.entity) - ORDER.indexOf(b.entity));
  const companyName = companyNameLookup(tx.objectStore('companies'));
  for (const record of sorted) {
    const outcome = await applyRecord(tx, team, record, companyName, now);
    if (outcome === 'written') changed.add(record.entity);
    if (outcome === 'unreadable') unreadable++;
  }
  team.cursor = page.cursor;
  team.teamVersion = page.teamVersion;
  await tx.objectStore('sync').put(team, TEAM_KEY);
  await tx.done;
  return { changed: [...changed], unreadable };
}

async function applyRecord(
  tx: ApplyTx,
  team: TeamSync,
  record: SyncedRecord,
  companyName: (id: string | null) => Promise<string>,
  now: number,
): Promise<'written' | 'same' | 'unreadable'> {
  const { entity, id } = record;
  const [local, clocks] = await Promise.all([
    tx.objectStore(entity).get(id),
    tx.objectStore('fieldClocks').get([entity, id]),
  ]);
  const mine: RecordState = clocks ? { fields: clocks.fields, conflicts: clocks.conflicts } : emptyState();
  const merged = merge(mine, { fields: record.fields, conflicts: record.conflicts });
  if (clocks && sameState(merged, mine)) return 'same';
  // The next local write must come after every write seen, whatever this device's clock says.
  const latest = Object.values(record.fields)
    .map((write) => write.hlc)
    .sort()
    .at(-1);
  if (latest && latest > format(team.clock)) team.clock = receive(team.clock, latest, now);
  await tx.objectStore('fieldClocks').put({ entity, id, ...merged, dismissed: clocks?.dismissed ?? [] });
  const values = valuesOf(merged);
  // Our own writes come back stamped with our rep: the row already holds them.
  if (local && clocks && canonicalJson(values) === canonicalJson(valuesOf(mine))) {
    return canonicalJson(merged.conflicts) === canonicalJson(mine.conflicts) ? 'same' : 'written';
  }
  const parsed = ENTITY_SCHEMAS[entity].safeParse({ ...(local ? stripRow(local) : {}), ...values, id });
  if (!parsed.success) return 'unreadable';
  await putRow(tx, entity, parsed.data, local, companyName);
  return 'written';
}

/** Writes the record as its store keeps it, giving up an index key another record holds here rather than failing. */
async function putRow(
  tx: ApplyTx,
  entity: SyncEntity,
  record: unknown,
  local: unknown,
  companyName: (id: string | null) => Promise<string>,
): Promise<void> {
  switch (entity) {
    case 'contacts': {
      const contact = record as Parameters<typeof contactRow>[0];
      const row = contactRow(contact, await companyName(contact.companyId));
      // Two reps who each added the same person offline: both records stay, the address finds the one here first,
      // and the rep can merge them.
      const owners = await Promise.all(
        row.emailKeys.map((key) => tx.objectStore('contacts').index('byEmail').getKey(key)),
      );
      const emailKeys = row.emailKeys.filter((_key, i) => owners[i] === undefined || owners[i] === row.id);
      await tx.objectStore('contacts').put({ ...row, emailKeys } satisfies ContactRow);
      return;
    }
    case 'companies': {
      const row = companyRow(record as Company);
      await tx.objectStore('companies').put(row);
      const before = local as CompanyRow | undefined;
      if (before) {
        await rekeyCompanyLinks({ contacts: tx.objectStore('contacts'), deals: tx.objectStore('deals') }, before, row);
      }
      return;
    }
    case 'deals': {
      const deal = record as Parameters<typeof dealRow>[0];
      await tx.objectStore('deals').put(dealRow(deal, await companyName(deal.companyId)));
      return;
    }
    case 'activities': {
      const row: ActivityRow = activityRow(record as Parameters<typeof activityRow>[0]);
      const owner = row.messageKey
        ? await tx.objectStore('activities').index('byMessageKey').getKey(row.messageKey)
        : undefined;
      if (owner !== undefined && owner !== row.id) delete row.messageKey;
      await tx.objectStore('activities').put(row);
      return;
    }
    default:
      await (tx.objectStore(entity) as unknown as { put(row: unknown): Promise<unknown> }).put(record);
  }
}
