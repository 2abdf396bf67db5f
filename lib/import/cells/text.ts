import { normaliseHeader } from '../mapping';

/** A cell's text as error messages show it: quoted, and cut short when long. */
export function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 37)}…` : value;
  return `"${short}"`;
}

/** Khmer digits (០–៩) become ASCII ones: spreadsheets typed in Khmer write numbers, dates and phones with them. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u17e0-\u17e9]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0));
}

/** Words a cell may hold, looked up the way headers are: case, spacing and Unicode forms do not matter. */
export function wordTable<T>(entries: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(entries).map(([word, value]) => [normaliseHeader(word), value]));
}

/** A phone cell that says there is none: "-", "n/a", "គ្មាន". */
export const PHONE_PLACEHOLDER = /^(?:[-–—.?\s]+|n\/?a|none|#n\/a|គ្មាន)$/i;

/** "a@x.com; b@y.com", "Sok <sok@x.com>, Dara <dara@y.com>": a cell may hold several addresses. */
export function splitEmails(cell: string): string[] {
  if (cell === '') return [];
  const bracketed = [...cell.matchAll(/<([^<>]+)>/g)].map((match) => (match[1] ?? '').trim());
  if (bracketed.length > 0) return bracketed.filter(Boolean);
  return cell.split(/[\s;,]+/).filter(Boolean);
}

/** "012 345 678; 097 111 222" or " / " between numbers; Khmer digits become ASCII ones. */
export function splitPhones(cell: string): string[] {
  return toAsciiDigits(cell)
    .split(/[;,\n]|\s\/\s/)
    .map((part) => part.trim())
    .filter(Boolean);
}
