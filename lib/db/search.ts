import type { Company, Contact, Deal } from '../model';
import { matchesAllTerms, pairTerm, queryTerms, splitTerms } from '../search/tokens';
import { type CrmDb, stripRow } from './schema';

type Searchable = 'contacts' | 'companies' | 'deals';
type SearchRow = { id: string; deletedAt: number | null; searchKeys: string[] };

/**
 * Each index entry read costs about as much as any other (tens of microseconds in Chromium), so a search reads a
 * bounded number of them, in a few batched getAll calls: a cursor step is a round trip to the storage process.
 */
const BATCH_PER_RESULT = 2;
/** Rows read from each term's range when a multi-word query has no pair key to start from. */
const PROBE_ROWS = 24;
/** The most rows one search reads from a single range after its probe. */
const WALK_ROWS = 120;

const prefixRange = (term: string) => IDBKeyRange.bound(term, `${term}\uffff`);

async function searchTerms(db: CrmDb, storeName: Searchable, terms: string[], limit: number): Promise<object[]> {
  const index = db.transaction(storeName).store.index('bySearch');
  const found = new Map<string, object>();
  const read = (term: string, count: number) => index.getAll(prefixRange(term), count) as Promise<SearchRow[]>;
  const take = (rows: readonly SearchRow[]) => {
    let matched = 0;
    for (const row of rows) {
      if (found.size >= limit) break;
      if (row.deletedAt !== null || !matchesAllTerms(row.searchKeys, terms)) continue;
      matched++;
      if (!found.has(row.id)) found.set(row.id, stripRow(row));
    }
    return matched;
  };
  const enough = () => found.size >= limit;
  const batch = limit * BATCH_PER_RESULT;

  const [first] = terms;
  if (first === undefined) return [];
  if (terms.length === 1) {
    // Every row of the range matches; a record may show up under two of its keys, hence a batch above the limit.
    const rows = await read(first, batch);
    take(rows);
    if (!enough() && rows.length === batch) take(await read(first, batch * 4));
    return [...found.values()];
  }

  // Names are keyed by pairs of their words and with their company, other texts by neighbouring words: "dara kim"
  // and "bopha mekong" are one range each.
  const pair = pairTerm(terms);
  if (pair) take(await read(pair, batch));
  if (enough()) return [...found.values()];

  // Otherwise each term's range is probed. A range read to its end holds every match, since each match has that
  // term; when all ranges are long, the walk goes on along the one whose probe matched most, within a bound.
  const probes = await Promise.all(terms.map((term) => read(term, PROBE_ROWS)));
  const matchedPerProbe = probes.map(take);
  if (enough() || probes.some((rows) => rows.length < PROBE_ROWS)) return [...found.values()];
  const best = matchedPerProbe.indexOf(Math.max(...matchedPerProbe));
  take(await read(terms[best] ?? first, WALK_ROWS));
  return [...found.values()];
}

/** The fewest companies whose people are read in one round trip when contacts are found through their company. */
const COMPANY_WAVE = 5;

/**
 * People found through their company: a contact's keys hold its name, title and addresses but not its company's
 * name (see lib/search/tokens.ts), so the companies matching the query are read from their own index and their
 * people from the contacts' byCompany index. A term the company does not match must match the person ("dara
 * កម្ពុជា"). Reads at most `limit` companies per term and `limit` people per company, a few companies at a time.
 */
async function searchContactsByCompany(db: CrmDb, terms: readonly string[], found: Map<string, object>, limit: number) {
  const tx = db.transaction(['companies', 'contacts']);
  const companyIndex = tx.objectStore('companies').index('bySearch');
  const byCompany = tx.objectStore('contacts').index('byCompany');
  const companyRows = await Promise.all(
    terms.map((term) => companyIndex.getAll(prefixRange(term), limit) as Promise<SearchRow[]>),
  );
  // Company id → the terms its people must match themselves.
  const companies = new Map<string, string[]>();
  for (const company of companyRows.flat()) {
    if (company.deletedAt !== null || companies.has(company.id)) continue;
    companies.set(
      company.id,
      terms.filter((term) => !company.searchKeys.some((key) => key.startsWith(term))),
    );
  }
  const queue = [...companies];
  while (queue.length > 0 && found.size < limit) {
    const need = limit - found.size;
    const wave = queue.splice(0, Math.max(COMPANY_WAVE, Math.ceil(need / 4)));
    const people = await Promise.all(wave.map(([id]) => byCompany.getAll(id, need) as Promise<SearchRow[]>));
    wave.forEach(([, ownTerms], i) => {
      for (const row of people[i] ?? []) {
        if (found.size >= limit) return;
        if (row.deletedAt === null && !found.has(row.id) && matchesAllTerms(row.searchKeys, ownTerms))
          found.set(row.id, stripRow(row));
      }
    });
  }
}

async function searchWithTerms(db: CrmDb, storeName: Searchable, terms: string[], limit: number) {
  const direct = await searchTerms(db, storeName, terms, limit);
  if (storeName !== 'contacts' || direct.length >= limit || terms.length === 0) return direct;
  const found = new Map(direct.map((row) => [(row as { id: string }).id, row]));
  await searchContactsByCompany(db, terms, found, limit);
  return [...found.values()];
}

async function searchStore(db: CrmDb, storeName: Searchable, query: string, limit: number) {
  const terms = queryTerms(query);
  const found = await searchWithTerms(db, storeName, terms, limit);
  if (found.length > 0) return found;
  // "angkor-logistics" may not start any key whole while its words do.
  const split = splitTerms(terms);
  if (split.join(' ') === terms.join(' ')) return found;
  return searchWithTerms(db, storeName, split, limit);
}

/**
 * Records matching every term of `query` (each the start of a word of a name, company, title or address), at most
 * `limit`; people whose own keys match come before people found through their company. Multi-word queries that pair no words of one text read a bounded part of the index, so among very common
 * words a search may return fewer than all matches: a longer query narrows it.
 */
export async function searchContacts(db: CrmDb, query: string, limit = 20): Promise<Contact[]> {
  return (await searchStore(db, 'contacts', query, limit)) as Contact[];
}

export async function searchCompanies(db: CrmDb, query: string, limit = 20): Promise<Company[]> {
  return (await searchStore(db, 'companies', query, limit)) as Company[];
}

export async function searchDeals(db: CrmDb, query: string, limit = 20): Promise<Deal[]> {
  return (await searchStore(db, 'deals', query, limit)) as Deal[];
}
