/**
 * Turns the bytes of an uploaded CSV into text. Spreadsheets write CSVs in several encodings and rarely say which:
 * Excel's "CSV UTF-8" starts with a BOM, its "Unicode Text" is UTF-16LE (with a BOM), and older Excel "CSV (Comma
 * delimited)" on Windows writes windows-1252. File.text() would assume UTF-8 and turn the rest into U+FFFD.
 */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

// How many bytes the UTF-16-without-BOM sniffing looks at: enough for a header row and a few records.
const SNIFF_BYTES = 4096;

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the one common legacy encoding of spreadsheet CSVs is windows-1252, and every byte sequence
    // is valid in it, so this never fails (it may show a wrong letter for a file in another code page).
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function decode(label: string, bytes: Uint8Array): string {
  // ignoreBOM keeps a second BOM as data instead of silently eating it; parseCsv strips a leading one anyway.
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/**
 * UTF-16 without a BOM shows itself by NUL bytes: CSV headers and delimiters are ASCII, whose UTF-16 code units have
 * a zero high byte. In UTF-8 or windows-1252 text a NUL byte does not occur at all.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  // A quarter of the pairs is a low bar on purpose: a mostly-Khmer file has ASCII only in delimiters and digits.
  // The other side may have a few zero bytes too (U+0100, U+2000 …), hence a ratio rather than none at all.
  if (oddNuls >= pairs / 4 && evenNuls * 8 < oddNuls) return 'utf-16le';
  if (evenNuls >= pairs / 4 && oddNuls * 8 < evenNuls) return 'utf-16be';
  return null;
}

/**
 * 0x80–0x9F of windows-1252 (€, curly quotes, dashes …); every other byte is the Latin-1 code point. Decoded by
 * hand because Node's TextDecoder (v20, seen under vitest) decodes the label "windows-1252" as Latin-1 and turns
 * "€" into U+0080. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control, as browsers do.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  // Chunked so a large file does not build one enormous argument list.
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = Array.from(chunk, (byte) =>
      byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}
