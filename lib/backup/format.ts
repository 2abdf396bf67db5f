import { z } from 'zod';
import { activitySchema } from '../model/activity';
import { epochMs } from '../model/common';
import { companySchema } from '../model/company';
import { contactSchema } from '../model/contact';
import { customPropertyDefSchema } from '../model/custom-property';
import { dealSchema } from '../model/deal';
import { pipelineSchema } from '../model/pipeline';
import { planBudgetLineSchema, planOwnerSchema, planSchema, planTargetSchema } from '../model/plan';
import { repSchema } from '../model/rep';
import { serviceThreadSchema, threadKindSchema } from '../model/service';
import { settingsSchema } from '../model/settings';
import { sourceSchema } from '../model/source';
import { taskSchema } from '../model/task';
import { templateSchema } from '../model/template';
import { closeReasonSchema, competitorSchema } from '../model/winloss';
import { SYNC_ENTITIES } from '../sync/protocol';

export const BACKUP_FORMAT = 'sidecar-crm-backup';
export const BACKUP_VERSION = 2;

/**
 * Version 1 named the custom property definitions `customPropertyDefs`; from version 2 every collection bears the name
 * of its store. A version 1 file is read by that one rename, so older backups restore as they always did.
 */
function upgradeBackup(json: { version: unknown; data?: unknown }): unknown {
  if (json.version !== 1) return withPlan(withTemplates(withService(withWinLoss(json))));
  const data = json.data;
  if (typeof data !== 'object' || data === null || !('customPropertyDefs' in data)) return { ...json, version: 2 };
  const { customPropertyDefs, ...rest } = data as Record<string, unknown>;
  return withPlan(
    withTemplates(
      withService(withWinLoss({ ...json, version: 2, data: { ...rest, propertyDefs: customPropertyDefs } })),
    ),
  );
}

/** Backups made before win/loss (schema v10) hold neither reasons nor competitors: they restore with none. */
function withWinLoss(json: { version: unknown; data?: unknown }): unknown {
  const data = json.data;
  if (typeof data !== 'object' || data === null) return json;
  return { ...json, data: { closeReasons: [], competitors: [], ...data } };
}

/** Backups made before kinds of thread (schema v8) hold neither kinds nor threads: they restore with none. */
function withService(json: unknown): unknown {
  const data = (json as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return json;
  return { ...(json as object), data: { threadKinds: [], serviceThreads: [], ...data } };
}

/** Backups made before reply templates (schema v9) hold none: they restore with none, and the profile keeps its own. */
function withTemplates(json: unknown): unknown {
  const data = (json as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return json;
  return { ...(json as object), data: { templates: [], ...data } };
}

/** Backups made before the plan (schema v13) hold none: they restore with none, and the profile keeps its own. */
function withPlan(json: unknown): unknown {
  const data = (json as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return json;
  return { ...(json as object), data: { plans: [], planBudgetLines: [], planOwners: [], planTargets: [], ...data } };
}

/** The collections of a backup, each parsed with the model's own schema, so a backup holds only valid records. */
export const backupDataSchema = z.object({
  contacts: z.array(contactSchema),
  companies: z.array(companySchema),
  deals: z.array(dealSchema),
  pipelines: z.array(pipelineSchema),
  activities: z.array(activitySchema),
  tasks: z.array(taskSchema),
  sources: z.array(sourceSchema),
  reps: z.array(repSchema),
  propertyDefs: z.array(customPropertyDefSchema),
  closeReasons: z.array(closeReasonSchema),
  competitors: z.array(competitorSchema),
  threadKinds: z.array(threadKindSchema),
  serviceThreads: z.array(serviceThreadSchema),
  templates: z.array(templateSchema),
  plans: z.array(planSchema),
  planBudgetLines: z.array(planBudgetLineSchema),
  planOwners: z.array(planOwnerSchema),
  planTargets: z.array(planTargetSchema),
  settings: settingsSchema,
});
export type BackupData = z.infer<typeof backupDataSchema>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: epochMs,
  data: backupDataSchema,
});
export type Backup = z.infer<typeof backupSchema>;

/** Record collections (everything but settings), the ones merged by id: the record stores, the same ones that sync. */
export const RECORD_COLLECTIONS = SYNC_ENTITIES;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

export function createBackup(data: BackupData, now: number): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, data };
}

export type BackupErrorCode = 'not-a-backup' | 'unsupported-version' | 'invalid-record';

export type ParseBackupResult =
  | { ok: true; value: Backup }
  | { ok: false; error: { code: BackupErrorCode; path: string; message: string } };

/**
 * Checks a parsed JSON file before anything is written. The first problem is named by its path
 * ("data.contacts[12].emails[0].address: is not an email address"), so a hand-edited backup can be fixed.
 */
export function parseBackup(json: unknown): ParseBackupResult {
  const head = z.object({ format: z.literal(BACKUP_FORMAT), version: z.unknown() }).safeParse(json);
  if (!head.success) {
    return fail('not-a-backup', 'format', `this file is not a Sidecar CRM backup`);
  }
  if (head.data.version !== BACKUP_VERSION && head.data.version !== 1) {
    const newer = typeof head.data.version === 'number' && head.data.version > BACKUP_VERSION;
    return fail(
      'unsupported-version',
      'version',
      newer
        ? `backup version ${head.data.version} was made by a newer Sidecar CRM: update the extension first`
        : `backup version ${JSON.stringify(head.data.version) ?? 'missing'} is not supported (expected ${BACKUP_VERSION})`,
    );
  }
  const parsed = backupSchema.safeParse(upgradeBackup(json as { version: unknown; data?: unknown }));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = formatPath(issue?.path ?? []);
  return fail('invalid-record', path, `${path}: ${issue?.message ?? 'is not valid'}`);
}

function fail(code: BackupErrorCode, path: string, message: string): ParseBackupResult {
  return { ok: false, error: { code, path, message } };
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text || '(root)';
}

type Collections = { [C in RecordCollection]: BackupData[C] };

/** A restore arrives in chunks, each of one collection's records: a large backup is far more than one RPC message. */
export type BackupChunk = { [C in RecordCollection]: { collection: C; records: BackupData[C] } }[RecordCollection];

export interface MergeResult {
  /** Records to write, per collection: those new to this profile and those the backup holds a newer version of. */
  write: Collections;
  counts: { added: number; updated: number; unchanged: number; conflicts: number };
  /** Incoming records left out because they would clash with a different current record, and why. */
  conflicts: { collection: RecordCollection; id: string; reason: string }[];
}

/**
 * "Merge into the current profile": records match by id and the newer version wins, where a record's version time
 * is the later of updatedAt and deletedAt. A tombstone is a version like any other: a deletion newer than the other
 * side's last edit stays deleted (an old backup cannot resurrect it), and an edit newer than a deletion wins over
 * it. Ties keep the current record. Settings are never merged: the current profile's settings stay.
 */
export function mergeBackup(current: BackupData, incoming: BackupData): MergeResult {
  const counts = { added: 0, updated: 0, unchanged: 0, conflicts: 0 };
  const conflicts: MergeResult['conflicts'] = [];

  const mergeCollection = <T extends { id: string; updatedAt: number; deletedAt: number | null }>(
    collection: RecordCollection,
    mine: readonly T[],
    theirs: readonly T[],
    clash?: (record: T, byId: ReadonlyMap<string, T>) => string | null,
  ): T[] => {
    const byId = new Map(mine.map((record) => [record.id, record]));
    const out: T[] = [];
    for (const record of theirs) {
      const existing = byId.get(record.id);
      if (!existing) {
        const reason = clash?.(record, byId) ?? null;
        if (reason) {
          counts.conflicts++;
          conflicts.push({ collection, id: record.id, reason });
          continue;
        }
        counts.added++;
        out.push(record);
      } else if (versionTime(record) > versionTime(existing)) {
        counts.updated++;
        out.push(record);
      } else {
        counts.unchanged++;
      }
    }
    return out;
  };

  const write: Collections = {
    contacts: mergeCollection('contacts', current.contacts, incoming.contacts),
    companies: mergeCollection('companies', current.companies, incoming.companies),
    deals: mergeCollection('deals', current.deals, incoming.deals),
    pipelines: mergeCollection('pipelines', current.pipelines, incoming.pipelines),
    activities: mergeCollection('activities', current.activities, incoming.activities),
    tasks: mergeCollection('tasks', current.tasks, incoming.tasks),
    sources: mergeCollection('sources', current.sources, incoming.sources),
    reps: mergeCollection('reps', current.reps, incoming.reps),
    closeReasons: mergeCollection('closeReasons', current.closeReasons, incoming.closeReasons),
    competitors: mergeCollection('competitors', current.competitors, incoming.competitors),
    threadKinds: mergeCollection('threadKinds', current.threadKinds, incoming.threadKinds),
    serviceThreads: mergeCollection('serviceThreads', current.serviceThreads, incoming.serviceThreads),
    templates: mergeCollection('templates', current.templates, incoming.templates),
    plans: mergeCollection('plans', current.plans, incoming.plans),
    planBudgetLines: mergeCollection('planBudgetLines', current.planBudgetLines, incoming.planBudgetLines),
    planOwners: mergeCollection('planOwners', current.planOwners, incoming.planOwners),
    planTargets: mergeCollection('planTargets', current.planTargets, incoming.planTargets),
    // Custom values are stored under a property's key, so two live definitions of one key would fight over them.
    propertyDefs: mergeCollection('propertyDefs', current.propertyDefs, incoming.propertyDefs, (def, byId) => {
      if (def.deletedAt !== null) return null;
      for (const other of byId.values()) {
        if (other.deletedAt === null && other.entity === def.entity && other.key === def.key) {
          return `a ${def.entity} property with key "${def.key}" already exists`;
        }
      }
      return null;
    }),
  };
  return { write, counts, conflicts };
}

/** A tombstone is a version like any other: the later of the edit and the deletion counts. */
export function versionTime(record: { updatedAt: number; deletedAt: number | null }): number {
  return Math.max(record.updatedAt, record.deletedAt ?? 0);
}
