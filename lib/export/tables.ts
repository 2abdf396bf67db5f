import type { Activity } from '../model/activity';
import type { Company } from '../model/company';
import type { Contact } from '../model/contact';
import type { CustomPropertyDef } from '../model/custom-property';
import type { Deal } from '../model/deal';
import { minorUnitDigits } from '../model/money';
import type { Pipeline } from '../model/pipeline';
import type { Rep } from '../model/rep';
import type { Source } from '../model/source';
import type { Task } from '../model/task';
import { toWallClock } from '../time/zoned';

export interface CsvTable {
  headers: string[];
  rows: string[][];
}

/** Names for ids: exports show a company's name and a rep's email, not UUIDs nobody can read. */
export interface ExportContext {
  companiesById: ReadonlyMap<string, Company>;
  contactsById: ReadonlyMap<string, Contact>;
  dealsById: ReadonlyMap<string, Deal>;
  pipelinesById: ReadonlyMap<string, Pipeline>;
  sourcesById: ReadonlyMap<string, Source>;
  repsById: ReadonlyMap<string, Rep>;
  propertyDefs: readonly CustomPropertyDef[];
  /** Times are written as the rep's wall clock, "2025-03-04 14:30", which spreadsheets read as a date-time. */
  timeZone: string;
}

export function indexById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

/** Header of a custom property column; lib/import/mapping maps it back to the same property. */
export function customColumn(key: string): string {
  return `custom:${key}`;
}

function liveDefsOf(entity: CustomPropertyDef['entity'], context: ExportContext): CustomPropertyDef[] {
  return context.propertyDefs
    .filter((def) => def.entity === entity && def.deletedAt === null)
    .sort((a, b) => a.order - b.order);
}

function customCells(defs: readonly CustomPropertyDef[], values: Record<string, unknown>): string[] {
  return defs.map((def) => {
    const value = values[def.key];
    return value === null || value === undefined ? '' : String(value);
  });
}

/** Integer minor units → "1250.50" / "4100000", exact for every safe integer (no floating-point division). */
export function formatMajorUnits(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function formatDate(epoch: number | null, timeZone: string): string {
  if (epoch === null) return '';
  const wall = toWallClock(epoch, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

export function formatDateTime(epoch: number | null, timeZone: string): string {
  if (epoch === null) return '';
  const wall = toWallClock(epoch, timeZone);
  return `${formatDate(epoch, timeZone)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

const join = (values: readonly string[]) => values.join('; ');

export function contactsTable(contacts: readonly Contact[], context: ExportContext): CsvTable {
  const defs = liveDefsOf('contact', context);
  const headers = [
    'ID',
    'Name',
    'Email',
    'Email 2',
    'Phone',
    'Job Title',
    'Company',
    'Lifecycle Stage',
    'Source',
    'Owner',
    ...defs.map((def) => customColumn(def.key)),
    'Created At',
    'Updated At',
  ];
  const rows = contacts.map((contact) => [
    contact.id,
    contact.name,
    contact.emails[0]?.address ?? '',
    // Import splits a cell on ";", so a third and later address ride along in the second column.
    join(contact.emails.slice(1).map((email) => email.address)),
    join(contact.phones.map((phone) => phone.number)),
    contact.jobTitle,
    nameOf(context.companiesById, contact.companyId),
    contact.lifecycle,
    nameOf(context.sourcesById, contact.sourceId),
    repOf(context, contact.ownerId),
    ...customCells(defs, contact.custom),
    formatDateTime(contact.createdAt, context.timeZone),
    formatDateTime(contact.updatedAt, context.timeZone),
  ]);
  return { headers, rows };
}

export function companiesTable(companies: readonly Company[], context: ExportContext): CsvTable {
  const defs = liveDefsOf('company', context);
  const headers = [
    'ID',
    'Name',
    'Domain',
    'Phone',
    'Address',
    'Owner',
    ...defs.map((def) => customColumn(def.key)),
    'Created At',
    'Updated At',
  ];
  const rows = companies.map((company) => [
    company.id,
    company.name,
    join(company.domains),
    company.phone,
    company.address,
    repOf(context, company.ownerId),
    ...customCells(defs, company.custom),
    formatDateTime(company.createdAt, context.timeZone),
    formatDateTime(company.updatedAt, context.timeZone),
  ]);
  return { headers, rows };
}

export function dealsTable(deals: readonly Deal[], context: ExportContext): CsvTable {
  const defs = liveDefsOf('deal', context);
  const headers = [
    'ID',
    'Title',
    'Amount',
    'Currency',
    'Pipeline',
    'Stage',
    'Status',
    'Expected Close',
    'Company',
    'Contact Email',
    'Owner',
    ...defs.map((def) => customColumn(def.key)),
    'Lost Reason',
    'Closed At',
    'Created At',
    'Updated At',
  ];
  const rows = deals.map((deal) => {
    const pipeline = context.pipelinesById.get(deal.pipelineId);
    return [
      deal.id,
      deal.title,
      formatMajorUnits(deal.value.amount, deal.value.currency),
      deal.value.currency,
      pipeline?.name ?? '',
      pipeline?.stages.find((stage) => stage.id === deal.stageId)?.name ?? '',
      deal.status,
      formatDate(deal.expectedCloseAt, context.timeZone),
      nameOf(context.companiesById, deal.companyId),
      join(deal.contactIds.map((id) => context.contactsById.get(id)?.emails[0]?.address ?? '').filter(Boolean)),
      repOf(context, deal.ownerId),
      ...customCells(defs, deal.custom),
      deal.lostReason,
      formatDateTime(deal.closedAt, context.timeZone),
      formatDateTime(deal.createdAt, context.timeZone),
      formatDateTime(deal.updatedAt, context.timeZone),
    ];
  });
  return { headers, rows };
}

export function activitiesTable(activities: readonly Activity[], context: ExportContext): CsvTable {
  const headers = [
    'ID',
    'Type',
    'Occurred At',
    'Contact',
    'Contact Email',
    'Company',
    'Deal',
    'Subject',
    'Body',
    'Direction',
    'Outcome',
    'Duration (min)',
    'Owner',
  ];
  const rows = activities.map((activity) => {
    const contact = activity.contactId ? context.contactsById.get(activity.contactId) : undefined;
    return [
      activity.id,
      activity.type,
      formatDateTime(activity.occurredAt, context.timeZone),
      contact?.name ?? '',
      contact?.emails[0]?.address ?? '',
      nameOf(context.companiesById, activity.companyId),
      titleOf(context.dealsById, activity.dealId),
      activity.subject,
      activity.body,
      activity.direction ?? '',
      activity.outcome,
      activity.durationMinutes === null ? '' : String(activity.durationMinutes),
      repOf(context, activity.repId),
    ];
  });
  return { headers, rows };
}

export function tasksTable(tasks: readonly Task[], context: ExportContext): CsvTable {
  const headers = [
    'ID',
    'Title',
    'Note',
    'Kind',
    'Status',
    'Due At',
    'Contact',
    'Contact Email',
    'Deal',
    'Company',
    'Owner',
    'Completed At',
  ];
  const rows = tasks.map((task) => {
    const contact = task.contactId ? context.contactsById.get(task.contactId) : undefined;
    return [
      task.id,
      task.title,
      task.note,
      task.kind,
      task.status,
      formatDateTime(task.dueAt, context.timeZone),
      contact?.name ?? '',
      contact?.emails[0]?.address ?? '',
      titleOf(context.dealsById, task.dealId),
      nameOf(context.companiesById, task.companyId),
      repOf(context, task.ownerId),
      formatDateTime(task.completedAt, context.timeZone),
    ];
  });
  return { headers, rows };
}

function nameOf(records: ReadonlyMap<string, { name: string }>, id: string | null): string {
  return id === null ? '' : (records.get(id)?.name ?? '');
}

function titleOf(records: ReadonlyMap<string, { title: string }>, id: string | null): string {
  return id === null ? '' : (records.get(id)?.title ?? '');
}

/** Reps by email: names can repeat, and import resolves an owner by name or email. */
function repOf(context: ExportContext, id: string | null): string {
  return id === null ? '' : (context.repsById.get(id)?.email ?? '');
}
