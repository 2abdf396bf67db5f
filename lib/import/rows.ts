import { recordId, shortText } from '../model/common';
import { domainName } from '../model/company';
import { contactEmail, contactPhone, type LifecycleStage } from '../model/contact';
import type { CustomPropertyDef } from '../model/custom-property';
import { emailDomain, normaliseEmail } from '../model/email';
import type { Money } from '../model/money';
import type { Pipeline } from '../model/pipeline';
import { fromWallClock } from '../time/zoned';
import { parseAmount, parseCurrency } from './cells/amounts';
import { type DateContext, parseDateCell } from './cells/dates';
import { PHONE_PLACEHOLDER, quote, splitEmails, splitPhones } from './cells/text';
import { LIFECYCLE_LIST, LIFECYCLE_WORDS, STATUS_WORDS } from './cells/words';
import type { CustomValue, ImportDraft } from './draft';
import { type ColumnMapping, type ImportEntity, type MappingTarget, normaliseHeader } from './mapping';
import { type CellError, Cells, readCustom } from './row-cells';

export interface ImportContext extends DateContext {
  /** Currency of amounts that name none (no currency column, no symbol). */
  defaultCurrency: string;
  pipelines: readonly Pipeline[];
  /** Pipeline of deals whose row names none; the first pipeline by order when null. */
  defaultPipelineId: string | null;
  propertyDefs: readonly CustomPropertyDef[];
  /** Dates are calendar days in the rep's zone: the expected close day starts at midnight there. */
  timeZone: string;
}

export type DraftOf<E extends ImportEntity> = Extract<ImportDraft, { entity: E }>;

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

const KHMER = /[\u1780-\u17ff]/;

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
      if (parsed && !seen.has(normaliseEmail(parsed.address))) {
        seen.add(normaliseEmail(parsed.address));
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
    id: ownId(cells),
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
    id: ownId(cells),
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
    if (parsed && !contactEmails.some((known) => normaliseEmail(known) === normaliseEmail(parsed.address))) {
      contactEmails.push(parsed.address);
    }
  }

  return finish<DraftOf<'deal'>>(cells, {
    entity: 'deal',
    id: ownId(cells),
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

/** An ID cell holding one of our record ids; another program's ids (numbers, mostly) name no record of ours. */
function ownId(cells: Cells): string | null {
  const parsed = recordId.safeParse(cells.value('id').toLowerCase());
  return parsed.success ? parsed.data : null;
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
