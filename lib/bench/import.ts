import { unwrap } from 'idb';
import { listPipelines } from '../db/config';
import { openCrmDb } from '../db/open';
import type { CompanyRow, ContactRow, CrmDb } from '../db/schema';
import { companyRow, contactRow } from '../db/schema';
import { decodeCsvBytes } from '../import/decode';
import { guessMapping } from '../import/mapping';
import { batches, parseCsv } from '../import/parse';
import { type ExistingRecords, normaliseCompanyName, planImport } from '../import/plan';
import { type ContactDraft, type RowResult, rowToDraft } from '../import/rows';
import { type Company, type Contact, companySchema, contactSchema, newRecordBase, normalizeEmail } from '../model';
import { importCsv } from './data';
import { deleteDatabase, rawBulkPut } from './raw';
import { round } from './stats';

/**
 * A 100k-row contact CSV through the real import path (decode → parse → mapping → rows → plan) and then into the
 * store the way a real import would apply it: look-ups first, then companies, then contacts a batch per
 * transaction, every record validated by its schema. lib/db has no import-applying layer yet, so the apply step
 * lives here; when it lands, call it instead. The baseline writes the very same rows with plain puts.
 */
export interface ImportResults {
  rows: number;
  csvBytes: number;
  applyLayer: string;
  batchSize: number;
  stagesMs: Record<'decode' | 'parse' | 'rows' | 'lookups' | 'plan' | 'companies' | 'contacts', number>;
  totalMs: number;
  rowsPerSec: number;
  created: { contacts: number; companies: number; invalid: number };
  raw: { records: number; ms: number; rowsPerSec: number };
  /** Import rows/s over raw rows/s for the same records: 1 would mean the import path costs nothing. */
  ratio: number;
}

const IMPORT_DB = 'sidecar-bench-import';
const RAW_DB = 'sidecar-bench-import-raw';
const BATCH = 500;

async function existingRecords(db: CrmDb, drafts: readonly ContactDraft[]): Promise<ExistingRecords> {
  const emails = [...new Set(drafts.flatMap((d) => d.emails.map((e) => normalizeEmail(e.address))))];
  const byEmail = new Map<string, string>();
  const index = db.transaction('contacts').store.index('byEmail');
  await Promise.all(
    emails.map(async (email) => {
      const id = await index.getKey(email);
      if (id) byEmail.set(email, id);
    }),
  );
  const byName = new Map<string, string>();
  const byDomain = new Map<string, string>();
  for (const company of await db.getAll('companies')) {
    if (company.deletedAt !== null) continue;
    byName.set(normaliseCompanyName(company.name), company.id);
    for (const domain of company.domains) byDomain.set(domain, company.id);
  }
  return {
    contactIdByEmail: (email) => byEmail.get(email),
    companyIdByDomain: (domain) => byDomain.get(domain),
    companyIdByName: (name) => byName.get(name),
  };
}

export async function runImportBench(rowCount: number): Promise<ImportResults> {
  const bytes = new TextEncoder().encode(importCsv(rowCount));
  await deleteDatabase(IMPORT_DB);
  await deleteDatabase(RAW_DB);
  const db = await openCrmDb(IMPORT_DB);
  const pipelines = await listPipelines(db);
  const sources = await db.getAll('sources');
  const sourceByName = new Map(sources.map((s) => [s.name.toLowerCase(), s.id]));
  const stages = { decode: 0, parse: 0, rows: 0, lookups: 0, plan: 0, companies: 0, contacts: 0 };
  const lap = (stage: keyof typeof stages, since: number) => {
    stages[stage] = round(performance.now() - since, 1);
    return performance.now();
  };

  const start = performance.now();
  let t = start;
  const { text } = decodeCsvBytes(bytes);
  t = lap('decode', t);
  const parsed = parseCsv(text);
  t = lap('parse', t);
  const now = Date.now();
  const mapping = guessMapping(parsed.headers, 'contact', []);
  const context = {
    defaultCurrency: 'USD',
    pipelines,
    defaultPipelineId: null,
    customPropertyDefs: [],
    timeZone: 'Asia/Phnom_Penh',
    now,
    dateOrder: null,
  };
  const results: RowResult[] = parsed.rows.map((row) => rowToDraft('contact', row, parsed.headers, mapping, context));
  t = lap('rows', t);
  const drafts = results.flatMap((r) => (r.ok && r.draft.entity === 'contact' ? [r.draft] : []));
  const existing = await existingRecords(db, drafts);
  t = lap('lookups', t);
  const plan = planImport(results, existing, 'update', parsed.problems);
  t = lap('plan', t);

  const companyIds = new Map<string, string>();
  const companyNames = new Map<string, string>();
  const companyRows: CompanyRow[] = plan.companiesToCreate.map((name) => {
    const company: Company = companySchema.parse({
      ...newRecordBase(now),
      name,
      domains: [],
      phone: '',
      address: '',
      ownerId: null,
      custom: {},
    });
    companyIds.set(normaliseCompanyName(name), company.id);
    companyNames.set(company.id, company.name);
    return companyRow(company);
  });
  for (const batch of batches(companyRows, BATCH)) {
    const tx = db.transaction('companies', 'readwrite');
    for (const row of batch) void tx.store.put(row);
    await tx.done;
  }
  t = lap('companies', t);

  const contactRows: ContactRow[] = [];
  let invalid = plan.summary.invalid;
  for (const batch of batches(plan.rows, BATCH)) {
    // Built and validated before the transaction opens: nothing but IndexedDB is awaited inside it.
    const rows: ContactRow[] = [];
    for (const planned of batch) {
      if (planned.action !== 'new' || planned.draft.entity !== 'contact') continue;
      const draft = planned.draft;
      const companyId =
        planned.company?.kind === 'existing'
          ? planned.company.id
          : planned.company
            ? (companyIds.get(normaliseCompanyName(planned.company.name)) ?? null)
            : null;
      const parsedContact = contactSchema.safeParse({
        ...newRecordBase(now),
        name: draft.name,
        emails: draft.emails,
        phones: draft.phones,
        jobTitle: draft.jobTitle,
        companyId,
        lifecycle: draft.lifecycle,
        sourceId: draft.sourceName ? (sourceByName.get(draft.sourceName.toLowerCase()) ?? null) : null,
        ownerId: null,
        custom: draft.custom,
        mergedInto: null,
        lastContactedAt: null,
      });
      if (!parsedContact.success) {
        invalid++;
        continue;
      }
      const contact: Contact = parsedContact.data;
      rows.push(contactRow(contact, companyId ? (companyNames.get(companyId) ?? '') : ''));
    }
    const tx = db.transaction('contacts', 'readwrite');
    for (const row of rows) void tx.store.put(row);
    await tx.done;
    contactRows.push(...rows);
  }
  lap('contacts', t);
  const totalMs = performance.now() - start;
  db.close();

  const rawDb = await openCrmDb(RAW_DB);
  const native = unwrap(rawDb);
  const rawStart = performance.now();
  await rawBulkPut(native, 'companies', companyRows);
  await rawBulkPut(native, 'contacts', contactRows);
  const rawMs = performance.now() - rawStart;
  rawDb.close();
  await deleteDatabase(IMPORT_DB);
  await deleteDatabase(RAW_DB);

  const rowsPerSec = Math.round((rowCount / totalMs) * 1000);
  const rawRowsPerSec = Math.round((rowCount / rawMs) * 1000);
  return {
    rows: rowCount,
    csvBytes: bytes.length,
    applyLayer: 'lib/bench/import.ts (no lib/db import layer yet): contacts in batches, schema-validated',
    batchSize: BATCH,
    stagesMs: stages,
    totalMs: round(totalMs, 1),
    rowsPerSec,
    created: { contacts: contactRows.length, companies: companyRows.length, invalid },
    raw: { records: companyRows.length + contactRows.length, ms: round(rawMs, 1), rowsPerSec: rawRowsPerSec },
    ratio: round(rowsPerSec / rawRowsPerSec),
  };
}
