/**
 * Formula-injection guard. A spreadsheet runs a cell that starts with = + - @ (or a tab or CR, which some strip
 * first) as a formula, so a contact named `=HYPERLINK(…)` could act when the export is opened. Such a cell gets a
 * leading apostrophe, which spreadsheets show as "this is text" and hide.
 *
 * A phone number in international form ("+855 12 345 678", "+1 (555) 010-2000") is left bare: digits, spaces,
 * dashes and parentheses after a + can at worst be read as arithmetic, never call a function or reach outside the
 * sheet, while an apostrophe before every exported phone shows up in Numbers, LibreOffice and any program that
 * reads the file as text.
 *
 * Import strips exactly this guard (unguardCell, applied by lib/import to every header and cell), and the guard also
 * covers cells that already start with apostrophes before a trigger character, so `'=x` exports as `''=x` and
 * comes back as `'=x`: export → import is lossless for every string. The cost: a foreign file whose cell really is
 * `'=x` imports as `=x`, which is also what the spreadsheet showed.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const UNGUARD = /^'+[=+\-@\t\r]/;
/** One number or several as the export joins them ("+855 12 345 678; 023 880 123"); one way to match, no backtracking. */
const PHONES = /^\+[\d ()-]+(?:; ?\+?[\d()-][\d ()-]*)*$/;

const isPhoneList = (value: string) => PHONES.test(value) && /\d/.test(value);

export function guardCell(value: string): string {
  return GUARDED.test(value) && !isPhoneList(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return UNGUARD.test(value) ? value.slice(1) : value;
}
