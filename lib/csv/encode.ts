import Papa from 'papaparse';
import { guardCell } from './guard';

/** CSV text with CRLF line ends (RFC 4180, what Excel writes); every header and cell passes through the guard. */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    { fields: headers.map(guardCell), data: rows.map((row) => row.map(guardCell)) },
    { newline: '\r\n', quotes: false, escapeFormulae: false, header: true },
  );
}

/** The bytes to download: UTF-8 with a BOM, without which Excel reads UTF-8 as windows-1252 and garbles Khmer. */
export function csvFileBytes(text: string): Uint8Array {
  return new TextEncoder().encode(`\ufeff${text}`);
}
