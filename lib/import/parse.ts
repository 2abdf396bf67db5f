import Papa from 'papaparse';
import { unguardCell } from '../csv/guard';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvProblem {
  /** 1-based number of the data row (the first row after the header is 1); 0 for the header row. */
  row: number;
  message: string;
  /** The row's cells cannot be trusted (a quote ran over its end): planImport treats it as invalid. */
  corruptsRow: boolean;
}

export interface ParsedCsv {
  /** Unique, trimmed, never blank: "Email", "Email (2)", "Column 4". */
  headers: string[];
  /** Every row has exactly headers.length cells: short rows are padded with "", extra cells are dropped (and reported). */
  rows: string[][];
  delimiter: CsvDelimiter;
  problems: CsvProblem[];
}

const DELIMITERS: CsvDelimiter[] = [',', ';', '\t'];

/**
 * Parses CSV text as spreadsheets write it. Problems (stray quotes, ragged rows) are reported, never thrown: a
 * rep importing 5,000 contacts wants the 4,998 good ones and a list of the two bad ones.
 */
export function parseCsv(text: string): ParsedCsv {
  // File.text() and some decoders keep the BOM; left in place it would become part of the first header's name.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let result = Papa.parse<string[]>(source, { delimiter: '', delimitersToGuess: DELIMITERS, skipEmptyLines: false });
  const undetected = result.errors.some((error) => error.code === 'UndetectableDelimiter');
  if (undetected) {
    // papaparse guesses only when field counts agree across the first rows; ragged files and one-column files
    // defeat it. The header line then decides: the candidate it contains most often.
    const delimiter = delimiterOfHeaderLine(source);
    result = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false });
  }
  const delimiter = (DELIMITERS as string[]).includes(result.meta.delimiter)
    ? (result.meta.delimiter as CsvDelimiter)
    : ',';

  // Empty lines are skipped here rather than by papaparse so that its error row numbers still index `result.data`.
  // A row of only delimiters (",,,,") counts as empty: Excel writes those for formatted but empty rows.
  const dataRowOfRaw = new Map<number, number>();
  const kept: string[][] = [];
  let header: string[] | null = null;
  result.data.forEach((cells, rawIndex) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    if (header === null) {
      header = cells;
      dataRowOfRaw.set(rawIndex, 0);
      return;
    }
    kept.push(cells);
    dataRowOfRaw.set(rawIndex, kept.length);
  });

  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  const report = (row: number, message: string, corruptsRow: boolean) => {
    const key = `${row}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ row, message, corruptsRow });
  };
  for (const error of result.errors) {
    if (error.code === 'UndetectableDelimiter') continue;
    const row = error.row === undefined ? 0 : (dataRowOfRaw.get(error.row) ?? 0);
    report(row, QUOTE_MESSAGES[error.code] ?? error.message, true);
  }

  // Headers pass through the export's formula guard too (invalid-rows files repeat a foreign file's headers).
  const headers = uniqueHeaders((header ?? []).map(unguardCell));
  const rows = kept.map((cells, index) => {
    if (cells.length > headers.length && cells.slice(headers.length).some((cell) => cell.trim() !== '')) {
      report(
        index + 1,
        `has ${cells.length} cells but the header has ${headers.length}: the extra cells are ignored`,
        false,
      );
    }
    if (cells.length === headers.length) return cells;
    const row = cells.slice(0, headers.length);
    while (row.length < headers.length) row.push('');
    return row;
  });
  if (headers.length === 0) report(0, 'the file has no header row', false);
  problems.sort((a, b) => a.row - b.row);
  return { headers, rows, delimiter, problems };
}

const QUOTE_MESSAGES: Partial<Record<string, string>> = {
  MissingQuotes: 'a quoted cell is never closed: the rest of the file was read into that cell',
  InvalidQuotes: 'a quoted cell has text after its closing quote',
};

function delimiterOfHeaderLine(text: string): CsvDelimiter {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Trimmed, blank ones named by position, repeats numbered; compared case-insensitively, as mapping compares them. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const taken = new Set<string>();
  const counts = new Map<string, number>();
  return raw.map((cell, index) => {
    const base = cell.trim() || `Column ${index + 1}`;
    let name = base;
    let n = counts.get(base.toLowerCase()) ?? 1;
    while (taken.has(name.toLowerCase())) {
      n++;
      name = `${base} (${n})`;
    }
    counts.set(base.toLowerCase(), n);
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Slices a long list for batched writes: the caller imports 100k rows a few hundred per transaction. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[], void, undefined> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('batch size must be a positive integer');
  for (let start = 0; start < items.length; start += size) {
    yield items.slice(start, start + size);
  }
}
