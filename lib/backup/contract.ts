import { z } from 'zod';
import {
  activitySchema,
  closeReasonSchema,
  companySchema,
  competitorSchema,
  contactSchema,
  customPropertyDefSchema,
  dealSchema,
  pipelineSchema,
  planBudgetLineSchema,
  planOwnerSchema,
  planSchema,
  planTargetSchema,
  repSchema,
  serviceThreadSchema,
  settingsSchema,
  sourceSchema,
  taskSchema,
  templateSchema,
  threadKindSchema,
} from '../model';
import type { ContractShape } from '../rpc/define';

/**
 * Restoring a backup: owned with lib/backup/handlers.ts. A backup download reads the store from the page; a restore
 * of 100k contacts is far larger than one RPC message (the router refuses messages over 8 MB), so it arrives as
 * backup.replaceConfig (into an empty profile only) and then one backup.put per chunk of records.
 */
const records = <S extends z.ZodType>(schema: S) => z.array(schema).max(5000);
const backupChunk = z.discriminatedUnion('collection', [
  z.object({ collection: z.literal('contacts'), records: records(contactSchema) }),
  z.object({ collection: z.literal('companies'), records: records(companySchema) }),
  z.object({ collection: z.literal('deals'), records: records(dealSchema) }),
  z.object({ collection: z.literal('pipelines'), records: records(pipelineSchema) }),
  z.object({ collection: z.literal('activities'), records: records(activitySchema) }),
  z.object({ collection: z.literal('tasks'), records: records(taskSchema) }),
  z.object({ collection: z.literal('sources'), records: records(sourceSchema) }),
  z.object({ collection: z.literal('reps'), records: records(repSchema) }),
  z.object({ collection: z.literal('propertyDefs'), records: records(customPropertyDefSchema) }),
  z.object({ collection: z.literal('closeReasons'), records: records(closeReasonSchema) }),
  z.object({ collection: z.literal('competitors'), records: records(competitorSchema) }),
  z.object({ collection: z.literal('templates'), records: records(templateSchema) }),
  z.object({ collection: z.literal('threadKinds'), records: records(threadKindSchema) }),
  z.object({ collection: z.literal('serviceThreads'), records: records(serviceThreadSchema) }),
  z.object({ collection: z.literal('plans'), records: records(planSchema) }),
  z.object({ collection: z.literal('planBudgetLines'), records: records(planBudgetLineSchema) }),
  z.object({ collection: z.literal('planOwners'), records: records(planOwnerSchema) }),
  z.object({ collection: z.literal('planTargets'), records: records(planTargetSchema) }),
]);

export const backupContract = {
  /** Restore step one, into an empty profile only: replaces the configuration with the backup's. */
  'backup.replaceConfig': {
    input: z.object({
      settings: settingsSchema,
      pipelines: z.array(pipelineSchema).max(1000),
      sources: z.array(sourceSchema).max(1000),
      reps: z.array(repSchema).max(1000),
      propertyDefs: z.array(customPropertyDefSchema).max(1000),
    }),
    output: z.literal(true),
  },
  /** A chunk of backup records: written as they are ("replace"), or where newer than the current version ("merge"). */
  'backup.put': {
    input: z.object({ mode: z.enum(['replace', 'merge']), chunk: backupChunk }),
    output: z.object({
      written: z.number().int(),
      unchanged: z.number().int(),
      conflicts: z.array(z.object({ id: z.string(), reason: z.string() })),
    }),
  },
} satisfies ContractShape;
