import { z } from 'zod';
import type { FormDefinition, FormField } from '../../lib/forms/definition';
import {
  type Activity,
  activitySchema,
  type Company,
  type Contact,
  companySchema,
  contactSchema,
  newRecordBase,
  normaliseEmail,
  type Rep,
  repSchema,
  type Source,
  sourceSchema,
  type Task,
  taskSchema,
} from '../../lib/model';
import { type Clock, format, newClock, tick } from '../../lib/sync/hlc';
import type { FieldWrite } from '../../lib/sync/merge';
import type { SyncEntity } from '../../lib/sync/protocol';
import type { PoolClient } from '../db/pool';
import { writeRecords } from '../sync/write-records';

/**
 * The service writes a form's lead as a device of its own would: whole records with field stamps of its own clock,
 * each at the next team version, so reps' browsers get them through the ordinary pull and merge them like a
 * teammate's. Its device id has an underscore and letters no joined device's (20 hex digits) can have.
 */
export const SERVICE_DEVICE = 'service_forms';
let clock: Clock = newClock(SERVICE_DEVICE);

export interface LeadInput {
  teamId: string;
  form: FormDefinition;
  values: ReadonlyMap<FormField, string>;
  page: string;
  /** The form's submissions before this one: whose turn it is when owners rotate. */
  turn: number;
  now: number;
}

export interface LeadResult {
  contactId: string;
  created: boolean;
  taskId: string;
  activityId: string;
  version: number;
}

type Written = { entity: SyncEntity; id: string; record: Record<string, unknown> };

/** Runs inside the caller's transaction, after it locked the team's row: the versions it takes are the next ones. */
export async function writeLead(client: PoolClient, input: LeadInput, version: number): Promise<LeadResult> {
  const { teamId, form, now } = input;
  const value = (target: FormField['target']) =>
    [...input.values].find(([field]) => field.target === target)?.[1] ?? '';
  const email = value('email');
  const written: Written[] = [];
  const write = (entity: SyncEntity, record: { id: string }) => {
    written.push({ entity, id: record.id, record });
  };

  const known = await findContact(client, teamId, email);
  const owner = await ownerRep(client, teamId, form, input.turn, now, write);
  let contactId: string;
  let companyId: string | null;
  let taskOwner: string | null;
  if (known) {
    contactId = known.id;
    companyId = known.companyId;
    // The person already has a rep: the follow-up is theirs, not the next in the rotation's.
    taskOwner = known.ownerId ?? owner;
  } else {
    companyId = value('company') ? await company(client, teamId, value('company'), now, write) : null;
    const custom = Object.fromEntries(
      [...input.values].filter(([field]) => field.target === 'custom').map(([field, text]) => [field.property, text]),
    );
    const contact: Contact = build(
      contactSchema,
      {
        name: value('name') || email.split('@')[0]!,
        lifecycle: 'lead',
        emails: [{ address: email }],
        phones: value('phone') ? [{ number: value('phone') }] : [],
        jobTitle: value('jobTitle'),
        companyId,
        sourceId: await source(client, teamId, form.sourceId, now, write),
        ownerId: owner,
        custom,
      },
      now,
    );
    write('contacts', contact);
    contactId = contact.id;
    taskOwner = owner;
  }
  const name = value('name') || email;
  const activity: Activity = build(
    activitySchema,
    {
      type: 'note',
      occurredAt: now,
      contactId,
      companyId,
      subject: form.name,
      body: [input.page, '', ...[...input.values].map(([field, text]) => `${field.label.en}: ${text}`)].join('\n'),
      direction: 'inbound',
    },
    now,
  );
  write('activities', activity);
  const task: Task = build(
    taskSchema,
    {
      title: `${form.name}: ${name}`.slice(0, 300),
      note: [input.page, value('message')].filter(Boolean).join('\n\n').slice(0, 5000),
      kind: 'follow-up',
      status: 'open',
      history: [{ at: now, event: 'created', detail: form.name }],
      dueAt: now + form.followUpHours * 3_600_000,
      contactId,
      companyId,
      ownerId: taskOwner,
    },
    now,
  );
  write('tasks', task);

  const rows = written.map(({ entity, id, record }) => ({ entity, id, fields: stamped(record, now) }));
  const last = await writeRecords(client, teamId, rows, version, null);
  return { contactId, created: !known, taskId: task.id, activityId: activity.id, version: last };
}

const base = (now: number) => newRecordBase(now);

/**
 * A new record of `schema` from the values given: every other field empty ('' for text, [] for lists, {} for maps,
 * null where the model allows it), the rest left to the schema's defaults, then checked whole by the schema.
 */
function build<S extends z.ZodObject>(schema: S, values: Record<string, unknown>, now: number): z.infer<S> {
  const empty: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (field instanceof z.ZodNullable) empty[name] = null;
    else if (field instanceof z.ZodString) empty[name] = '';
    else if (field instanceof z.ZodArray) empty[name] = [];
    else if (field instanceof z.ZodRecord) empty[name] = {};
  }
  return schema.parse({ ...empty, ...base(now), ...values });
}

/** Every field of a new record, stamped once with the service's clock (the id names the record and is no field). */
function stamped(record: Record<string, unknown>, now: number): Record<string, FieldWrite> {
  clock = tick(clock, now);
  const hlc = format(clock);
  const fields: Record<string, FieldWrite> = {};
  for (const [name, value] of Object.entries(record)) {
    if (name !== 'id') fields[name] = { value: value as FieldWrite['value'], hlc, base: null, by: null };
  }
  return fields;
}

const LIVE = `(r.fields->'deletedAt'->'value') = 'null'::jsonb`;

async function findContact(
  client: PoolClient,
  teamId: string,
  email: string,
): Promise<{ id: string; ownerId: string | null; companyId: string | null } | null> {
  const { rows } = await client.query<{ id: string; owner_id: string | null; company_id: string | null }>(
    `SELECT r.id, r.fields->'ownerId'->>'value' AS owner_id, r.fields->'companyId'->>'value' AS company_id
     FROM records r
     WHERE r.team_id = $1 AND r.entity = 'contacts' AND ${LIVE}
       AND coalesce(r.fields->'mergedInto'->'value', 'null'::jsonb) = 'null'::jsonb
       AND jsonb_typeof(r.fields->'emails'->'value') = 'array'
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(r.fields->'emails'->'value') e
                   WHERE lower(btrim(e->>'address')) = $2)
     ORDER BY r.version LIMIT 1`,
    [teamId, normaliseEmail(email)],
  );
  const row = rows[0];
  return row ? { id: row.id, ownerId: row.owner_id, companyId: row.company_id } : null;
}

/**
 * The synced Rep record of the rep whose turn it is. Reps are team members on the service and records in the CRM;
 * they meet by address. A member whose browser has not sent their Rep record yet gets one with their member id.
 */
async function ownerRep(
  client: PoolClient,
  teamId: string,
  form: FormDefinition,
  turn: number,
  now: number,
  write: (entity: SyncEntity, record: { id: string }) => void,
): Promise<string | null> {
  const ids = form.owner.rule === 'rep' ? [form.owner.repId] : form.owner.repIds;
  const chosen = ids[turn % ids.length]!;
  // A rep since removed from the team hands the lead to a manager rather than to nobody.
  const { rows } = await client.query<{ id: string; name: string; email: string }>(
    `SELECT id, name, email FROM reps WHERE team_id = $1 AND (id = $2 OR role = 'manager')
     ORDER BY (id = $2) DESC, created_at LIMIT 1`,
    [teamId, chosen],
  );
  const member = rows[0];
  if (!member) return null;
  const found = await client.query<{ id: string }>(
    `SELECT r.id FROM records r WHERE r.team_id = $1 AND r.entity = 'reps' AND ${LIVE}
       AND lower(btrim(r.fields->'email'->>'value')) = $2 ORDER BY r.version LIMIT 1`,
    [teamId, normaliseEmail(member.email)],
  );
  if (found.rows[0]) return found.rows[0].id;
  const rep: Rep = repSchema.parse({
    ...base(now),
    id: member.id,
    name: member.name,
    email: member.email,
    accountEmails: [normaliseEmail(member.email)],
  });
  write('reps', rep);
  return rep.id;
}

/** The form's Source, else the team's built-in "Website form" (made when no browser has sent one yet). */
async function source(
  client: PoolClient,
  teamId: string,
  sourceId: string | null,
  now: number,
  write: (entity: SyncEntity, record: { id: string }) => void,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT r.id FROM records r WHERE r.team_id = $1 AND r.entity = 'sources' AND ${LIVE}
       AND (r.id = $2 OR r.fields->'key'->>'value' = 'website-form')
     ORDER BY (r.id = $2) DESC, r.version LIMIT 1`,
    [teamId, sourceId ?? '00000000-0000-0000-0000-000000000000'],
  );
  if (rows[0]) return rows[0].id;
  const made: Source = sourceSchema.parse({ ...base(now), name: 'Website form', key: 'website-form', order: 1 });
  write('sources', made);
  return made.id;
}

/** The Company of that name (as reps wrote it, case aside), else a new one. */
async function company(
  client: PoolClient,
  teamId: string,
  name: string,
  now: number,
  write: (entity: SyncEntity, record: { id: string }) => void,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT r.id FROM records r WHERE r.team_id = $1 AND r.entity = 'companies' AND ${LIVE}
       AND lower(btrim(r.fields->'name'->>'value')) = lower($2) ORDER BY r.version LIMIT 1`,
    [teamId, name.trim()],
  );
  if (rows[0]) return rows[0].id;
  const made: Company = build(companySchema, { name: name.slice(0, 200) }, now);
  write('companies', made);
  return made.id;
}
