import { z } from 'zod';
import {
  activitySchema,
  companySchema,
  customPropertyDefSchema,
  dealStatus,
  epochMs,
  lifecycleStage,
  pipelineSchema,
  recordId,
  requestId,
  sourceSchema,
  taskSchema,
} from '../model';
import type { ContractShape } from '../rpc/define';

/** Methods the dashboard needs beyond the sidebar's: owned with lib/worker/handlers-records.ts. */
const entity = z.enum(['contacts', 'companies', 'deals']);
const ids = z.array(recordId).min(1).max(1000);
const companyLinks = z.object({
  companyId: recordId,
  contactIds: z.array(recordId).max(100_000),
  dealIds: z.array(recordId).max(100_000),
});
const companyPatch = companySchema.omit({ id: true, createdAt: true, updatedAt: true, deletedAt: true }).partial();

export const dashboardContract = {
  /** One transaction: every selected record gets the patch, or none does. */
  'records.bulkUpdate': {
    input: z.object({
      entity,
      ids,
      patch: z
        .object({
          ownerId: recordId.nullable().optional(),
          lifecycle: lifecycleStage.optional(),
          pipelineId: recordId.optional(),
          stageId: recordId.optional(),
          status: dealStatus.optional(),
        })
        .refine((p) => Object.values(p).some((v) => v !== undefined), { error: 'has nothing to change' }),
    }),
    output: z.object({ updated: z.number().int() }),
  },
  /**
   * Tombstones (deleted: true) or restores records in one transaction. Deleting companies unlinks their contacts
   * and deals and answers the links; pass them back when restoring to re-link.
   */
  'records.setDeleted': {
    input: z.object({
      entity,
      ids,
      deleted: z.boolean(),
      links: z.array(companyLinks).max(1000).optional(),
    }),
    output: z.object({ ids: z.array(recordId), links: z.array(companyLinks) }),
  },
  'company.create': { input: companyPatch.extend({ name: z.string() }), output: companySchema },
  'pipeline.delete': { input: z.object({ id: recordId }), output: pipelineSchema },
  /** Moves every deal out of a stage, so the stage can be removed. */
  'pipeline.moveStageDeals': {
    input: z.object({ pipelineId: recordId, fromStageId: recordId, toStageId: recordId }),
    output: z.object({ moved: z.number().int() }),
  },
  /** A tombstone: values stay on the records. */
  'propertyDef.delete': { input: z.object({ id: recordId }), output: customPropertyDefSchema },
  'source.save': { input: sourceSchema, output: sourceSchema },
  'task.create': {
    input: z.object({
      title: z.string().max(300),
      note: z.string().max(5000).optional(),
      dueAt: epochMs,
      contactId: recordId.nullable().optional(),
      dealId: recordId.nullable().optional(),
      companyId: recordId.nullable().optional(),
      ownerId: recordId.nullable().optional(),
      requestId: requestId.optional(),
    }),
    output: taskSchema,
  },
  'task.reschedule': { input: z.object({ id: recordId, dueAt: epochMs }), output: taskSchema },
  'activity.setDeleted': { input: z.object({ id: recordId, deleted: z.boolean() }), output: activitySchema },
} satisfies ContractShape;
