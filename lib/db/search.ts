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
  const range = IDBKeyRange.bound(first, `${first}\uffff`);
  const index = db.transaction(storeName).store.index('bySearch');
  const seen = new Set<string>();
  const out: object[] = [];
  const take = (row: { id: string; deletedAt: number | null; searchKeys: string[] }) => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    if (row.deletedAt === null && matchesAllTerms(row.searchKeys, terms)) out.push(stripRow(row));
  };
  // One batched read first: a cursor step is a round trip to the storage process, and most searches are answered
  // by the first few dozen index entries. Only when that batch was full and not enough matched does the cursor walk on.
  const batchSize = limit * 4;
  const batch = await index.getAll(range, batchSize);
  for (const row of batch) {
    if (out.length >= limit) break;
    take(row);
  }
  if (out.length >= limit || batch.length < batchSize) return out;
  let cursor = await index.openCursor(range);
  if (cursor) cursor = await cursor.advance(batchSize);
  while (cursor && out.length < limit) {
    take(cursor.value);
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
