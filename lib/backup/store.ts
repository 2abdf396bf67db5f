import { getSettings } from '../db/config';
import { commit, StoreError, validate } from '../db/errors';
import { membershipOf, putRecord, type RecordRow, recordTx } from '../db/record-write';
import { activityRow, companyNameLookup, rekeyCompanyLinks, rowFor, stripRow } from '../db/rows';
import type { CrmDb } from '../db/schema';
import type { Activity, Company, Contact, CustomPropertyDef, Deal } from '../model';
import {
  customPropertyDefSchema,
  normaliseEmail,
  pipelineSchema,
  repSchema,
  settingsSchema,
  sourceSchema,
} from '../model';
import {
  type BackupChunk,
  type BackupData,
  backupDataSchema,
  RECORD_COLLECTIONS,
  type RecordCollection,
  versionTime,
} from './format';

/**
 * The store side of a JSON backup: reading everything for a download, and writing a backup back, either into an
 * empty profile ("replace") or merged into the current one, newest version of each record winning.
 *
 * A backup of 100k contacts is far larger than one RPC message, so a restore arrives in chunks: first the
 * configuration (replaceBackupConfig), then record chunks (putBackupRecords), each chunk one transaction.
 */

// A backup's collections bear the names of the stores they come from (since backup version 2).
const BACKUP_STORES = [...RECORD_COLLECTIONS];

/** Everything, tombstones included (a restore must not bring deleted records back to life). */
export async function readBackupData(db: CrmDb): Promise<BackupData> {
  const tx = db.transaction(BACKUP_STORES);
  // Index keys the store derives (emailKeys, searchKeys, messageKey) are no part of a record: each profile makes its own.
  const collections = await Promise.all(
    BACKUP_STORES.map(async (name) => [name, (await tx.objectStore(name).getAll()).map(stripRow)] as const),
  );
  return { ...(Object.fromEntries(collections) as Omit<BackupData, 'settings'>), settings: await getSettings(db) };
}

/** Records that make a profile "not empty" for a replace: configuration alone (the defaults) does not count. */
const DATA_STORES = ['contacts', 'companies', 'deals', 'activities', 'tasks'] as const;

export async function isProfileEmpty(db: CrmDb): Promise<boolean> {
  const tx = db.transaction([...DATA_STORES]);
  const counts = await Promise.all(DATA_STORES.map((name) => tx.objectStore(name).count()));
  return counts.every((count) => count === 0);
}

export type BackupConfig = Pick<BackupData, 'settings' | 'pipelines' | 'sources' | 'reps' | 'propertyDefs'>;

/**
 * Step one of a restore into an empty profile: in one transaction, checks that the profile holds no records, then
 * replaces its configuration (the default pipeline and sources of a new profile included) with the backup's.
 */
export async function replaceBackupConfig(db: CrmDb, config: BackupConfig, now = Date.now()): Promise<void> {
  const settings = validate(settingsSchema, config.settings, 'Settings');
  const pipelines = config.pipelines.map((p) => validate(pipelineSchema, p, `Pipeline ${p.name}`));
  const sources = config.sources.map((s) => validate(sourceSchema, s, `Source ${s.name}`));
  const reps = config.reps.map((r) => validate(repSchema, r, `Rep ${r.name}`));
  const defs = config.propertyDefs.map((d) => validate(customPropertyDefSchema, d, `Custom property ${d.key}`));
  const tx = recordTx(db, [...DATA_STORES, 'pipelines', 'sources', 'reps', 'propertyDefs', 'settings']);
  await commit(tx, async () => {
    const counts = await Promise.all(DATA_STORES.map((name) => tx.objectStore(name).count()));
    if (counts.some((count) => count > 0)) {
      throw new StoreError('conflict', 'This profile already holds records: restore into it by merging instead.');
    }
    await clearConfig(tx, config, now);
    for (const pipeline of pipelines) await putRecord(tx, 'pipelines', pipeline);
    for (const source of sources) await putRecord(tx, 'sources', source);
    for (const rep of reps) await putRecord(tx, 'reps', rep);
    for (const def of defs) await putRecord(tx, 'propertyDefs', def);
    await tx.objectStore('settings').put(settings, 'settings');
  });
}

const CONFIG_STORES = ['pipelines', 'sources', 'reps', 'propertyDefs'] as const;

/**
 * Makes room for the backup's configuration. A lone rep's stores are simply emptied. A browser in a team holds the
 * team's configuration: emptying it here would leave every teammate with what this browser dropped, so each record
 * the backup does not have is deleted as any delete is (a tombstone the team receives), and the team converges on
 * the backup's. The profile is empty of records, so the team has none either, and no teammate's deal is left in a
 * deleted pipeline, once this browser has pulled all there is: before that, the restore is refused.
 */
async function clearConfig(tx: ReturnType<typeof recordTx>, config: BackupConfig, now: number): Promise<void> {
  const team = await membershipOf(tx);
  if (!team) {
    await Promise.all(CONFIG_STORES.map((store) => tx.objectStore(store).clear()));
    return;
  }
  if (!team.seeded || team.lastSyncAt === null || team.cursor < team.teamVersion) {
    throw new StoreError(
      'conflict',
      'This browser has not finished its first sync with the team: wait for it, then restore.',
    );
  }
  for (const store of CONFIG_STORES) {
    const kept = new Set<string>(config[store].map((record) => record.id));
    for (const row of await tx.objectStore(store).getAll()) {
      if (row.deletedAt !== null || kept.has(row.id)) continue;
      await putRecord(tx, store, { ...row, deletedAt: now, updatedAt: now } as RecordRow<typeof store>);
    }
  }
}

export interface PutResult {
  written: number;
  /** Records whose current version is as new or newer (merge only). */
  unchanged: number;
  conflicts: { id: string; reason: string }[];
}

type Versioned = { id: string; updatedAt: number; deletedAt: number | null };

/**
 * Writes one chunk of backup records in one transaction. `replace` writes them as they are (after
 * replaceBackupConfig); `merge` writes a record only when it is new here or newer than the current version, and
 * leaves out (as a conflict) one that would take another record's email address, message or property key.
 * Companies are restored before contacts and deals, whose search keys include their company's name.
 */
export async function putBackupRecords(db: CrmDb, chunk: BackupChunk, mode: 'replace' | 'merge'): Promise<PutResult> {
  const records = (chunk.records as Versioned[]).map((record) =>
    validate(backupDataSchema.shape[chunk.collection].element, record, `${chunk.collection} ${record.id}`),
  ) as Versioned[];
  const storeName = chunk.collection;
  const tx = openRestoreTx(db);
  const result: PutResult = { written: 0, unchanged: 0, conflicts: [] };
  return commit(tx, async () => {
    const store = tx.objectStore(storeName);
    // Each collection's records go to its one store; idb types every store's rows apart.
    const put = (row: Versioned) => putRecord(tx, storeName, row as RecordRow<typeof storeName>);
    const currents = await Promise.all(records.map((record) => store.get(record.id)));
    const companyName = companyNameLookup(tx.objectStore('companies'));
    for (const [i, record] of records.entries()) {
      const current = currents[i] as Versioned | undefined;
      if (mode === 'merge' && current && versionTime(current) >= versionTime(record)) {
        result.unchanged++;
        continue;
      }
      const clash = mode === 'merge' ? await clashOf(tx, chunk.collection, record) : null;
      if (clash) {
        result.conflicts.push({ id: record.id, reason: clash });
        continue;
      }
      switch (chunk.collection) {
        case 'contacts':
        case 'companies':
        case 'deals': {
          const linked = record as Contact | Company | Deal;
          const name = 'companyId' in linked ? await companyName(linked.companyId) : '';
          await put(rowFor(chunk.collection, linked, name));
          // A newer version of a company (renamed, or deleted) takes its people's and deals' keys with it.
          if (chunk.collection === 'companies' && current) {
            const links = { contacts: tx.objectStore('contacts'), deals: tx.objectStore('deals') };
            await rekeyCompanyLinks(links, current as Company, linked as Company);
          }
          break;
        }
        case 'activities':
          await put(activityRow(record as Activity));
          break;
        default:
          // Tasks and the configuration are stored as they are: no keys of theirs derive from other records.
          await put(record);
      }
      result.written++;
    }
    return result;
  });
}

type RestoreTx = ReturnType<typeof openRestoreTx>;
function openRestoreTx(db: CrmDb) {
  return recordTx(db, BACKUP_STORES);
}

/** Why a merged record cannot be written beside the current ones (unique values held by another record), or null. */
async function clashOf(tx: RestoreTx, collection: RecordCollection, record: Versioned): Promise<string | null> {
  if (record.deletedAt !== null) return null;
  if (collection === 'contacts') {
    for (const { address } of (record as Contact).emails) {
      const owner = await tx.objectStore('contacts').index('byEmail').getKey(normaliseEmail(address));
      if (owner !== undefined && owner !== record.id) return `${address} already belongs to another contact`;
    }
  }
  if (collection === 'activities') {
    const key = activityRow(record as Activity).messageKey;
    const owner = key ? await tx.objectStore('activities').index('byMessageKey').getKey(key) : undefined;
    if (owner !== undefined && owner !== record.id) return 'this email is already logged for this contact';
  }
  if (collection === 'propertyDefs') {
    const def = record as CustomPropertyDef;
    const same = await tx.objectStore('propertyDefs').index('byEntity').getAll(def.entity);
    if (same.some((other) => other.id !== def.id && other.deletedAt === null && other.key === def.key)) {
      return `a ${def.entity} property with key "${def.key}" already exists`;
    }
  }
  return null;
}
