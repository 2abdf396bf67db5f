import { readSignature } from '../webmail/signature';

/** What a selection on a web page gives a new contact; every field may be empty, the rep checks them all. */
export interface CaptureDraft {
  name: string;
  email: string;
  phone: string;
  jobTitle: string;
  company: string;
  /** Where the selection was made, for the contact's first note. */
  page: string;
}

/** A page's selection is bounded: a contact's details are a few lines, not a whole directory. */
export const MAX_CAPTURE_CHARS = 2000;

const EMAIL = /[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[A-Za-z]{2,}/;
const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+/gi;
const PHONE = /(?:\+|00)?\(?\d[\d\s().\-/]{6,20}\d/;
/** Labels that start a new piece of a flattened selection ("… Tel: 012 …", "… Email: …"). */
const LABEL = /\s+(?=(?:tel(?:ephone)?|phone|mobile|mob|cell|hp|fax|e-?mail|web(?:site)?|ទូរស័ព្ទ|អ៊ីមែល)\s*[.:：៖])/gi;

/**
 * A selection as lines. Chromium hands the context menu the selection with its line breaks made spaces, so a
 * signature copied from a page arrives as one line: it is cut again at the separators and labels people put between
 * the parts of a card, and around addresses and numbers.
 */
export function selectionLines(text: string): string[] {
  const bounded = text.slice(0, MAX_CAPTURE_CHARS);
  return bounded
    .replace(LABEL, '\n')
    .replace(new RegExp(`\\s*(${EMAIL.source})\\s*`, 'g'), '\n$1\n')
    .replace(URL_LIKE, (url) => `\n${url}\n`)
    .split(/\r?\n|\s+[|•·–—]\s+|\s+-\s+|\t|\s{3,}/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * A run of words with nothing between its parts, as a flattened card gives ("Sokha Chan Sales Director Angkor Trade
 * Co., Ltd."), cut where the signature parser reads the rest as exactly a title and a company; of the cuts it
 * accepts, a two-word name and the shortest title win. The rep checks the form, so a near miss costs a correction.
 */
function splitCard(line: string): string[] {
  const words = line.split(' ');
  if (words.length < 3 || words.length > 16 || /[@\d:]/.test(line)) return [line];
  // A company a separator already cut off ("Angkor Trade Co., Ltd.") reads whole as one.
  if (readSignature(`--\n${line}`, '').company === line) return [line];
  let best: { parts: string[]; score: number } | null = null;
  for (let i = 1; i <= Math.min(4, words.length - 1); i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const parts = [words.slice(0, i), words.slice(i, j), words.slice(j)].map((w) => w.join(' ')).filter(Boolean);
      const read = readSignature(['--', ...parts].join('\n'), parts[0]!);
      if (read.jobTitle !== parts[1] || read.company !== (parts[2] ?? null)) continue;
      const score = Math.abs(i - 2) * 100 + (j - i);
      if (!best || score < best.score) best = { parts, score };
    }
  }
  return best?.parts ?? [line];
}

const looksLikeName = (line: string) =>
  /^[\p{L}][\p{L}\p{M}.'’-]*(?:\s[\p{L}][\p{L}\p{M}.'’-]*){0,4}$/u.test(line) && !/[@\d]/.test(line);

/**
 * Reads a person's details from a selection, with the signature parser reading job title, phone and company: the
 * selection is read as a signature (after "--"), the name taken as the first line that reads like a person's name
 * and is none of the others.
 */
export function readSelection(text: string, page: string): CaptureDraft {
  // Line breaks kept (Firefox, a paste) say where the parts are; without any, runs of words are cut by reading.
  const flattened = !/\n/.test(text.trim());
  const lines = flattened ? selectionLines(text).flatMap(splitCard) : selectionLines(text);
  const email = lines.map((line) => EMAIL.exec(line)?.[0]).find(Boolean) ?? '';
  const others = lines.filter((line) => !EMAIL.test(line) && !/^(?:https?:\/\/|www\.)/i.test(line));
  const guess = others.find((line) => looksLikeName(line) && !PHONE.test(line)) ?? '';
  const signature = readSignature(['--', ...others].join('\n'), guess);
  // A line the parser took as a title or a company is not the name: the next name-like line is.
  const taken = new Set([signature.jobTitle, signature.company].filter(Boolean));
  const name = taken.has(guess) ? (others.find((line) => looksLikeName(line) && !taken.has(line)) ?? '') : guess;
  const labelled = lines.map((line) => /[:៖]\s*(.+)$/.exec(line)?.[1] ?? line);
  const phone = signature.phone ?? labelled.map((line) => PHONE.exec(line)?.[0]).find(Boolean) ?? '';
  // Without an address or a number the selection is prose, not a card: its lines are no title or company.
  const card = email !== '' || phone !== '';
  return {
    name,
    email: email.replace(/^mailto:/i, ''),
    phone: phone.trim(),
    jobTitle: card ? (signature.jobTitle ?? '') : '',
    company: card ? (signature.company ?? '') : '',
    page,
  };
}
