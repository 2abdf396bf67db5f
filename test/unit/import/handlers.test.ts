import { beforeEach, describe, expect, it } from 'vitest';
import { createdCompanies, importChunks } from '@/lib/import/chunks';
import { refusal } from '../refusal';
import { type FakeWorker, fakeWorker } from '../rpc/fake-worker';
import { CONTACTS_CSV, planCsv } from './helpers';

const ROW_STORES = ['imports', 'contacts', 'companies', 'deals', 'activities', 'sources'];
let worker: FakeWorker;

beforeEach(async () => {
  worker = await fakeWorker();
});

/** What the wizard sends before its chunks: the plan of CONTACTS_CSV, its import started and companies created. */
async function startContacts() {
  const plan = await planCsv(worker.db, CONTACTS_CSV, 'contact', 'skip');
  const started = await worker.call('import.start', { entity: 'contacts', fileName: 'ខ្មែរ.csv', totalRows: 3 });
  const { ids } = await worker.call('import.companies', { importId: started.id, names: plan.companiesToCreate });
  const [chunk] = [...importChunks(plan, createdCompanies(plan.companiesToCreate, ids))];
  if (!chunk) throw new Error('the plan has no rows');
  return { importId: started.id, chunk };
}

describe('the import methods', () => {
  it('start, companies, rows, finish and undo each announce the stores they wrote', async () => {
    const { importId, chunk } = await startContacts();
    const rows = await worker.call('import.rows', { importId, ...chunk });
    expect(rows).toEqual({ processedRows: 3, created: 3, updated: 0, rejected: [] });
    await worker.call('import.finish', { importId });
    expect(await worker.call('imports.list', {})).toMatchObject([{ id: importId, status: 'done', processedRows: 3 }]);
    // Three contacts, their two companies and the note of the first.
    expect(await worker.call('import.undo', { importId })).toMatchObject({ remaining: 0, tombstoned: 6 });
    expect(worker.effects.changed).toEqual([
      ['imports'],
      ['imports', 'companies'],
      ROW_STORES,
      ['imports'],
      ROW_STORES,
    ]);
  });

  it('writes a chunk sent twice at once only once', async () => {
    const { importId, chunk } = await startContacts();
    const [first, second] = await Promise.all([
      worker.call('import.rows', { importId, ...chunk }),
      worker.call('import.rows', { importId, ...chunk }),
    ]);
    expect(first).toMatchObject({ processedRows: 3, created: 3 });
    expect(second).toMatchObject({ processedRows: 3, created: 0 });
    expect((await worker.call('search.all', { query: 'Angkor' })).companies).toHaveLength(1);
  });

  it('refuses rows for a cancelled import until it is resumed', async () => {
    const { importId, chunk } = await startContacts();
    await worker.call('import.cancel', { importId });
    expect((await refusal(worker.call('import.rows', { importId, ...chunk }))).code).toBe('conflict');
    await worker.call('import.resume', { importId });
    expect(await worker.call('import.rows', { importId, ...chunk })).toMatchObject({ created: 3 });
  });
});
