import type { Company, Contact, Deal } from '../model';
import { matchesAllTerms, pairTerm, queryTerms, splitTerms } from '../search/tokens';
import { stripRow } from './rows';
import type { CrmDb } from './schema';

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
/** The query's longest terms whose companies are read: a pasted paragraph must not read hundreds of ranges. */
const COMPANY_TERMS = 3;
/** Deleted people a company may list ahead of its live ones, read past within the same request. */
const TOMBSTONE_SLACK = 8;

type PersonRow = SearchRow & { companyId: string | null };

/**
 * People found through their company: a contact's keys hold its name, title and addresses but not its company's
 * name (see lib/search/tokens.ts), so the companies matching the query's longest terms (`limit` per term) are read
 * from their own index. Companies that match every term give their people, read from the contacts' byCompany index a
 * few companies at a time; for companies that match only some terms ("dara កម្ពុជា"), the people are read from the
 * range of the longest remaining term and kept when they work there and match the rest. All of it within one
 * budget of people rows, like the bounded walks of searchTerms.
 */
async function searchContactsByCompany(db: CrmDb, terms: readonly string[], found: Map<string, object>, limit: number) {
  const tx = db.transaction(['companies', 'contacts']);
  const companyIndex = tx.objectStore('companies').index('bySearch');
  const people = tx.objectStore('contacts');
  // The longest terms are the rarest; a company matching the whole query is in each of their ranges.
  const probed = [...terms].sort((a, b) => b.length - a.length).slice(0, COMPANY_TERMS);
  const companyRows = await Promise.all(
    probed.map((term) => companyIndex.getAll(prefixRange(term), limit) as Promise<SearchRow[]>),
  );
  const wholeMatches: string[] = [];
  // The terms a company does not hold (joined) → the companies in that case.
  const partMatches = new Map<string, { ownTerms: string[]; companyIds: Set<string> }>();
  const seen = new Set<string>();
  for (const company of companyRows.flat()) {
    if (company.deletedAt !== null || seen.has(company.id)) continue;
    seen.add(company.id);
    const ownTerms = terms.filter((term) => !company.searchKeys.some((key) => key.startsWith(term)));
    if (ownTerms.length === 0) {
      wholeMatches.push(company.id);
      continue;
    }
    const group = partMatches.get(ownTerms.join(' ')) ?? { ownTerms, companyIds: new Set<string>() };
    group.companyIds.add(company.id);
    partMatches.set(ownTerms.join(' '), group);
  }

  let budget = Math.max(WALK_ROWS, limit * BATCH_PER_RESULT);
  const take = (row: PersonRow, ownTerms: readonly string[]) => {
    if (found.size >= limit || row.deletedAt !== null || found.has(row.id)) return;
    if (matchesAllTerms(row.searchKeys, ownTerms)) found.set(row.id, stripRow(row));
  };
  const staffOf = (id: string, count: number) => people.index('byCompany').getAll(id, count) as Promise<PersonRow[]>;
  const queue = [...wholeMatches];
  // Companies whose read came back full: they may have more people, read again if the budget allows.
  const more: { id: string; read: number }[] = [];
  while (queue.length > 0 && found.size < limit && budget > 0) {
    const need = limit - found.size;
    const wave = queue.splice(0, Math.max(COMPANY_WAVE, Math.ceil(need / 4)));
    const each = Math.max(1, Math.min(need + TOMBSTONE_SLACK, Math.floor(budget / wave.length)));
    const lists = await Promise.all(wave.map((id) => staffOf(id, each)));
    lists.forEach((rows, i) => {
      budget -= rows.length;
      for (const row of rows) take(row, []);
      if (rows.length === each) more.push({ id: wave[i] ?? '', read: each });
    });
  }
  for (const { id, read } of more) {
    if (found.size >= limit || budget <= 0) break;
    const rows = await staffOf(id, read + Math.min(budget, limit - found.size + TOMBSTONE_SLACK));
    budget -= rows.length - read;
    for (const row of rows.slice(read)) take(row, []);
  }
  for (const { ownTerms, companyIds } of partMatches.values()) {
    if (found.size >= limit || budget <= 0) break;
    const term = ownTerms.reduce((longest, next) => (next.length > longest.length ? next : longest));
    const rows = (await people.index('bySearch').getAll(prefixRange(term), Math.min(WALK_ROWS, budget))) as PersonRow[];
    budget -= rows.length;
    for (const row of rows) if (row.companyId !== null && companyIds.has(row.companyId)) take(row, ownTerms);
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
 * `limit`; people whose own keys match come before people found through their company. Multi-word queries that
 * pair no words of one text read a bounded part of the index, so among very common words a search may return fewer
 * than all matches: a longer query narrows it.
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
