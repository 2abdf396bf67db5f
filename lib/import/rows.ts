import type { z } from 'zod';
import { unguardCell } from '../csv/guard';
import { shortText } from '../model/common';
import { domainName } from '../model/company';
import { contactEmail, contactPhone, type LifecycleStage } from '../model/contact';
import { type CustomPropertyDef, customValuesSchema } from '../model/custom-property';
import { emailDomain, normalizeEmail } from '../model/email';
import { currencyCode, type Money, minorUnitDigits, SUPPORTED_CURRENCIES } from '../model/money';
import type { Pipeline } from '../model/pipeline';
import { fromWallClock } from '../time/zoned';
import type { CustomValue, ImportDraft } from './draft';
import {
  type ColumnMapping,
  type CustomTarget,
  customTarget,
  type FieldTarget,
  type ImportEntity,
  liveDefs,
  type MappingTarget,
  normaliseHeader,
} from './mapping';

export type DateOrder = 'dmy' | 'mdy';

export interface ImportContext {
  /** Currency of amounts that name none (no currency column, no symbol). */
  defaultCurrency: string;
  pipelines: readonly Pipeline[];
  /** Pipeline of deals whose row names none; the first pipeline by order when null. */
  defaultPipelineId: string | null;
  customPropertyDefs: readonly CustomPropertyDef[];
  /** Dates are calendar days in the rep's zone: the expected close day starts at midnight there. */
  timeZone: string;
  /** Resolves two-digit years ("25" → 2025, "80" → 1980). */
  now: number;
  /**
   * How to read 03/04/2025 when nothing else tells. Null reports such dates; inferDateOrder() can find the order
   * from other rows of the same column.
   */
  dateOrder?: DateOrder | null;
}

export type DraftOf<E extends ImportEntity> = Extract<ImportDraft, { entity: E }>;

export interface CellError {
  /** The CSV header of the column at fault. */
  column: string;
  message: string;
}

export type RowResult<D extends ImportDraft = ImportDraft> =
  | { ok: true; draft: D }
  | { ok: false; errors: CellError[] };

/** One data row → a draft ready for the store, or every problem of the row, each naming its column. */
export function rowToDraft<E extends ImportEntity>(
  entity: E,
  row: readonly string[],
  headers: readonly string[],
  mapping: ColumnMapping,
  context: ImportContext,
): RowResult<DraftOf<E>> {
  const cells = new Cells(row, headers, mapping);
  const custom = readCustom(entity, cells, context);
  let result: RowResult;
  switch (entity) {
    case 'contact':
      result = contactDraft(cells, custom);
      break;
    case 'company':
      result = companyDraft(cells, custom);
      break;
    default:
      result = dealDraft(cells, custom, context);
  }
  return result as RowResult<DraftOf<E>>;
}

/** Values of one row by target, with the formula guard of our own export removed and the column remembered. */
class Cells {
  readonly errors: CellError[] = [];
  readonly provided: (FieldTarget | CustomTarget)[] = [];
  private readonly byTarget = new Map<MappingTarget, { header: string; value: string }>();

  constructor(row: readonly string[], headers: readonly string[], mapping: ColumnMapping) {
    headers.forEach((header, index) => {
      const target = mapping[header] ?? 'skip';
      if (target === 'skip' || this.byTarget.has(target)) return;
      // Spreadsheets write a line break inside a cell as LF or CRLF; the store keeps LF only.
      const value = unguardCell(row[index] ?? '')
        .replace(/\r\n?/g, '\n')
        .trim();
      this.byTarget.set(target, { header, value });
      if (value !== '') this.provided.push(target);
    });
  }

  value(target: MappingTarget): string {
    return this.byTarget.get(target)?.value ?? '';
  }

  mapped(target: MappingTarget): boolean {
    return this.byTarget.has(target);
  }

  /** The header to blame for a target; the target's own name when no column maps to it. */
  column(target: MappingTarget): string {
    return this.byTarget.get(target)?.header ?? target;
  }

  fail(target: MappingTarget, message: string): void {
    this.errors.push({ column: this.column(target), message });
  }

  /** Runs a zod schema on a value and reports its first issue against the target's column. */
  check<T>(target: MappingTarget, schema: z.ZodType<T>, value: unknown, shown: string): T | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.fail(target, `${quote(shown)} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
    return undefined;
  }
}

function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 37)}…` : value;
  return `"${short}"`;
}

function finish<D extends ImportDraft>(cells: Cells, draft: D): RowResult<D> {
  return cells.errors.length > 0 ? { ok: false, errors: cells.errors } : { ok: true, draft };
}

const nameText = shortText(200);
const notesText = shortText(100_000);

function contactDraft(cells: Cells, custom: Record<string, CustomValue>): RowResult {
  const emails: { address: string }[] = [];
  const seen = new Set<string>();
  for (const target of ['email', 'email2'] as const) {
    for (const address of splitEmails(cells.value(target))) {
      const parsed = cells.check(target, contactEmail, { address }, address);
      if (parsed && !seen.has(normalizeEmail(parsed.address))) {
        seen.add(normalizeEmail(parsed.address));
        emails.push({ address: parsed.address });
      }
    }
  }

  const phones: { number: string }[] = [];
  for (const number of splitPhones(cells.value('phone'))) {
    // "-" or "n/a" in a phone column means "none", not a malformed number.
    if (PHONE_PLACEHOLDER.test(number)) continue;
    const parsed = cells.check('phone', contactPhone, { number }, number);
    if (parsed) phones.push({ number: parsed.number });
  }

  let name = cells.value('name');
  const nameTarget = (['name', 'firstName', 'lastName', 'email'] as const).find((t) => cells.mapped(t)) ?? 'name';
  if (name === '') {
    const first = cells.value('firstName');
    const last = cells.value('lastName');
    // Khmer names are written family name first (សុខ ដារ៉ា); Latin-script names given name first.
    name = (KHMER.test(first + last) ? [last, first] : [first, last]).filter(Boolean).join(' ');
  }
  // An address-only row (a mailing-list export) is still a contact; the address stands in for the name.
  if (name === '') name = emails[0]?.address ?? '';
  if (name === '') {
    if (cells.errors.length === 0) cells.fail(nameTarget, 'a name or an email address is required');
  } else {
    cells.check(nameTarget, nameText, name, name);
  }

  const lifecycleText = cells.value('lifecycle');
  let lifecycle: LifecycleStage = 'lead';
  if (lifecycleText !== '') {
    const known = LIFECYCLE_WORDS.get(normaliseHeader(lifecycleText));
    if (known) lifecycle = known;
    else cells.fail('lifecycle', `${quote(lifecycleText)} is not a lifecycle stage (${LIFECYCLE_LIST})`);
  }

  const jobTitle = cells.check('jobTitle', shortText(200), cells.value('jobTitle'), cells.value('jobTitle')) ?? '';
  const companyName = optionalText(cells, 'company', 200);
  const sourceName = optionalText(cells, 'source', 80);
  const ownerName = optionalText(cells, 'owner', 254);
  const notes = cells.check('notes', notesText, cells.value('notes'), 'notes') ?? '';
  return finish<DraftOf<'contact'>>(cells, {
    entity: 'contact',
    name,
    emails,
    phones,
    jobTitle,
    companyName,
    lifecycle,
    sourceName,
    ownerName,
    notes,
    custom,
    provided: cells.provided,
  });
}

function companyDraft(cells: Cells, custom: Record<string, CustomValue>): RowResult {
  const name = cells.value('name');
  if (name === '') cells.fail('name', 'a company name is required');
  else cells.check('name', nameText, name, name);

  const domains: string[] = [];
  for (const part of cells
    .value('domain')
    .split(/[\s;,]+/)
    .filter(Boolean)) {
    const candidate = part.includes('@') ? emailDomain(part) : part;
    const domain = cells.check('domain', domainName, candidate, part);
    if (domain && !domains.includes(domain)) domains.push(domain);
  }
  const phone = cells.check('phone', shortText(40), cells.value('phone'), cells.value('phone')) ?? '';
  const address = cells.check('address', shortText(500), cells.value('address'), 'address') ?? '';
  return finish<DraftOf<'company'>>(cells, {
    entity: 'company',
    name,
    domains,
    phone,
    address,
    ownerName: optionalText(cells, 'owner', 254),
    custom,
    provided: cells.provided,
  });
}

function dealDraft(cells: Cells, custom: Record<string, CustomValue>, context: ImportContext): RowResult {
  const title = cells.value('title');
  if (title === '') cells.fail('title', 'a deal title is required');
  else cells.check('title', nameText, title, title);

  const value = readMoney(cells, context);

  let pipelineId = '';
  let stageId = '';
  const pipeline = findPipeline(cells, context);
  if (pipeline) {
    pipelineId = pipeline.id;
    const stageText = cells.value('stage');
    const stage =
      stageText === ''
        ? pipeline.stages[0]
        : pipeline.stages.find((candidate) => normaliseHeader(candidate.name) === normaliseHeader(stageText));
    if (stage) stageId = stage.id;
    else cells.fail('stage', `${quote(stageText)} is not a stage of pipeline "${pipeline.name}"`);
  }

  const statusText = cells.value('status');
  let status: DraftOf<'deal'>['status'] = 'open';
  if (statusText !== '') {
    const known = STATUS_WORDS.get(normaliseHeader(statusText));
    if (known) status = known;
    else cells.fail('status', `${quote(statusText)} is not a deal status (open, won, lost)`);
  }

  let expectedCloseAt: number | null = null;
  const closeText = cells.value('expectedClose');
  if (closeText !== '') {
    const date = parseDateCell(closeText, context);
    if (date.ok) {
      expectedCloseAt = fromWallClock({ ...date.date, hour: 0, minute: 0 }, context.timeZone);
    } else {
      cells.fail('expectedClose', date.message);
    }
  }

  const contactEmails: string[] = [];
  for (const address of splitEmails(cells.value('contactEmail'))) {
    const parsed = cells.check('contactEmail', contactEmail, { address }, address);
    if (parsed && !contactEmails.some((known) => normalizeEmail(known) === normalizeEmail(parsed.address))) {
      contactEmails.push(parsed.address);
    }
  }

  return finish<DraftOf<'deal'>>(cells, {
    entity: 'deal',
    title,
    value: value ?? { amount: 0, currency: context.defaultCurrency },
    pipelineId,
    stageId,
    status,
    expectedCloseAt,
    companyName: optionalText(cells, 'company', 200),
    contactEmails,
    ownerName: optionalText(cells, 'owner', 254),
    custom,
    provided: cells.provided,
  });
}

function optionalText(cells: Cells, target: MappingTarget, max: number): string | null {
  const value = cells.value(target);
  if (value === '') return null;
  return cells.check(target, shortText(max), value, value) ?? null;
}

function findPipeline(cells: Cells, context: ImportContext): Pipeline | undefined {
  const live = context.pipelines.filter((pipeline) => pipeline.deletedAt === null).sort((a, b) => a.order - b.order);
  const named = cells.value('pipeline');
  if (named !== '') {
    const found = live.find((pipeline) => normaliseHeader(pipeline.name) === normaliseHeader(named));
    if (!found) cells.fail('pipeline', `${quote(named)} is not a pipeline`);
    return found;
  }
  const fallback = live.find((pipeline) => pipeline.id === context.defaultPipelineId) ?? live[0];
  if (!fallback) cells.fail('pipeline', 'there is no pipeline to put the deal in');
  return fallback;
}

// ---------------------------------------------------------------------------------------------------------------
// Words

const KHMER = /[\u1780-\u17ff]/;
const PHONE_PLACEHOLDER = /^(?:[-–—.?\s]+|n\/?a|none|#n\/a|គ្មាន)$/i;

function wordTable<T>(entries: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(entries).map(([word, value]) => [normaliseHeader(word), value]));
}

const LIFECYCLE_WORDS = wordTable<LifecycleStage>({
  subscriber: 'subscriber',
  អ្នកជាវ: 'subscriber',
  lead: 'lead',
  'new lead': 'lead',
  prospect: 'lead',
  'marketing qualified lead': 'lead',
  mql: 'lead',
  អតិថិជនសក្តានុពល: 'lead',
  អតិថិជនសក្ដានុពល: 'lead',
  អតិថិជនមានសក្តានុពល: 'lead',
  opportunity: 'opportunity',
  'sales qualified lead': 'opportunity',
  sql: 'opportunity',
  ឱកាស: 'opportunity',
  ឱកាសលក់: 'opportunity',
  customer: 'customer',
  client: 'customer',
  អតិថិជន: 'customer',
  evangelist: 'evangelist',
  advocate: 'evangelist',
  promoter: 'evangelist',
  អ្នកគាំទ្រ: 'evangelist',
  other: 'other',
  ផ្សេងៗ: 'other',
  ផ្សេងទៀត: 'other',
});
const LIFECYCLE_LIST = 'subscriber, lead, opportunity, customer, evangelist, other';

const STATUS_WORDS = wordTable<DraftOf<'deal'>['status']>({
  open: 'open',
  active: 'open',
  'in progress': 'open',
  បើក: 'open',
  កំពុងដំណើរការ: 'open',
  won: 'won',
  'closed won': 'won',
  win: 'won',
  ឈ្នះ: 'won',
  ជោគជ័យ: 'won',
  lost: 'lost',
  'closed lost': 'lost',
  ចាញ់: 'lost',
  បរាជ័យ: 'lost',
});

const TRUE_WORDS = new Set(
  ['true', 'yes', 'y', '1', 'x', '✓', '✔', 'on', 'checked', 'បាទ', 'ចាស', 'ពិត', 'មាន'].map(normaliseHeader),
);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'unchecked', 'ទេ', 'មិនពិត', 'គ្មាន'].map(normaliseHeader));

// ---------------------------------------------------------------------------------------------------------------
// Cells that hold lists

/** "a@x.com; b@y.com", "Sok <sok@x.com>, Dara <dara@y.com>": a cell may hold several addresses. */
function splitEmails(cell: string): string[] {
  if (cell === '') return [];
  const bracketed = [...cell.matchAll(/<([^<>]+)>/g)].map((match) => (match[1] ?? '').trim());
  if (bracketed.length > 0) return bracketed.filter(Boolean);
  return cell.split(/[\s;,]+/).filter(Boolean);
}

/** "012 345 678; 097 111 222" or " / " between numbers; Khmer digits become ASCII ones. */
function splitPhones(cell: string): string[] {
  return toAsciiDigits(cell)
    .split(/[;,\n]|\s\/\s/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function toAsciiDigits(text: string): string {
  return text.replace(/[\u17e0-\u17e9]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0));
}

// ---------------------------------------------------------------------------------------------------------------
// Money

const KNOWN_CURRENCIES = SUPPORTED_CURRENCIES;
const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '៛': 'KHR',
  '€': 'EUR',
  '฿': 'THB',
  '₫': 'VND',
  '¥': 'CNY',
  '￥': 'CNY',
};
const CURRENCY_WORDS = wordTable<string>({
  dollar: 'USD',
  dollars: 'USD',
  ដុល្លារ: 'USD',
  riel: 'KHR',
  riels: 'KHR',
  រៀល: 'KHR',
  baht: 'THB',
  dong: 'VND',
  euro: 'EUR',
  yuan: 'CNY',
  rmb: 'CNY',
});

/** A currency cell: "USD", "usd", "$", "៛", "Riel", "រៀល". Null when it is none of those. */
export function parseCurrency(text: string): string | null {
  const trimmed = text.trim();
  const symbol = CURRENCY_SYMBOLS[trimmed];
  if (symbol) return symbol;
  const word = CURRENCY_WORDS.get(normaliseHeader(trimmed));
  if (word) return word;
  const code = trimmed.toUpperCase();
  return currencyCode.safeParse(code).success ? code : null;
}

export type AmountResult = { ok: true; minor: number; currency: string | null } | { ok: false; message: string };

/**
 * "1,250.50", "$1,250", "៛4,100,000", "៤ ១០០ ០០០", "1.250,50", "(300.00)", "USD 99" → minor units of the currency
 * it names (or `fallbackCurrency`). Amounts are rounded to the currency's minor unit: KHR to whole riel.
 */
export function parseAmount(text: string, fallbackCurrency: string): AmountResult {
  let rest = toAsciiDigits(text.trim());
  let currency: string | null = null;
  const symbol = /^(US\$|[$៛€฿₫¥￥])|(US\$|[$៛€฿₫¥￥])$/.exec(rest.replace(/^-/, ''));
  const found = symbol?.[1] ?? symbol?.[2];
  if (found) {
    currency = CURRENCY_SYMBOLS[found] ?? null;
    rest = rest.replace(found, '');
  }
  const word = /^([A-Za-z\u1780-\u17ff]+)\s*|\s*([A-Za-z\u1780-\u17ff]+)$/.exec(rest);
  const wordText = word?.[1] ?? word?.[2];
  if (wordText) {
    // Inside an amount only currencies people write there count, so "12abc" is not 12 of a currency "ABC".
    const named = parseCurrency(wordText);
    if (!named || !(KNOWN_CURRENCIES as readonly string[]).includes(named)) {
      return { ok: false, message: `${quote(text)} is not an amount` };
    }
    if (currency && currency !== named) return { ok: false, message: `${quote(text)} names two currencies` };
    currency = named;
    rest = rest.replace(wordText, '');
  }
  let negative = false;
  rest = rest.replace(/[\s\u00a0\u202f']/g, '');
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1);
  }
  if (rest.startsWith('-')) {
    negative = !negative;
    rest = rest.slice(1);
  }
  const decimal = decimalForm(rest);
  if (decimal === null) return { ok: false, message: `${quote(text)} is not an amount` };
  const digits = minorUnitDigits(currency ?? fallbackCurrency);
  const minor = toMinorUnits(decimal, digits);
  if (minor === null || minor > 1e15) return { ok: false, message: `${quote(text)} is too large` };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor, currency };
}

/**
 * Resolves thousands and decimal separators to "1234.56", or null. The last of "," and "." is the decimal point when
 * both occur; a lone separator followed by exactly three digits groups thousands (US and Cambodian writing), else it
 * is the decimal point (a LibreOffice file in a comma-decimal locale writes "1250,5").
 */
function decimalForm(text: string): string | null {
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let result = text;
  if (lastComma >= 0 && lastDot >= 0) {
    const point = lastComma > lastDot ? ',' : '.';
    const group = point === ',' ? '.' : ',';
    const at = Math.max(lastComma, lastDot);
    const whole = text.slice(0, at);
    if (!groupedThousands(whole, group)) return null;
    result = `${whole.split(group).join('')}.${text.slice(at + 1)}`;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const parts = text.split(separator);
    const thousands = parts.length > 2 || (separator === ',' && parts[1]?.length === 3);
    if (thousands && !groupedThousands(text, separator)) return null;
    result = thousands ? parts.join('') : parts.join('.');
  }
  return /^\d+(\.\d+)?$/.test(result) ? result : null;
}

function groupedThousands(text: string, separator: string): boolean {
  if (!text.includes(separator)) return /^\d+$/.test(text);
  const escaped = separator === '.' ? '\\.' : separator;
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(text);
}

/** Decimal string → integer minor units, rounding half up, without binary floating point ("1.005" → 101). */
function toMinorUnits(decimal: string, digits: number): number | null {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const roundUp = (fraction[digits] ?? '0') >= '5' ? 1 : 0;
  const value = Number(whole) * 10 ** digits + Number(kept || '0') + roundUp;
  return Number.isSafeInteger(value) ? value : null;
}

function readMoney(cells: Cells, context: ImportContext): Money | undefined {
  const currencyText = cells.value('currency');
  let columnCurrency: string | null = null;
  if (currencyText !== '') {
    columnCurrency = parseCurrency(currencyText);
    if (!columnCurrency) cells.fail('currency', `${quote(currencyText)} is not a currency code (USD, KHR …)`);
  }
  const amountText = cells.value('amount');
  if (amountText === '') return { amount: 0, currency: columnCurrency ?? context.defaultCurrency };
  const parsed = parseAmount(amountText, columnCurrency ?? context.defaultCurrency);
  if (!parsed.ok) {
    cells.fail('amount', parsed.message);
    return undefined;
  }
  if (parsed.currency && columnCurrency && parsed.currency !== columnCurrency) {
    cells.fail(
      'amount',
      `${quote(amountText)} is in ${parsed.currency} but the currency column says ${columnCurrency}`,
    );
    return undefined;
  }
  return { amount: parsed.minor, currency: parsed.currency ?? columnCurrency ?? context.defaultCurrency };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTHS = wordTable<number>({
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  មករា: 1,
  កុម្ភៈ: 2,
  មីនា: 3,
  មេសា: 4,
  ឧសភា: 5,
  មិថុនា: 6,
  កក្កដា: 7,
  សីហា: 8,
  កញ្ញា: 9,
  តុលា: 10,
  វិច្ឆិកា: 11,
  ធ្នូ: 12,
});

export type DateResult = { ok: true; date: CalendarDate } | { ok: false; message: string };

/**
 * YYYY-MM-DD (with or without a time after it), YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY when the numbers tell which,
 * DD.MM.YYYY, "4 Mar 2025", "March 4, 2025", "4 មីនា 2025"; Khmer digits too.
 */
export function parseDateCell(text: string, context: Pick<ImportContext, 'now' | 'dateOrder'>): DateResult {
  const value = toAsciiDigits(text.trim());
  const bad = { ok: false, message: `${quote(text)} is not a date (use YYYY-MM-DD)` } as const;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(value);
  if (match) return calendar(Number(match[1]), Number(match[2]), Number(match[3])) ?? bad;

  match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(value);
  if (match) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    const year = fullYear(match[4] ?? '', context.now);
    // Day-first with dots is the only convention that uses dots (German, Russian, LibreOffice defaults).
    let order: DateOrder | null = match[2] === '.' ? 'dmy' : null;
    if (order === null) order = a > 12 ? 'dmy' : b > 12 ? 'mdy' : a === b ? 'dmy' : (context.dateOrder ?? null);
    if (order === null) {
      return { ok: false, message: `${quote(text)} is ambiguous: day/month or month/day? Use YYYY-MM-DD` };
    }
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    return calendar(year, month, day) ?? bad;
  }

  match = /^(\d{1,2})[\s-]+([^\d\s,.-]+)\.?,?[\s-]+(\d{2}|\d{4})$/u.exec(value);
  if (match) {
    const month = MONTHS.get(normaliseHeader(match[2] ?? ''));
    return month ? (calendar(fullYear(match[3] ?? '', context.now), month, Number(match[1])) ?? bad) : bad;
  }
  match = /^([^\d\s,.-]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(value);
  if (match) {
    const month = MONTHS.get(normaliseHeader(match[1] ?? ''));
    return month ? (calendar(Number(match[3]), month, Number(match[2])) ?? bad) : bad;
  }
  return bad;
}

function calendar(year: number, month: number, day: number): DateResult | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { ok: true, date: { year, month, day } };
}

function fullYear(text: string, now: number): number {
  if (text.length === 4) return Number(text);
  // Two-digit years fall within 80 years before and 20 after now, as spreadsheets read them.
  const thisYear = new Date(now).getUTCFullYear();
  const year = Math.floor(thisYear / 100) * 100 + Number(text);
  if (year > thisYear + 20) return year - 100;
  if (year <= thisYear - 80) return year + 100;
  return year;
}

/**
 * The day/month order of a date column, from the rows that show it (a 25 can only be a day). Null when no row
 * tells, or when rows disagree.
 */
export function inferDateOrder(values: readonly string[]): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const value of values) {
    const match = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(toAsciiDigits(value.trim()));
    if (!match) continue;
    if (Number(match[1]) > 12) dmy = true;
    if (Number(match[2]) > 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}

export function formatCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Custom properties

// Building a zod schema costs far more than running one: one per set of filled-in properties, not one per row.
const customSchemas = new WeakMap<object, Map<string, ReturnType<typeof customValuesSchema>>>();

function customSchemaFor(all: readonly CustomPropertyDef[], filled: readonly CustomPropertyDef[]) {
  let byKeys = customSchemas.get(all);
  if (!byKeys) {
    byKeys = new Map();
    customSchemas.set(all, byKeys);
  }
  const keys = filled.map((def) => def.key).join('\u0000');
  let schema = byKeys.get(keys);
  if (!schema) {
    schema = customValuesSchema(filled);
    byKeys.set(keys, schema);
  }
  return schema;
}

function readCustom(entity: ImportEntity, cells: Cells, context: ImportContext): Record<string, CustomValue> {
  const values: Record<string, CustomValue> = {};
  const mappedDefs: CustomPropertyDef[] = [];
  for (const def of liveDefs(entity, context.customPropertyDefs)) {
    const target = customTarget(def.key);
    if (!cells.mapped(target)) continue;
    mappedDefs.push(def);
    const text = cells.value(target);
    if (text === '') {
      if (def.required) cells.fail(target, 'is required');
      continue;
    }
    const coerced = coerceCustom(def, text, context);
    if (coerced.ok) values[def.key] = coerced.value;
    else cells.fail(target, coerced.message);
  }
  const filled = mappedDefs.filter((def) => def.key in values);
  if (filled.length === 0) return values;
  // The model's schema has the last word (lengths, select options), so import and the forms agree on what is valid.
  const parsed = customSchemaFor(context.customPropertyDefs, filled).safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      cells.fail(customTarget(key), `${quote(String(values[key] ?? ''))} ${issue.message}`);
    }
  }
  return values;
}

function coerceCustom(
  def: CustomPropertyDef,
  text: string,
  context: ImportContext,
): { ok: true; value: CustomValue } | { ok: false; message: string } {
  switch (def.type) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const number = parseNumber(text);
      return number === null ? { ok: false, message: `${quote(text)} is not a number` } : { ok: true, value: number };
    }
    case 'date': {
      const date = parseDateCell(text, context);
      return date.ok ? { ok: true, value: formatCalendarDate(date.date) } : date;
    }
    case 'select': {
      const option = def.options.find((candidate) => normaliseHeader(candidate) === normaliseHeader(text));
      return option !== undefined
        ? { ok: true, value: option }
        : { ok: false, message: `${quote(text)} is not one of: ${def.options.join(', ')}` };
    }
    case 'checkbox': {
      const word = normaliseHeader(text);
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `${quote(text)} is not yes or no` };
    }
  }
}

/** "1,234.5", "1e3", "-7", "៣៥" → a finite number; thousands separators as in amounts. */
export function parseNumber(text: string): number | null {
  const ascii = toAsciiDigits(text.trim()).replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d+(\.\d+)?e[+-]?\d+$/i.test(ascii)) return Number(ascii);
  const negative = ascii.startsWith('-');
  const decimal = decimalForm(negative ? ascii.slice(1) : ascii);
  if (decimal === null) return null;
  const value = Number(decimal);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
