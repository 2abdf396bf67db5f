import type pg from 'pg';
import { stripRow } from '../../../lib/db/rows';
import { defaultPipeline } from '../../../lib/model';
import type { FieldWrite } from '../../../lib/sync/merge';
import type { SyncEntity } from '../../../lib/sync/protocol';
import { benchId, KIND } from '../page/data';
import { buildRows, contactRecordAt, type SeedIds, type SeedShape } from '../page/seed';

/**
 * The team's CRM as the service holds it after a year of use: the bench's deterministic people, companies, deals
 * and activities (test/bench/page/data.ts), each field stamped by the manager's first device, written straight into
 * PostgreSQL's records table (the feed a new device pulls). Writing them through /v1/push would only slow the setup.
 */
const BASE = Date.UTC(2025, 0, 1);
/** The device whose clock stamped the seeded writes (a stamp must name one). */
export const SEED_DEVICE = 'benchseed';

export interface SeedRecord {
  entity: SyncEntity;
  id: string;
  record: { id: string } & Record<string, unknown>;
}

/** The seed's people point at the bench's companies and contacts by index; nobody was imported. */
export const BENCH_IDS: SeedIds = {
  contact: (index) => benchId(KIND.contact, index),
  importedCompany: () => undefined,
};

/** Every record of the shape, companies first, in chunks the caller writes as they come. */
export function* seedRecords(shape: SeedShape, chunk = 2000): Generator<SeedRecord[]> {
  const pipeline = defaultPipeline(BASE);
  yield [{ entity: 'pipelines', id: pipeline.id, record: pipeline }];
  // The seed's own records and row builders (rows stripped back to records): the data of `npm run bench`.
  for (const kind of ['companies', 'contacts', 'deals', 'activities'] as const) {
    for (let start = 0; start < shape[kind]; start += chunk) {
      const count = Math.min(chunk, shape[kind] - start);
      const records =
        kind === 'contacts'
          ? Array.from({ length: count }, (_, i) => contactRecordAt(start + i))
          : buildRows(kind, start, count, shape, pipeline, BENCH_IDS).map((row) => stripRow(row));
      yield records.map((record) => ({ entity: kind, id: record.id, record: record as SeedRecord['record'] }));
    }
  }
}

/** A record's fields as the service stores them: each its value, stamp, base and writer. */
export function fieldsOf(record: SeedRecord['record'], hlc: string, by: string): Record<string, FieldWrite> {
  const fields: Record<string, FieldWrite> = {};
  for (const [name, value] of Object.entries(record)) {
    if (name !== 'id') fields[name] = { value: value as FieldWrite['value'], hlc, base: null, by };
  }
  return fields;
}

/** Writes the whole shape into `teamId`'s records, one version per row, and moves the team's version past them. */
export async function seedTeam(pool: pg.Pool, teamId: string, repId: string, shape: SeedShape): Promise<number> {
  let version = 0;
  for (const chunk of seedRecords(shape)) {
    const rows = chunk.map((r) => {
      const hlc = `${String(BASE + version).padStart(13, '0')}-000000-${SEED_DEVICE}`;
      return { entity: r.entity, id: r.id, fields: fieldsOf(r.record, hlc, repId), version: ++version };
    });
    await pool.query(
      `INSERT INTO records (team_id, entity, id, fields, conflicts, version, updated_by)
       SELECT $1, r.entity, r.id, r.fields, '[]', r.version, $3
       FROM jsonb_to_recordset($2::jsonb) AS r(entity text, id uuid, fields jsonb, version bigint)`,
      [teamId, JSON.stringify(rows), repId],
    );
  }
  await pool.query('UPDATE teams SET version = $2 WHERE id = $1', [teamId, version]);
  return version;
}
