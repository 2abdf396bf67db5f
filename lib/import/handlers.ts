import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import { applyImportRows, createImportCompanies } from './apply';
import type { importContract } from './contract';
import { listImports, setImportStatus, startImport } from './journal';
import { undoImport } from './undo';

/** Stores an import's rows may touch, for the change event open pages re-read on. */
const IMPORT_TOUCHES = ['imports', 'contacts', 'companies', 'deals', 'activities', 'sources'];

export function createImportHandlers(s: WorkerServices): HandlersOf<typeof importContract> {
  const db = s.db;
  // One chunk of an import at a time: a page that sends a chunk twice (a retry after a lost answer) must not have
  // both copies read processedRows before either writes it.
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(importId: string, work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(importId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    queues.set(importId, next);
    void next
      .finally(() => {
        if (queues.get(importId) === next) queues.delete(importId);
      })
      .catch(() => undefined);
    return next;
  };
  const announce =
    <T>(stores: string[]) =>
    (value: T) => {
      s.changed(stores);
      return value;
    };

  return {
    'import.start': async (input) => startImport(db, input, s.now()).then(announce(['imports'])),
    'import.companies': async ({ importId, names }) =>
      serial(importId, async () => ({ ids: await createImportCompanies(db, importId, names, s.now()) })).then(
        announce(['imports', 'companies']),
      ),
    'import.rows': async ({ importId, rows, throughRow }) =>
      serial(importId, () => applyImportRows(db, importId, rows, throughRow, s.now())).then(announce(IMPORT_TOUCHES)),
    'import.finish': async ({ importId }) =>
      serial(importId, () => setImportStatus(db, importId, 'done', s.now())).then(announce(['imports'])),
    'import.cancel': async ({ importId }) =>
      serial(importId, () => setImportStatus(db, importId, 'cancelled', s.now())).then(announce(['imports'])),
    'import.resume': async ({ importId }) =>
      serial(importId, () => setImportStatus(db, importId, 'running', s.now())).then(announce(['imports'])),
    'import.undo': async ({ importId, maxPages }) =>
      serial(importId, () => undoImport(db, importId, s.now(), maxPages)).then(announce(IMPORT_TOUCHES)),
    'imports.list': async () => listImports(db),
  };
}
