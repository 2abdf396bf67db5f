import { randomBytes, randomUUID } from 'node:crypto';
import type { Form, FormDefinition } from '../../lib/forms/definition';
import type { Caller } from '../auth';
import type { Pool, PoolClient } from '../db/pool';
import { notFound } from '../errors';

interface FormRow {
  id: string;
  definition: FormDefinition;
  submissions: string;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

const COLUMNS = 'id, definition, submissions, created_at, updated_at, archived_at';

function formOf(row: FormRow): Form {
  return {
    id: row.id,
    definition: row.definition,
    submissions: Number(row.submissions),
    createdAt: row.created_at.getTime(),
    updatedAt: row.updated_at.getTime(),
    archivedAt: row.archived_at?.getTime() ?? null,
  };
}

export async function listForms(pool: Pool, caller: Caller): Promise<Form[]> {
  const { rows } = await pool.query<FormRow>(
    `SELECT ${COLUMNS} FROM forms WHERE team_id = $1 ORDER BY created_at, id`,
    [caller.teamId],
  );
  return rows.map(formOf);
}

export async function insertForm(pool: Pool, caller: Caller, definition: FormDefinition): Promise<Form> {
  const { rows } = await pool.query<FormRow>(
    `INSERT INTO forms (id, team_id, definition, secret, created_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${COLUMNS}`,
    [randomUUID(), caller.teamId, JSON.stringify(definition), randomBytes(32), caller.repId],
  );
  return formOf(rows[0]!);
}

/** A change of definition or archiving; the team filter keeps one team's manager off another's forms. */
export async function updateForm(
  pool: Pool,
  caller: Caller,
  id: string,
  change: { definition: FormDefinition } | { archived: boolean },
): Promise<Form> {
  const { rows } =
    'definition' in change
      ? await pool.query<FormRow>(
          `UPDATE forms SET definition = $3, updated_at = now() WHERE team_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
          [caller.teamId, id, JSON.stringify(change.definition)],
        )
      : await pool.query<FormRow>(
          `UPDATE forms SET archived_at = CASE WHEN $3 THEN coalesce(archived_at, now()) END, updated_at = now()
           WHERE team_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
          [caller.teamId, id, change.archived],
        );
  if (!rows[0]) throw notFound('no such form in this team');
  return formOf(rows[0]);
}

export interface PublicForm {
  id: string;
  teamId: string;
  definition: FormDefinition;
  secret: Buffer;
  submissions: number;
}

/** A live form by its id alone, for the public endpoints; null when there is none or it was archived. */
export async function publicForm(db: Pool | PoolClient, id: string, lock = false): Promise<PublicForm | null> {
  const { rows } = await db.query<{
    id: string;
    team_id: string;
    definition: FormDefinition;
    secret: Buffer;
    submissions: string;
  }>(
    `SELECT id, team_id, definition, secret, submissions FROM forms WHERE id = $1 AND archived_at IS NULL
     ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        teamId: row.team_id,
        definition: row.definition,
        secret: row.secret,
        submissions: Number(row.submissions),
      }
    : null;
}
