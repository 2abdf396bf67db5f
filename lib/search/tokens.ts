/**
 * Search keys: every record stores keys in a multiEntry index, and a query term matches a record when it is the
 * start of one of its keys, so a search is an index range read ([term, term + '\uffff']) and never a scan.
 *
 * Text is cut at whitespace into chunks ("Dara", "dara.kim@kb.com.kh", "ធនាគារជាតិនៃកម្ពុជា"). A chunk is keyed from its
 * start and from every later place a word can start: after punctuation inside it (so "kim" finds "dara.kim@…" and
 * "kb.com.kh" finds the domain) and, in Khmer, at every syllable start. Khmer writes words together and
 * Intl.Segmenter keeps compounds whole (ធនាគារជាតិនៃកម្ពុជា is one segment), so syllable starts are the finer cut: a
 * consonant or an independent vowel that does not follow the coeng sign (U+17D2), which would make it a subscript.
 * Every word start is a syllable start, so these keys find whatever the segmenter's words would, and they do not
 * depend on the browser's word-break data (Chromium and Node split "dara.kim" differently).
 *
 * Two-word queries ("dara kim", "ដារ៉ា គឹម", "bopha mekong") are answered from pair keys: the words of a name in every
 * order, each name word followed by the company's first word, and neighbouring words of other texts in their order.
 * A person is not keyed by the rest of their company's name: that is the company record's. A key that starts another
 * key of the same record adds nothing to a prefix search ("dara" inside "dara kim"), so it is dropped: fewer index
 * entries to write and to read past.
 */

/** Keys longer than this are cut: a query is cut the same way and the survivors are re-checked in memory. */
export const MAX_KEY_LENGTH = 32;
/** Guards the index against a hostile 10 KB name turning into thousands of keys. */
const MAX_KEYS_PER_RECORD = 200;
/** A name of up to this many words is keyed by every ordered pair of them; longer ones by neighbours only. */
const ALL_PAIRS_UP_TO = 3;
/** Only the first few words of a long text are paired. */
const MAX_PAIRED_WORDS = 6;

const COENG = '\u17d2';
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const NOT_WORD_RUN = /[^\p{L}\p{M}\p{N}]+/gu;
const EDGE_PUNCTUATION = /^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu;

/** Lower-case, Latin accents removed (so "Jose" finds "José"), invisible characters dropped; Khmer kept whole. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(ZERO_WIDTH, ' ')
    .toLowerCase();
}

/** Whitespace-separated pieces of folded text, with punctuation trimmed from both ends: "Co.," → "co". */
function chunksOf(text: string, limit = 1000): string[] {
  return foldText(text.slice(0, limit))
    .split(/\s+/)
    .map((chunk) => chunk.replace(EDGE_PUNCTUATION, ''))
    .filter((chunk) => chunk.length > 0);
}

function isSyllableStart(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  // Consonants U+1780–17A2 and independent vowels U+17A3–17B3.
  return code >= 0x1780 && code <= 0x17b3 && text[index - 1] !== COENG;
}

/**
 * Where a word may start inside a chunk: its start, after inner punctuation, and at Khmer syllable starts. A lone
 * final consonant (the ល of វិបុល) is not worth a key of its own: a one-letter query finds longer keys anyway.
 */
function wordStarts(chunk: string): number[] {
  const starts = [0];
  for (let i = 1; i < chunk.length - 1; i++) {
    const afterPunctuation = WORD_CHAR.test(chunk[i] ?? '') && !WORD_CHAR.test(chunk[i - 1] ?? '');
    if (afterPunctuation || isSyllableStart(chunk, i)) starts.push(i);
  }
  return starts;
}

/**
 * An address is keyed whole, from each part of its local part, and from its domain; not from the labels after
 * the domain's first (com, com.kh, kh), which every other address shares and no one searches for.
 */
function addressStarts(address: string): number[] {
  const at = address.lastIndexOf('@');
  if (at < 0) return wordStarts(address).filter((start) => start === 0 || address[start - 1] !== '.');
  return wordStarts(address).filter((start) => start <= at + 1);
}

class KeySet {
  readonly keys = new Set<string>();

  add(key: string): void {
    if (key.length > 0 && this.keys.size < MAX_KEYS_PER_RECORD) this.keys.add(key.slice(0, MAX_KEY_LENGTH));
  }

  addChunk(chunk: string, starts = wordStarts(chunk)): void {
    for (const start of starts) this.add(chunk.slice(start));
  }

  /** Sorted, without keys that start another key: all keys starting with K sort right after K. */
  result(): string[] {
    const sorted = [...this.keys].sort();
    return sorted.filter((key, i) => !sorted[i + 1]?.startsWith(key));
  }
}

export interface SearchableText {
  /** A person's name: its words are paired in every order ("kim dara" finds Dara Kim). */
  names?: readonly (string | null | undefined)[];
  /** Other texts (company name, job title, deal title): neighbouring words are paired in their order. */
  texts?: readonly (string | null | undefined)[];
  /**
   * The person's company: only its first word, after each word of the name ("bopha mekong"). The company's own keys
   * live on the company record, once, not on each of its people: contact search reaches people through their
   * company (lib/db/search.ts), so a company of 300 people does not put its keys in the index 300 times.
   */
  company?: string | null;
  /** Addresses and domains: keyed as one chunk each, from the parts a person would type (see addressStarts). */
  emails?: readonly string[];
}

function addPairs(keys: KeySet, words: readonly string[], everyOrder: boolean): void {
  const paired = words.slice(0, MAX_PAIRED_WORDS);
  for (let i = 0; i < paired.length; i++) {
    for (let j = 0; j < paired.length; j++) {
      const neighbours = j === i + 1 || (everyOrder && j === i - 1);
      if (i === j || !(neighbours || (everyOrder && paired.length <= ALL_PAIRS_UP_TO))) continue;
      keys.add(`${paired[i]} ${paired[j]}`);
    }
  }
}

export function searchKeys({ names = [], texts = [], emails = [], company = null }: SearchableText): string[] {
  const keys = new KeySet();
  for (const email of emails) for (const chunk of chunksOf(email)) keys.addChunk(chunk, addressStarts(chunk));
  const companyWord = company ? chunksOf(company)[0] : undefined;
  for (const [list, everyOrder] of [
    [names, true],
    [texts, false],
  ] as const) {
    for (const text of list) {
      if (!text) continue;
      const chunks = chunksOf(text);
      for (const chunk of chunks) keys.addChunk(chunk);
      addPairs(keys, chunks, everyOrder);
      // "bopha mekong": a person is often looked for by name and company together.
      if (everyOrder && companyWord)
        for (const chunk of chunks.slice(0, MAX_PAIRED_WORDS)) keys.add(`${chunk} ${companyWord}`);
    }
  }
  return keys.result();
}

/**
 * The terms of a query, in the order typed, each matched as the start of a key. A term is a whole chunk: "dara.kim"
 * is looked up as one (it starts the address dara.kim@…), and Khmer is not split, so "កម្ពុជា" must start a
 * syllable run rather than match any syllable of it.
 */
export function queryTerms(query: string): string[] {
  return [...new Set(chunksOf(query, 500).map((chunk) => chunk.slice(0, MAX_KEY_LENGTH)))];
}

/** The terms cut further at inner punctuation: the second try when "angkor-logistics" found nothing whole. */
export function splitTerms(terms: readonly string[]): string[] {
  const parts = terms.flatMap((term) => term.split(NOT_WORD_RUN).filter((part) => part.length > 0));
  return [...new Set(parts)];
}

/** The pair key a two-word query starts: its first two terms, as pair keys are written. */
export function pairTerm(terms: readonly string[]): string | null {
  return terms.length >= 2 ? `${terms[0]} ${terms[1]}`.slice(0, MAX_KEY_LENGTH) : null;
}

/** True when every term is a prefix of one of the record's keys: the in-memory check after the index read. */
export function matchesAllTerms(keys: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => keys.some((key) => key.startsWith(term)));
}
