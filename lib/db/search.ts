import type { Company, Contact, Deal } from '../model';
import { matchesAllTerms, queryTerms } from '../search/tokens';
import { type CrmDb, stripRow } from './schema';

type Searchable = 'contacts' | 'companies' | 'deals';

/**
 * Reads the bySearch index over the key range of the longest term and checks the other terms on each candidate,
 * stopping at `limit`: the cost follows the matches, not the size of the store.
 */
async function searchStore(db: CrmDb, storeName: Searchable, query: string, limit: number) {
  const terms = queryTerms(query);
  const first = terms[0];
  if (!first) return [];
  const seen = new Set<string>();
  const out = [];
  const index = db.transaction(storeName).store.index('bySearch');
  let cursor = await index.openCursor(IDBKeyRange.bound(first, `${first}\uffff`));
  while (cursor && out.length < limit) {
    const row = cursor.value;
    if (!seen.has(row.id)) {
      seen.add(row.id);
      if (row.deletedAt === null && matchesAllTerms(row.searchKeys, terms)) out.push(stripRow(row));
    }
    cursor = await cursor.continue();
  }
  return out;
}

export async function searchContacts(db: CrmDb, query: string, limit = 20): Promise<Contact[]> {
  return (await searchStore(db, 'contacts', query, limit)) as Contact[];
}

export async function searchCompanies(db: CrmDb, query: string, limit = 20): Promise<Company[]> {
  return (await searchStore(db, 'companies', query, limit)) as Company[];
}

export async function searchDeals(db: CrmDb, query: string, limit = 20): Promise<Deal[]> {
  return (await searchStore(db, 'deals', query, limit)) as Deal[];
}
