import type { CustomPropertyDef, Pipeline, Rep, Settings, Source } from '../model';
import {
  customPropertyDefSchema,
  defaultSettings,
  pipelineSchema,
  repSchema,
  settingsSchema,
  sourceSchema,
} from '../model';
import { abortQuietly, StoreError, validate } from './errors';
import { putRecord, recordTx, writeRecord } from './record-write';
import type { CrmDb } from './schema';

export async function getSettings(db: CrmDb): Promise<Settings> {
  const stored = await db.get('settings', 'settings');
  const parsed = settingsSchema.safeParse(stored);
  // A damaged settings row must not lock the rep out: fall back to defaults, keeping the pipeline choice.
  if (parsed.success) return parsed.data;
  const pipelines = await listPipelines(db);
  return defaultSettings(pipelines[0]?.id ?? null);
}

export async function updateSettings(db: CrmDb, patch: Partial<Settings>): Promise<Settings> {
  const next = validate(settingsSchema, { ...(await getSettings(db)), ...patch }, 'Settings');
  await db.put('settings', next, 'settings');
  return next;
}

const live = <T extends { deletedAt: number | null }>(rows: T[]) => rows.filter((r) => r.deletedAt === null);
const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

export async function listPipelines(db: CrmDb): Promise<Pipeline[]> {
  return live(await db.getAll('pipelines')).sort(byOrder);
}

/**
 * Saves a pipeline. A stage may only disappear when no deal stands in it: deals are moved first, never lost.
 */
export async function savePipeline(db: CrmDb, pipeline: Pipeline, now: number): Promise<Pipeline> {
  const next = validate(pipelineSchema, { ...pipeline, updatedAt: now }, 'Pipeline');
  const tx = recordTx(db, ['pipelines', 'deals']);
  const before = await tx.objectStore('pipelines').get(next.id);
  const kept = new Set(next.stages.map((s) => s.id));
  for (const stage of before?.stages ?? []) {
    if (kept.has(stage.id) && next.deletedAt === null) continue;
    // Tombstoned deals do not hold a stage: the rep cannot see them to move them.
    const inStage = await tx.objectStore('deals').index('byStage').getAll([next.id, stage.id]);
    const count = inStage.filter((deal) => deal.deletedAt === null).length;
    if (count > 0) {
      abortQuietly(tx);
      throw new StoreError('conflict', `Move the ${count} deal(s) out of ${stage.name} first.`, 'stages', {
        stageId: stage.id,
        count: String(count),
      });
    }
  }
  await putRecord(tx, 'pipelines', next);
  await tx.done;
  return next;
}

export async function listSources(db: CrmDb): Promise<Source[]> {
  return live(await db.getAll('sources')).sort(byOrder);
}

export async function saveSource(db: CrmDb, source: Source, now: number): Promise<Source> {
  const next = validate(sourceSchema, { ...source, updatedAt: now }, 'Source');
  await writeRecord(db, 'sources', next);
  return next;
}

export async function listReps(db: CrmDb): Promise<Rep[]> {
  return live(await db.getAll('reps'));
}

export async function saveRep(db: CrmDb, rep: Rep, now: number): Promise<Rep> {
  const next = validate(repSchema, { ...rep, updatedAt: now }, 'Rep');
  await writeRecord(db, 'reps', next);
  return next;
}

export async function listPropertyDefs(db: CrmDb, entity?: CustomPropertyDef['entity']): Promise<CustomPropertyDef[]> {
  const rows = entity ? await db.getAllFromIndex('propertyDefs', 'byEntity', entity) : await db.getAll('propertyDefs');
  return live(rows).sort(byOrder);
}

/** Removing a definition is a tombstone: values stay on the records and in backups. */
export async function savePropertyDef(db: CrmDb, def: CustomPropertyDef, now: number): Promise<CustomPropertyDef> {
  const next = validate(customPropertyDefSchema, { ...def, updatedAt: now }, 'Custom property');
  const clash = (await db.getAllFromIndex('propertyDefs', 'byEntity', next.entity)).find(
    (d) => d.key === next.key && d.id !== next.id && d.deletedAt === null,
  );
  if (clash) throw new StoreError('conflict', `A ${next.entity} property with key ${next.key} exists.`, 'key');
  await writeRecord(db, 'propertyDefs', next);
  return next;
}

export async function getThreadPrefs(db: CrmDb, threadId: string) {
  return (await db.get('threadPrefs', threadId)) ?? { threadId, doNotLog: false };
}

export async function setThreadDoNotLog(db: CrmDb, threadId: string, doNotLog: boolean) {
  await db.put('threadPrefs', { threadId, doNotLog });
  return { threadId, doNotLog };
}
