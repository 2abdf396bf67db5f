/**
 * Search keys: every record stores the prefixes-to-be of its name, company and email words in a multiEntry index,
 * so a search is an index range read ([term, term + '\uffff']) and never a scan.
 *
 * Khmer writes words together. Intl.Segmenter splits many runs into words but keeps compounds whole
 * (ធនាគារជាតិនៃកម្ពុជា is one segment), so Khmer text is also keyed from every syllable start: a consonant or
 * an independent vowel that does not follow the coeng sign (U+17D2), which would make it a subscript.
 */

/** Keys longer than this are cut: a query is cut the same way and the survivors are re-checked in memory. */
export const MAX_KEY_LENGTH = 32;
/** Guards the index against a hostile 10 KB name turning into thousands of keys. */
const MAX_KEYS_PER_RECORD = 200;

const COENG = '\u17d2';
const KHMER_RUN = /[\u1780-\u17ff\u19e0-\u19ff]/;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;

let segmenter: Intl.Segmenter | null = null;
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('km', { granularity: 'word' });
  return segmenter;
}

/** Lower-case, Latin accents removed (so "Jose" finds "José"), invisible characters dropped; Khmer kept whole. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(ZERO_WIDTH, ' ')
    .toLowerCase();
}

function isSyllableStart(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  const startsSyllable = (code >= 0x1780 && code <= 0x17a2) || (code >= 0x17a3 && code <= 0x17b3);
  return startsSyllable && text[index - 1] !== COENG;
}

function words(text: string): string[] {
  const out: string[] = [];
  for (const part of wordSegmenter().segment(text)) {
    if (part.isWordLike) out.push(part.segment);
  }
  return out;
}

function addKey(keys: Set<string>, key: string): void {
  if (key.length > 0 && keys.size < MAX_KEYS_PER_RECORD) keys.add(key.slice(0, MAX_KEY_LENGTH));
}

function addTextKeys(keys: Set<string>, text: string): void {
  const folded = foldText(text).slice(0, 1000);
  for (const word of words(folded)) {
    addKey(keys, word);
    if (!KHMER_RUN.test(word)) continue;
    for (let i = 1; i < word.length; i++) {
      if (isSyllableStart(word, i)) addKey(keys, word.slice(i));
    }
  }
}

function addEmailKeys(keys: Set<string>, email: string): void {
  const folded = foldText(email.trim());
  addKey(keys, folded);
  const [local = '', domain = ''] = folded.split('@');
  addKey(keys, local);
  addKey(keys, domain);
  for (const part of `${local} ${domain}`.split(/[._+\-\s]+/)) addKey(keys, part);
}

export interface SearchableText {
  texts?: readonly (string | null | undefined)[];
  emails?: readonly string[];
}

export function searchKeys({ texts = [], emails = [] }: SearchableText): string[] {
  const keys = new Set<string>();
  for (const email of emails) addEmailKeys(keys, email);
  for (const text of texts) if (text) addTextKeys(keys, text);
  return [...keys];
}

/**
 * The terms of a query, each matched as a key prefix. The query is not syllable-split: "កម្ពុជា" must match the
 * start of a syllable run, not any syllable of it.
 */
export function queryTerms(query: string): string[] {
  const folded = foldText(query).trim();
  if (!folded) return [];
  const terms = new Set<string>();
  for (const chunk of folded.split(/\s+/)) {
    if (chunk.includes('@')) {
      terms.add(chunk.slice(0, MAX_KEY_LENGTH));
      continue;
    }
    for (const word of words(chunk)) terms.add(word.slice(0, MAX_KEY_LENGTH));
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/** True when every term is a prefix of one of the record's keys: the in-memory check after the index read. */
export function matchesAllTerms(keys: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => keys.some((key) => key.startsWith(term)));
}
