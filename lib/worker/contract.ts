import { z } from 'zod';
import { backupContract } from '../backup/contract';
import { formsContract } from '../forms/contract';
import { importContract } from '../import/contract';
import { mergesContract } from '../merges/contract';
import {
  activitySchema,
  activityType,
  companySchema,
  contactSchema,
  customPropertyDefSchema,
  dealSchema,
  epochMs,
  pipelineSchema,
  recordId,
  repSchema,
  requestId,
  settingsSchema,
  sourceSchema,
  taskSchema,
  webmailSnapshot,
} from '../model';
import { inboxSeen } from '../model/inbox-seen';
import { planContract } from '../plan/contract';
import { REMINDER_PRESETS } from '../reminders/presets';
import { reportsContract } from '../reports/contract';
import { reportMailContract } from '../reports/mail-contract';
import type { ContractShape } from '../rpc/define';
import { serviceContract } from '../service/contract';
import { teamContract } from '../team/contract';
import { templatesContract } from '../templates/contract';
import { winLossContract } from '../winloss/contract';
import { dashboardContract } from './contract-records';

/**
 * The one request/response contract between the worker and every other context. Inputs are parsed by the worker on
 * arrival; outputs are parsed by the caller. Record fields in patches are re-validated whole by the store.
 */
const baseKeys = { id: true, createdAt: true, updatedAt: true, deletedAt: true } as const;
const contactPatch = contactSchema.omit(baseKeys).partial();
const companyPatch = companySchema.omit(baseKeys).partial();
const dealPatch = dealSchema.omit({ ...baseKeys, stageChangedAt: true, closedAt: true }).partial();

const contactCard = z.object({
  contact: contactSchema,
  company: companySchema.nullable(),
  source: sourceSchema.nullable(),
  openDeals: z.array(dealSchema),
  recentActivities: z.array(activitySchema),
  nextTask: taskSchema.nullable(),
});
export type ContactCardView = z.infer<typeof contactCard>;

const dueChoice = z.union([z.object({ preset: z.enum(REMINDER_PRESETS) }), z.object({ at: epochMs })]);

const idInput = z.object({ id: recordId });

/** What a sender's signature may fill in a contact's empty fields (lib/webmail/signature.ts). */
const signatureFill = z.object({
  jobTitle: z.string().max(200).nullable(),
  phone: z.string().max(40).nullable(),
  company: z.string().max(200).nullable(),
});

const ok = z.literal(true);

/**
 * How long a thread is on screen before it is logged, unless the rep acts on it sooner: the sidebar's clock asks
 * `thread.log` then (lib/worker/thread-log.ts says why the clock is the sidebar's).
 */
export const LOG_AFTER_MS = 3_000;

export const contract = {
  ping: { input: z.object({}), output: z.object({ version: z.string(), now: epochMs }) },

  // Content script → worker; the sidebar of the same tab reads it back.
  'snapshot.publish': { input: webmailSnapshot, output: ok },
  // Content script → worker: what the lists and the unread feed show (lib/worker/inbox-facts.ts).
  'inbox.seen': { input: inboxSeen, output: ok },
  'snapshot.current': {
    input: z.object({}),
    output: z.object({ tabId: z.number().int().nullable(), snapshot: webmailSnapshot.nullable() }),
  },

  'sidebar.lookup': {
    input: z.object({ emails: z.array(z.string().max(254)).max(500) }),
    output: z.object({ contactIds: z.record(z.string(), recordId.nullable()) }),
  },
  'contact.card': { input: idInput, output: contactCard.nullable() },
  'contact.capture': {
    input: z.object({
      name: z.string().max(300),
      email: z.string().max(254),
      /** The thread it was captured from: its messages are logged on the new contact at once. */
      tabSnapshot: z.boolean(),
    }),
    output: z.object({ contact: contactSchema, created: z.boolean() }),
  },
  /** Fills the contact's empty job title, phone and company from their signature, as the rep accepted it. */
  'contact.fillFromSignature': {
    input: signatureFill.extend({ id: recordId }),
    output: contactSchema,
  },
  'contact.create': {
    input: contactPatch.extend({ name: z.string() }),
    output: contactSchema,
  },
  'contact.update': { input: z.object({ id: recordId, patch: contactPatch }), output: contactSchema },
  'contact.addEmail': { input: z.object({ id: recordId, email: z.string().max(254) }), output: contactSchema },
  'contact.setDeleted': { input: z.object({ id: recordId, deleted: z.boolean() }), output: contactSchema },
  'contact.get': { input: idInput, output: contactSchema.nullable() },

  'company.get': { input: idInput, output: companySchema.nullable() },
  'company.update': { input: z.object({ id: recordId, patch: companyPatch }), output: companySchema },

  'deal.create': {
    input: dealPatch.extend({ title: z.string(), pipelineId: recordId, stageId: recordId }),
    output: dealSchema,
  },
  'deal.update': { input: z.object({ id: recordId, patch: dealPatch }), output: dealSchema },
  'deal.setDeleted': { input: z.object({ id: recordId, deleted: z.boolean() }), output: dealSchema },
  'deals.forPipeline': { input: z.object({ pipelineId: recordId }), output: z.array(dealSchema) },

  'activity.add': {
    input: activitySchema
      .omit(baseKeys)
      .partial()
      .extend({ type: activityType, occurredAt: epochMs, requestId: requestId.optional() }),
    output: activitySchema,
  },
  'activities.forContact': {
    input: z.object({ contactId: recordId, limit: z.number().int().min(1).max(500).optional() }),
    output: z.array(activitySchema),
  },

  'task.followUp': {
    input: z.object({
      title: z.string().max(300),
      note: z.string().max(5000).optional(),
      due: dueChoice,
      contactId: recordId.nullable().optional(),
      dealId: recordId.nullable().optional(),
      /** Tie it to the thread open in the sender's tab; with noReply, it cancels itself on a reply. */
      fromOpenThread: z.boolean().optional(),
      noReply: z.boolean().optional(),
      requestId: requestId.optional(),
    }),
    output: taskSchema,
  },
  'task.complete': { input: idInput, output: taskSchema },
  'task.reopen': { input: idInput, output: taskSchema },
  'task.snooze': { input: z.object({ id: recordId, due: dueChoice }), output: taskSchema },
  'tasks.open': { input: z.object({}), output: z.array(taskSchema) },
  'tasks.forThread': { input: z.object({ threadId: z.string().max(100) }), output: z.array(taskSchema) },

  'search.all': {
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }),
    output: z.object({
      contacts: z.array(contactSchema),
      companies: z.array(companySchema),
      deals: z.array(dealSchema),
    }),
  },

  'settings.get': { input: z.object({}), output: settingsSchema },
  'settings.update': { input: settingsSchema.partial(), output: settingsSchema },
  'pipelines.list': { input: z.object({}), output: z.array(pipelineSchema) },
  'pipeline.save': { input: pipelineSchema, output: pipelineSchema },
  'sources.list': { input: z.object({}), output: z.array(sourceSchema) },
  'reps.list': { input: z.object({}), output: z.array(repSchema) },
  'rep.save': { input: repSchema, output: repSchema },
  /** "Which rep is you on this account?": the sender tab's signed-in account joins this rep, or a new rep named so. */
  'rep.claimAccount': {
    input: z.object({ repId: recordId.nullable(), name: z.string().max(120).optional() }),
    output: repSchema,
  },
  'propertyDefs.list': { input: z.object({}), output: z.array(customPropertyDefSchema) },
  'propertyDef.save': { input: customPropertyDefSchema, output: customPropertyDefSchema },

  'thread.prefs': {
    input: z.object({ threadId: z.string().max(100) }),
    output: z.object({ threadId: z.string(), doNotLog: z.boolean() }),
  },
  'thread.setDoNotLog': {
    input: z.object({ threadId: z.string().max(100), doNotLog: z.boolean() }),
    output: z.object({ threadId: z.string(), doNotLog: z.boolean() }),
  },
  /**
   * From the sidebar of the tab showing the thread: it has been on screen long enough for the rep to have said no,
   * so log it (lib/worker/thread-log.ts); nothing when the tab shows another thread by now.
   */
  'thread.log': {
    input: z.object({ threadId: z.string().max(100) }),
    output: z.object({ logged: z.number().int().min(0) }),
  },
  ...dashboardContract,
  ...importContract,
  ...backupContract,
  ...reportsContract,
  ...reportMailContract,
  ...mergesContract,
  ...teamContract,
  ...formsContract,
  ...serviceContract,
  ...templatesContract,
  ...winLossContract,
  ...planContract,
} satisfies ContractShape;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

/** What a content script may ask: it runs on a page we do not control, so it can only hand over what it sees. */
export const CONTENT_SCRIPT_METHODS: ReadonlySet<Method> = new Set<Method>(['snapshot.publish', 'inbox.seen']);

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
