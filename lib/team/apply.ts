import { type IDBPTransaction, unwrap } from 'idb';
import { SYNC_STORES, TEAM_KEY } from '../db/record-write';
import { activityRow, companyRow, contactRow, dealRow, rekeyCompanyLinks, stripRow } from '../db/rows';
import type { CompanyRow, CrmDb, CrmSchema, FieldClockRow, TeamSync } from '../db/schema';
import type { Company, Contact, Deal } from '../model';
import { format, receive } from '../sync/hlc';
import { canonicalJson } from '../sync/json';
import { emptyState, merge, type RecordState, sameState, valuesOf } from '../sync/merge';
import { ENTITY_SCHEMAS, SYNC_ENTITIES, type SyncEntity, type SyncedRecord } from '../sync/protocol';

/**
 * Applying the team's records to this browser: each pulled record is merged, field by field, with what this browser
 * holds of it (lib/sync/merge.ts, the service's own function), and the winning values are written as the row, its
 * index keys made by the usual row builders. No outbox entry comes of it: these are the team's writes, not ours.
 *
 * A page is applied in three steps inside its one transaction: every read it needs is asked at once, the merging
 * and row building happen in memory, and every write is asked at once. Asking one record at a time left the page
 * idle for a round trip to the browser's database per read, most of a first sync's time (see the README's figures).
 */

/** Companies first: the people and deals of the same page are keyed with their company's name. */
const ORDER: readonly SyncEntity[] = ['companies', ...SYNC_ENTITIES.filter((e) => e !== 'companies')];

type ApplyTx = IDBPTransaction<CrmSchema, (SyncEntity | (typeof SYNC_STORES)[number])[], 'readwrite'>;
type Row = { id: string; emailKeys?: string[]; messageKey?: string } & Record<string, unknown>;

export interface PageResult {
  /** Stores whose rows changed, for the open pages to read again. */
  changed: SyncEntity[];
  /** Records the team holds that this version cannot store yet (kept as clocks until a later write makes them whole). */
  unreadable: number;
}

interface Plan {
  record: SyncedRecord;
  local: Row | undefined;
  clocks: FieldClockRow | null;
  outcome: 'written' | 'same' | 'unreadable';
  /** The merged record to store as a row, when its values changed and it parses. */
  value: Row | null;
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
  // Plain requests, not idb's promise per request: a page makes thousands, and their promises cost the page more than
  // the database's work does.
  const raw = unwrap(tx) as IDBTransaction;
  const store = (entity: string) => raw.objectStore(entity);
  const sorted = [...records].sort((a, b) => ORDER.indexOf(a.entity) - ORDER.indexOf(b.entity));
  const [team, ...stored] = (await answers([
    store('sync').get(TEAM_KEY),
    ...sorted.flatMap((r) => [store(r.entity).get(r.id), store('fieldClocks').get([r.entity, r.id])]),
  ])) as [TeamSync | undefined, ...(Row | FieldClockRow | undefined)[]];
  if (!team || team.left || team.deviceId !== deviceId) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return null;
  }
  const plans = sorted.map((record, i) =>
    plan(team, record, stored[2 * i] as Row | undefined, stored[2 * i + 1] as FieldClockRow | undefined, now),
  );
  const rows = await buildRows(raw, plans);
  // Every write at once; a failing one aborts the transaction, and tx.done tells.
  for (const p of plans) {
    if (p.clocks) store('fieldClocks').put(p.clocks);
    const row = rows.get(p);
    if (row) store(p.record.entity).put(row);
  }
  team.cursor = page.cursor;
  team.teamVersion = page.teamVersion;
  store('sync').put(team, TEAM_KEY);
  // A company renamed or deleted re-keys the people and deals of it that this page did not bring.
  const rekeys = plans.flatMap((p) => {
    const row = rows.get(p);
    if (p.record.entity !== 'companies' || !row || !p.local) return [];
    const links = { contacts: tx.objectStore('contacts'), deals: tx.objectStore('deals') };
    return [rekeyCompanyLinks(links, p.local as CompanyRow, row as CompanyRow)];
  });
  await Promise.all([tx.done, ...rekeys]);
  const changed = new Set(plans.filter((p) => p.outcome === 'written').map((p) => p.record.entity));
  return { changed: [...changed], unreadable: plans.filter((p) => p.outcome === 'unreadable').length };
}

/** The merge of one record, in memory; `clocks` is null when nothing is to be written for it. */
function plan(
  team: TeamSync,
  record: SyncedRecord,
  local: Row | undefined,
  clocks: FieldClockRow | undefined,
  now: number,
): Plan {
  const { entity, id } = record;
  const mine: RecordState = clocks ? { fields: clocks.fields, conflicts: clocks.conflicts } : emptyState();
  const merged = merge(mine, { fields: record.fields, conflicts: record.conflicts });
  const none: Plan = { record, local, clocks: null, outcome: 'same', value: null };
  if (clocks && sameState(merged, mine)) return none;
  // The next local write must come after every write seen, whatever this device's clock says.
  const latest = Object.values(record.fields)
    .map((write) => write.hlc)
    .sort()
    .at(-1);
  if (latest && latest > format(team.clock)) team.clock = receive(team.clock, latest, now);
  const next: FieldClockRow = { entity, id, ...merged, dismissed: clocks?.dismissed ?? [] };
  const values = valuesOf(merged);
  // Our own writes come back stamped with our rep: the row already holds them.
  if (local && clocks && canonicalJson(values) === canonicalJson(valuesOf(mine))) {
    const outcome = canonicalJson(merged.conflicts) === canonicalJson(mine.conflicts) ? 'same' : 'written';
    return { ...none, clocks: next, outcome };
  }
  const parsed = ENTITY_SCHEMAS[entity].safeParse({ ...(local ? stripRow(local) : {}), ...values, id });
  if (!parsed.success) return { ...none, clocks: next, outcome: 'unreadable' };
  return { ...none, clocks: next, outcome: 'written', value: parsed.data as Row };
}

/**
 * The rows of the page's merged records, as their stores keep them. A unique index key (a contact's address, an
 * email activity's message) another record holds here is given up rather than failing the page: two reps who each
 * added the same person offline keep both records, the address finds the one here first, and the rep can merge
 * them. Who holds a key is followed through the page in order, as if its rows were written one after another.
 */
async function buildRows(tx: IDBTransaction, plans: readonly Plan[]): Promise<Map<Plan, Row>> {
  const names = new Map<string, string>();
  for (const p of plans) {
    if (p.record.entity === 'companies' && p.value) {
      const company = p.value as unknown as Company;
      names.set(company.id, company.deletedAt === null ? company.name : '');
    }
  }
  const wanted = new Set<string>();
  for (const p of plans) {
    const companyId = (p.value as { companyId?: string | null } | null)?.companyId;
    if ((p.record.entity === 'contacts' || p.record.entity === 'deals') && companyId && !names.has(companyId)) {
      wanted.add(companyId);
    }
  }
  const ids = [...wanted];
  const companies = (await answers(ids.map((id) => tx.objectStore('companies').get(id)))) as (CompanyRow | undefined)[];
  ids.forEach((id, i) => {
    const row = companies[i];
    names.set(id, row && row.deletedAt === null ? row.name : '');
  });
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : '');

  const rows = new Map<Plan, Row>();
  for (const p of plans) {
    if (!p.value) continue;
    const value = p.value;
    switch (p.record.entity) {
      case 'contacts':
        rows.set(p, contactRow(value as unknown as Contact, nameOf((value as unknown as Contact).companyId)) as Row);
        break;
      case 'companies':
        rows.set(p, companyRow(value as unknown as Company) as Row);
        break;
      case 'deals':
        rows.set(p, dealRow(value as unknown as Deal, nameOf((value as unknown as Deal).companyId)) as Row);
        break;
      case 'activities':
        rows.set(p, activityRow(value as never) as Row);
        break;
      default:
        rows.set(p, value);
    }
  }
  await keepUniqueKeys(tx, plans, rows);
  return rows;
}

async function keepUniqueKeys(tx: IDBTransaction, plans: readonly Plan[], rows: Map<Plan, Row>): Promise<void> {
  const emails = tx.objectStore('contacts').index('byEmail');
  const messages = tx.objectStore('activities').index('byMessageKey');
  const keysOf = (p: Plan, row: Row | undefined): string[] =>
    p.record.entity === 'contacts' ? (row?.emailKeys ?? []) : row?.messageKey ? [row.messageKey] : [];
  const holders = new Map<string, string | undefined>();
  const asked: string[] = [];
  const reads: IDBRequest[] = [];
  for (const p of plans) {
    if (p.record.entity !== 'contacts' && p.record.entity !== 'activities') continue;
    for (const key of keysOf(p, rows.get(p))) {
      const mapKey = `${p.record.entity}\u0000${key}`;
      if (holders.has(mapKey)) continue;
      holders.set(mapKey, undefined);
      const index = p.record.entity === 'contacts' ? emails : messages;
      asked.push(mapKey);
      reads.push(index.getKey(key));
    }
  }
  const found = await answers(reads);
  for (const [i, mapKey] of asked.entries()) holders.set(mapKey, found[i] as string | undefined);
  for (const p of plans) {
    const row = rows.get(p);
    if (!row || (p.record.entity !== 'contacts' && p.record.entity !== 'activities')) continue;
    const mapKey = (key: string) => `${p.record.entity}\u0000${key}`;
    const free = (key: string) => {
      const holder = holders.get(mapKey(key));
      return holder === undefined || holder === row.id;
    };
    // The keys this record's stored row held are let go by its new row.
    for (const key of keysOf(p, p.local)) if (holders.get(mapKey(key)) === row.id) holders.set(mapKey(key), undefined);
    if (p.record.entity === 'contacts') row.emailKeys = (row.emailKeys ?? []).filter(free);
    else if (row.messageKey && !free(row.messageKey)) delete row.messageKey;
    for (const key of keysOf(p, row)) holders.set(mapKey(key), row.id);
  }
}

/** The results of requests made together, once the last has answered (in the order of `requests`). */
function answers(requests: readonly IDBRequest[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    let waiting = requests.length;
    if (waiting === 0) resolve([]);
    for (const request of requests) {
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        if (--waiting === 0) resolve(requests.map((r) => r.result));
      };
    }
  });
}
