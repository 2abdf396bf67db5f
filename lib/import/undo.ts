import { commit } from '../db/errors';
import { putRecord, recordTx } from '../db/record-write';
import { companyNameLookup, companyRow, contactRow, dealRow, rekeyCompanyLinks, rowFor, stripRow } from '../db/rows';
import type { ActivityRow, CompanyRow, CrmDb } from '../db/schema';
import type { Company, Contact, Deal } from '../model';
import { fire, importGone, pageRange } from './journal';

export interface UndoResult {
  /** Journal pages still to undo: call again while above 0. */
  remaining: number;
  tombstoned: number;
  restored: number;
  /** Updated records the rep edited again after the import: left as they are. */
  kept: number;
}

/**
 * Undoes an import: records it created become tombstones (a contact's tombstone frees its addresses), records it
 * updated get their version from before the import back, unless edited since. The import is marked undone at
 * once, so its rows stop; then each journal page, newest first, is undone and deleted in one transaction.
 * `maxPages` bounds one call so the page can show progress; call again until `remaining` is 0.
 */
export async function undoImport(db: CrmDb, importId: string, now: number, maxPages = Infinity): Promise<UndoResult> {
  const marked = db.transaction('imports', 'readwrite');
  await commit(marked, async () => {
    const record = await marked.store.get(importId);
    if (!record) throw importGone();
    if (record.status !== 'undone') await marked.store.put({ ...record, status: 'undone', finishedAt: now });
  });

  const result: UndoResult = { remaining: 0, tombstoned: 0, restored: 0, kept: 0 };
  for (let done = 0; done < maxPages; done++) {
    const more = await undoLastPage(db, importId, now, result);
    if (!more) break;
  }
  result.remaining = await db.count('imports', pageRange(importId));
  return result;
}

const UNDO_STORES = ['contacts', 'companies', 'deals', 'activities'] as const;

async function undoLastPage(db: CrmDb, importId: string, now: number, result: UndoResult): Promise<boolean> {
  const tx = recordTx(db, ['imports', ...UNDO_STORES]);
  return commit(tx, async () => {
    const cursor = await tx.objectStore('imports').openCursor(pageRange(importId), 'prev');
    if (!cursor) return false;
    const page = cursor.value;
    const pageTime = page.finishedAt ?? page.startedAt;

    // Which store holds each created id: probed in all of them at once (ids are unique across stores).
    const found = await Promise.all(
      page.createdIds.map((id) => Promise.all(UNDO_STORES.map((name) => tx.objectStore(name).get(id)))),
    );
    const companiesGone: string[] = [];
    page.createdIds.forEach((_id, i) => {
      const hits = found[i] ?? [];
      UNDO_STORES.forEach((name, s) => {
        const row = hits[s];
        if (!row || row.deletedAt !== null) return;
        result.tombstoned++;
        const gone = { deletedAt: now, updatedAt: now };
        if (name === 'contacts') {
          fire(putRecord(tx, 'contacts', contactRow({ ...(stripRow(row) as Contact), ...gone })));
        } else if (name === 'companies') {
          companiesGone.push(row.id);
          fire(putRecord(tx, 'companies', companyRow({ ...(stripRow(row) as Company), ...gone })));
        } else if (name === 'deals') {
          fire(putRecord(tx, 'deals', dealRow({ ...(stripRow(row) as Deal), ...gone })));
        } else {
          fire(putRecord(tx, 'activities', { ...(row as ActivityRow), ...gone }));
        }
      });
    });
    // A company the import created may have been linked to other records since: they lose the link, as when the
    // rep deletes a company, rather than pointing at a tombstone.
    for (const companyId of companiesGone) {
      for (const contact of await tx.objectStore('contacts').index('byCompany').getAll(companyId)) {
        if (contact.deletedAt !== null) continue;
        await putRecord(
          tx,
          'contacts',
          contactRow({ ...(stripRow(contact) as Contact), companyId: null, updatedAt: now }),
        );
      }
      for (const deal of await tx.objectStore('deals').index('byCompany').getAll(companyId)) {
        if (deal.deletedAt !== null) continue;
        await putRecord(tx, 'deals', dealRow({ ...(stripRow(deal) as Deal), companyId: null, updatedAt: now }));
      }
    }

    const store = tx.objectStore(page.entity);
    const latest = await Promise.all(page.previous.map((row) => store.get(row.id)));
    // Rows are keyed again rather than put back as journaled: the journal may predate how keys are made now.
    const companyName = companyNameLookup(tx.objectStore('companies'));
    const companyNames = await Promise.all(
      page.previous.map((row) => companyName('companyId' in row ? row.companyId : null)),
    );
    // Companies put back as journaled, beside their versions until now.
    const restoredCompanies: { before: CompanyRow; after: Company }[] = [];
    page.previous.forEach((row, i) => {
      if ((latest[i]?.updatedAt ?? 0) > pageTime) {
        result.kept++;
        return;
      }
      result.restored++;
      const rebuilt = rowFor(page.entity, stripRow(row) as Contact | Company | Deal, companyNames[i]);
      fire(putRecord(tx, page.entity, rebuilt));
      const current = latest[i] as CompanyRow | undefined;
      if (page.entity === 'companies' && current) restoredCompanies.push({ before: current, after: row as Company });
    });
    // The company's old name comes back, and with it its people's and deals' keys.
    const links = { contacts: tx.objectStore('contacts'), deals: tx.objectStore('deals') };
    for (const { before, after } of restoredCompanies) await rekeyCompanyLinks(links, before, after);
    await cursor.delete();
    return true;
  });
}
