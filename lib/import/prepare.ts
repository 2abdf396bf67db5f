import type { z } from 'zod';
import { newActivity } from '../db/activities';
import { StoreError, validate } from '../db/errors';
import { rowFor, stripRow } from '../db/rows';
import type { ActivityRow, CompanyRow, ContactRow, DealRow, ImportRecord } from '../db/schema';
import type { Company, Contact, Deal, Pipeline, Rep, Source } from '../model';
import {
  activitySchema,
  companySchema,
  contactSchema,
  dealSchema,
  newRecordBase,
  normaliseDomain,
  normaliseEmail,
  sourceSchema,
} from '../model';
import type { ImportDraft, ImportRowInput } from './draft';
import { createdByImport, importRowId, targetId } from './row-ids';

/**
 * The records one batch of import rows makes, built and validated before anything is written: a pure function of
 * the rows and of what the batch read from the store beforehand (BatchContext), so no await but IndexedDB's falls
 * inside the batch's transaction.
 */
export interface BatchContext {
  /** Stored records the batch updates (or whose ids it may reuse), by id. */
  targets: Map<string, ContactRow | CompanyRow | DealRow | undefined>;
  companyNames: Map<string, string>;
  /** Normalised address → id of the live contact holding it. */
  emailOwners: Map<string, string>;
  sources: Source[];
  reps: Rep[];
  pipelines: Map<string, Pipeline>;
}

export interface Prepared {
  puts: { row: ContactRow | CompanyRow | DealRow; isNew: boolean }[];
  activities: ActivityRow[];
  sources: Source[];
  createdIds: string[];
  previous: Array<ContactRow | CompanyRow | DealRow>;
  /** updatedAt of each updated stored record when read: the write checks nobody changed it meanwhile. */
  expected: Map<string, number>;
  created: number;
  updated: number;
}

export interface RowRejection {
  row: number;
  reason: string;
}

/** A batch refused before anything was written: every row at fault, with the reason. */
export class ImportBatchError extends StoreError {
  constructor(readonly rows: RowRejection[]) {
    super('invalid', rows.map((r) => `row ${r.row}: ${r.reason}`).join('; '));
    this.name = 'ImportBatchError';
  }
}

const STORE_OF: Record<ImportDraft['entity'], ImportRecord['entity']> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
};

const looseName = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

function checked<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; reason: string } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  return { ok: false, reason: `${path ? `${path}: ` : ''}${issue?.message ?? 'is not valid'}` };
}

/** Builds and validates every record of the batch (synchronously), or throws ImportBatchError. */
export function prepare(
  importId: string,
  rows: readonly ImportRowInput[],
  context: BatchContext,
  now: number,
): Prepared {
  const out: Prepared = {
    puts: [],
    activities: [],
    sources: [],
    createdIds: [],
    previous: [],
    expected: new Map(),
    created: 0,
    updated: 0,
  };
  const errors: RowRejection[] = [];
  /** Records written earlier in this batch, by id: a later row updates the newest version. */
  const pending = new Map<string, { record: Contact | Company | Deal; index: number }>();
  /** Address → [id, row] claimed earlier in this batch. */
  const claimed = new Map<string, { id: string; row: number }>();
  const sourceByName = new Map<string, string>();
  let sourceOrder = 0;
  for (const source of context.sources) {
    sourceByName.set(looseName(source.name), source.id);
    if (source.key) sourceByName.set(looseName(source.key), source.id);
    sourceOrder = Math.max(sourceOrder, source.order + 1);
  }

  const ownerId = (name: string | null): string | null => {
    if (!name) return null;
    const wanted = looseName(name);
    const rep = context.reps.find(
      (r) =>
        normaliseEmail(r.email) === normaliseEmail(name) ||
        r.accountEmails.some((a) => normaliseEmail(a) === normaliseEmail(name)) ||
        looseName(r.name) === wanted,
    );
    // A rep the profile does not know leaves the owner empty; the preview says so before the import.
    return rep?.id ?? null;
  };
  const sourceId = (name: string | null): string | null => {
    if (!name) return null;
    const known = sourceByName.get(looseName(name));
    if (known) return known;
    const source = validate(
      sourceSchema,
      { ...newRecordBase(now), name: name.trim(), key: null, order: sourceOrder++ },
      'Source',
    );
    out.sources.push(source);
    sourceByName.set(looseName(name), source.id);
    return source.id;
  };
  const current = (id: string): Contact | Company | Deal | null => {
    const mine = pending.get(id);
    if (mine) return mine.record;
    const stored = context.targets.get(id);
    return stored && stored.deletedAt === null ? (stripRow(stored) as Contact | Company | Deal) : null;
  };

  for (const row of rows) {
    const draft = row.draft;
    const provided = new Set(draft.provided);
    const isNew = row.action === 'new';
    const id = isNew ? importRowId(importId, row.row) : row.target ? targetId(importId, row.target) : '';
    const before = isNew ? null : current(id);
    if (!isNew && !before) {
      errors.push({
        row: row.row,
        reason:
          row.target?.kind === 'row'
            ? `the record of row ${row.target.row}, which this row updates, was not imported`
            : 'the record this row updates no longer exists',
      });
      continue;
    }
    let result: { ok: true; value: Contact | Company | Deal } | { ok: false; reason: string };
    let companyName = '';

    if (draft.entity === 'contact') {
      const old = before as Contact | null;
      const known = new Set((old?.emails ?? []).map((e) => normaliseEmail(e.address)));
      const added = draft.emails.filter((e) => !known.has(normaliseEmail(e.address)));
      const taken = added
        .map((e) => normaliseEmail(e.address))
        .map((email) => {
          const owner = context.emailOwners.get(email);
          const inBatch = claimed.get(email);
          // One contact per address (the store's unique index): a second one would abort the whole batch.
          if (owner && owner !== id) return `${email} already belongs to another contact`;
          if (inBatch && inBatch.id !== id) return `${email} is also in row ${inBatch.row}`;
          return null;
        })
        .find((reason) => reason !== null);
      if (taken) {
        errors.push({ row: row.row, reason: taken });
        continue;
      }
      const knownPhones = new Set((old?.phones ?? []).map((p) => p.number));
      const has = (target: string) => isNew || provided.has(target);
      const companyId =
        row.companyId !== null && (isNew || provided.has('company') || old?.companyId == null)
          ? row.companyId
          : (old?.companyId ?? null);
      const next = {
        ...(old ?? { ...newRecordBase(now, id), mergedInto: null, lastContactedAt: null, custom: {} }),
        name:
          old && !(provided.has('name') || provided.has('firstName') || provided.has('lastName'))
            ? old.name
            : draft.name,
        emails: [...(old?.emails ?? []), ...added.map((e) => ({ address: e.address }))],
        phones: [...(old?.phones ?? []), ...draft.phones.filter((p) => !knownPhones.has(p.number))],
        jobTitle: has('jobTitle') ? draft.jobTitle : (old?.jobTitle ?? ''),
        companyId,
        lifecycle: has('lifecycle') ? draft.lifecycle : (old?.lifecycle ?? 'lead'),
        sourceId: has('source') ? sourceId(draft.sourceName) : (old?.sourceId ?? null),
        ownerId: has('owner') ? ownerId(draft.ownerName) : (old?.ownerId ?? null),
        custom: { ...(old?.custom ?? {}), ...draft.custom },
        updatedAt: now,
      };
      result = checked(contactSchema, next);
      companyName = companyId ? (context.companyNames.get(companyId) ?? '') : '';
      if (result.ok) {
        for (const e of added) claimed.set(normaliseEmail(e.address), { id, row: row.row });
        if (draft.notes.trim() !== '') {
          const note = checked(
            activitySchema,
            newActivity({ type: 'note', occurredAt: now, contactId: id, companyId, body: draft.notes }, now),
          );
          if (!note.ok) {
            errors.push({ row: row.row, reason: `notes: ${note.reason}` });
            continue;
          }
          out.activities.push(note.value);
          out.createdIds.push(note.value.id);
        }
      }
    } else if (draft.entity === 'company') {
      const old = before as Company | null;
      const has = (target: string) => isNew || provided.has(target);
      const domains = [...(old?.domains ?? [])];
      for (const domain of draft.domains) if (!domains.includes(normaliseDomain(domain))) domains.push(domain);
      result = checked(companySchema, {
        ...(old ?? { ...newRecordBase(now, id), custom: {} }),
        name: has('name') ? draft.name : (old?.name ?? draft.name),
        domains,
        phone: has('phone') ? draft.phone : (old?.phone ?? ''),
        address: has('address') ? draft.address : (old?.address ?? ''),
        ownerId: has('owner') ? ownerId(draft.ownerName) : (old?.ownerId ?? null),
        custom: { ...(old?.custom ?? {}), ...draft.custom },
        updatedAt: now,
      });
    } else {
      // A deal is updated only through its ID (our export's): it has no natural key.
      const old = before as Deal | null;
      const has = (target: string) => isNew || provided.has(target);
      const moved = has('pipeline') || has('stage');
      const pipelineId = moved ? draft.pipelineId : (old?.pipelineId ?? draft.pipelineId);
      const stageId = moved ? draft.stageId : (old?.stageId ?? draft.stageId);
      if (!context.pipelines.get(pipelineId)?.stages.some((s) => s.id === stageId)) {
        errors.push({ row: row.row, reason: 'its pipeline or stage no longer exists' });
        continue;
      }
      const status = has('status') ? draft.status : (old?.status ?? draft.status);
      const named = draft.contactEmails
        .map((e) => context.emailOwners.get(normaliseEmail(e)))
        .filter((c): c is string => c !== undefined);
      const companyId = has('company') ? row.companyId : (old?.companyId ?? null);
      result = checked(dealSchema, {
        ...(old ?? {
          ...newRecordBase(now, id),
          lostReason: '',
          probabilityOverride: null,
          threadId: null,
          stageChangedAt: now,
          custom: {},
        }),
        title: has('title') ? draft.title : (old?.title ?? draft.title),
        value: has('amount') || has('currency') ? draft.value : (old?.value ?? draft.value),
        pipelineId,
        stageId,
        status,
        expectedCloseAt: has('expectedClose') ? draft.expectedCloseAt : (old?.expectedCloseAt ?? null),
        closedAt: status === 'open' ? null : old?.status === status ? old.closedAt : now,
        contactIds: [...new Set([...(old?.contactIds ?? []), ...named])],
        companyId,
        ownerId: has('owner') ? ownerId(draft.ownerName) : (old?.ownerId ?? null),
        stageChangedAt: old && old.stageId !== stageId ? now : (old?.stageChangedAt ?? now),
        custom: { ...(old?.custom ?? {}), ...draft.custom },
        updatedAt: now,
      } satisfies Deal);
      companyName = companyId ? (context.companyNames.get(companyId) ?? '') : '';
    }

    if (!result.ok) {
      errors.push({ row: row.row, reason: result.reason });
      continue;
    }
    const record = result.value;
    const stored = rowFor(STORE_OF[draft.entity], record, companyName);
    const earlier = pending.get(id);
    if (earlier) {
      // Updated twice in one batch: one write of the newest version, and `previous` keeps the first one read.
      const slot = out.puts[earlier.index];
      if (slot) slot.row = stored;
    } else {
      pending.set(id, { record, index: out.puts.length });
      out.puts.push({ row: stored, isNew });
      const original = context.targets.get(id);
      if (isNew) out.createdIds.push(id);
      else if (original && !createdByImport(importId, id)) {
        out.previous.push(original);
        out.expected.set(id, original.updatedAt);
      }
    }
    if (isNew) out.created++;
    else out.updated++;
  }
  if (errors.length > 0) throw new ImportBatchError(errors);
  return out;
}
