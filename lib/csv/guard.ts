/**
 * Formula-injection guard. A spreadsheet runs a cell that starts with = + - @ (or a tab or CR, which some strip
 * first) as a formula, so a contact named `=HYPERLINK(…)` could act when the export is opened. Such a cell gets a
 * leading apostrophe, which spreadsheets show as "this is text" and hide.
 *
 * Import strips exactly this guard (unguardCell, applied by lib/import to every header and cell), and the guard also
 * covers cells that already start with apostrophes before a trigger character, so `'=x` exports as `''=x` and
 * comes back as `'=x`: export → import is lossless for every string. The cost: a foreign file whose cell really is
 * `'=x` imports as `=x`, which is also what the spreadsheet showed.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const UNGUARD = /^'+[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return GUARDED.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return UNGUARD.test(value) ? value.slice(1) : value;
}
