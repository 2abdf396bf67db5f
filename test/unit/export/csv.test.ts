import { describe, expect, it } from 'vitest';
import {
  activitiesTable,
  companiesTable,
  contactsTable,
  csvFileBytes,
  dealsTable,
  type ExportContext,
  formatMajorUnits,
  guardCell,
  indexById,
  tasksTable,
  toCsv,
  unguardCell,
} from '../../../lib/export/csv';
import { decodeCsvBytes } from '../../../lib/import/decode';
import { guessMapping } from '../../../lib/import/mapping';
import { parseCsv } from '../../../lib/import/parse';
import { type ImportContext, rowToDraft } from '../../../lib/import/rows';
import type { Activity } from '../../../lib/model/activity';
import type { Company } from '../../../lib/model/company';
import type { Contact } from '../../../lib/model/contact';
import type { CustomPropertyDef } from '../../../lib/model/custom-property';
import type { Deal } from '../../../lib/model/deal';
import type { Rep } from '../../../lib/model/rep';
import type { Source } from '../../../lib/model/source';
import type { Task } from '../../../lib/model/task';
import { corpusPipeline } from '../../fixtures/csv/context';

const T0 = Date.UTC(2025, 2, 4, 3, 30);
const base = (n: number) => ({
  id: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
});

const defs: CustomPropertyDef[] = [
  {
    ...base(900),
    entity: 'contact',
    key: 'province',
    label: 'Province',
    type: 'select',
    options: ['Phnom Penh', 'សៀមរាប'],
    required: false,
    order: 0,
  },
  {
    ...base(901),
    entity: 'contact',
    key: 'vip',
    label: 'VIP',
    type: 'checkbox',
    options: [],
    required: false,
    order: 1,
  },
  {
    ...base(902),
    entity: 'contact',
    key: 'visits',
    label: 'Visits',
    type: 'number',
    options: [],
    required: false,
    order: 2,
  },
  {
    ...base(903),
    entity: 'contact',
    key: 'met_on',
    label: 'Met on',
    type: 'date',
    options: [],
    required: false,
    order: 3,
  },
  {
    ...base(904),
    entity: 'contact',
    key: 'remark',
    label: 'Remark',
    type: 'text',
    options: [],
    required: false,
    order: 4,
  },
  { ...base(905), entity: 'deal', key: 'tons', label: 'Tons', type: 'number', options: [], required: false, order: 0 },
  {
    ...base(906),
    entity: 'company',
    key: 'industry',
    label: 'Industry',
    type: 'text',
    options: [],
    required: false,
    order: 0,
  },
];

const company: Company = {
  ...base(1),
  name: 'ក្រុមហ៊ុន អង្គរ, ត្រេឌីង',
  domains: ['angkor.com.kh', 'angkor.asia'],
  phone: '+855 23 123 456',
  address: '#12, St. 310\nPhnom Penh',
  ownerId: null,
  custom: { industry: '=Rice' },
};
const source: Source = { ...base(2), name: 'ការណែនាំ', key: null, order: 0 };
const rep: Rep = { ...base(3), name: 'Sokha', email: 'sokha@sidecar.example', accountEmails: [] };

const contacts: Contact[] = [
  {
    ...base(10),
    name: 'សុខ ដារ៉ា',
    emails: [{ address: 'Dara@Angkor.com.kh' }, { address: 'dara@gmail.com' }, { address: 'd@x.org' }],
    phones: [{ number: '+855 12 345 678' }, { number: '097 111 222' }],
    jobTitle: 'អ្នកគ្រប់គ្រង "ធំ"',
    companyId: company.id,
    lifecycle: 'customer',
    sourceId: source.id,
    ownerId: rep.id,
    custom: { province: 'សៀមរាប', vip: true, visits: -3, met_on: '2024-12-31', remark: "'=not a formula\nline 2" },
    mergedInto: null,
    lastContactedAt: null,
  },
  {
    ...base(11),
    name: '=HYPERLINK("http://evil.example","x")',
    emails: [{ address: 'evil@example.com' }],
    phones: [],
    jobTitle: '@admin',
    companyId: null,
    lifecycle: 'subscriber',
    sourceId: null,
    ownerId: null,
    custom: { province: null, vip: false, visits: 1.5 },
    mergedInto: null,
    lastContactedAt: null,
  },
];

const deals: Deal[] = [
  {
    ...base(20),
    title: 'លក់អង្ករ, 10 តោន',
    value: { amount: 4_100_000, currency: 'KHR' },
    pipelineId: corpusPipeline.id,
    stageId: corpusPipeline.stages[2]!.id,
    status: 'won',
    lostReason: '',
    expectedCloseAt: Date.UTC(2025, 11, 30, 17, 0), // 31 Dec in Phnom Penh
    closedAt: null,
    probabilityOverride: null,
    contactIds: [contacts[0]!.id],
    companyId: company.id,
    ownerId: rep.id,
    threadId: null,
    stageChangedAt: T0,
    custom: { tons: 10 },
  },
  {
    ...base(21),
    title: 'Refund',
    value: { amount: -125_005, currency: 'USD' },
    pipelineId: corpusPipeline.id,
    stageId: corpusPipeline.stages[0]!.id,
    status: 'open',
    lostReason: '',
    expectedCloseAt: null,
    closedAt: null,
    probabilityOverride: null,
    contactIds: [],
    companyId: null,
    ownerId: null,
    threadId: null,
    stageChangedAt: T0,
    custom: {},
  },
];

const exportContext: ExportContext = {
  companiesById: indexById([company]),
  contactsById: indexById(contacts),
  dealsById: indexById(deals),
  pipelinesById: indexById([corpusPipeline]),
  sourcesById: indexById([source]),
  repsById: indexById([rep]),
  customPropertyDefs: defs,
  timeZone: 'Asia/Phnom_Penh',
};

const importContext: ImportContext = {
  defaultCurrency: 'USD',
  pipelines: [corpusPipeline],
  defaultPipelineId: corpusPipeline.id,
  customPropertyDefs: defs,
  timeZone: 'Asia/Phnom_Penh',
  now: T0,
  dateOrder: null,
};

/** What a rep does: download the file (bytes with BOM), then import it with the guessed mapping. */
function reimport(entity: 'contact' | 'company' | 'deal', table: { headers: string[]; rows: string[][] }) {
  const bytes = csvFileBytes(toCsv(table.headers, table.rows));
  const parsed = parseCsv(decodeCsvBytes(bytes).text);
  expect(parsed.problems).toEqual([]);
  const mapping = guessMapping(parsed.headers, entity, defs);
  return parsed.rows.map((row) => {
    const result = rowToDraft(entity, row, parsed.headers, mapping, importContext);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.draft;
  });
}

describe('formula guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+855 12', "'+855 12"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
    ['plain', 'plain'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j → %j and back', (value, guarded) => {
    expect(guardCell(value)).toBe(guarded);
    expect(unguardCell(guardCell(value))).toBe(value);
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting, guards every cell and ends lines with CRLF', () => {
    expect(
      toCsv(
        ['Name', 'Note'],
        [
          ['=cmd', 'a, "b"\nc'],
          ['សុខ', ''],
        ],
      ),
    ).toBe(`Name,Note\r\n'=cmd,"a, ""b""\nc"\r\nសុខ,`);
  });

  it('prefixes a BOM to the file bytes so Excel reads the UTF-8', () => {
    const bytes = csvFileBytes('a');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('formatMajorUnits', () => {
  it('writes minor units as a decimal of major units, exactly', () => {
    expect(formatMajorUnits(125050, 'USD')).toBe('1250.50');
    expect(formatMajorUnits(5, 'USD')).toBe('0.05');
    expect(formatMajorUnits(-125005, 'USD')).toBe('-1250.05');
    expect(formatMajorUnits(4_100_000, 'KHR')).toBe('4100000');
    expect(formatMajorUnits(1234, 'JPY')).toBe('1234');
    expect(formatMajorUnits(900_719_925_474_099, 'USD')).toBe('9007199254740.99');
  });
});

describe('export → import round trip', () => {
  it('contacts, with Khmer text, formula-like cells and every custom property type, come back unchanged', () => {
    const table = contactsTable(contacts, exportContext);
    expect(table.headers).toEqual([
      'ID',
      'Name',
      'Email',
      'Email 2',
      'Phone',
      'Job Title',
      'Company',
      'Lifecycle Stage',
      'Source',
      'Owner',
      'custom:province',
      'custom:vip',
      'custom:visits',
      'custom:met_on',
      'custom:remark',
      'Created At',
      'Updated At',
    ]);
    expect(table.rows[0]?.at(-1)).toBe('2025-03-04 10:30');
    const drafts = reimport('contact', table);
    expect(drafts).toEqual([
      {
        entity: 'contact',
        name: 'សុខ ដារ៉ា',
        emails: contacts[0]!.emails,
        phones: contacts[0]!.phones,
        jobTitle: 'អ្នកគ្រប់គ្រង "ធំ"',
        companyName: company.name,
        lifecycle: 'customer',
        sourceName: 'ការណែនាំ',
        ownerName: rep.email,
        notes: '',
        custom: contacts[0]!.custom,
        provided: expect.any(Array),
      },
      expect.objectContaining({
        name: contacts[1]!.name,
        emails: contacts[1]!.emails,
        phones: [],
        jobTitle: '@admin',
        companyName: null,
        lifecycle: 'subscriber',
        custom: { vip: false, visits: 1.5 },
      }),
    ]);
  });

  it('deals come back with the same amount, currency, stage, close day and custom values', () => {
    const table = dealsTable(deals, exportContext);
    expect(table.rows[0]?.slice(1, 8)).toEqual([
      'លក់អង្ករ, 10 តោន',
      '4100000',
      'KHR',
      'Sales',
      'Demo',
      'won',
      '2025-12-31',
    ]);
    const drafts = reimport('deal', table);
    expect(drafts).toEqual([
      expect.objectContaining({
        title: deals[0]!.title,
        value: deals[0]!.value,
        pipelineId: deals[0]!.pipelineId,
        stageId: deals[0]!.stageId,
        status: 'won',
        expectedCloseAt: deals[0]!.expectedCloseAt,
        companyName: company.name,
        contactEmails: ['Dara@Angkor.com.kh'],
        ownerName: rep.email,
        custom: { tons: 10 },
      }),
      expect.objectContaining({ value: { amount: -125_005, currency: 'USD' }, expectedCloseAt: null, status: 'open' }),
    ]);
  });

  it('companies come back with their domains, phone, address and custom values', () => {
    const drafts = reimport('company', companiesTable([company], exportContext));
    expect(drafts).toEqual([
      expect.objectContaining({
        name: company.name,
        domains: company.domains,
        phone: company.phone,
        address: company.address,
        custom: { industry: '=Rice' },
      }),
    ]);
  });
});

describe('activities and tasks', () => {
  it("export with names in place of ids and times as the rep's wall clock", () => {
    const activity: Activity = {
      ...base(30),
      type: 'call',
      occurredAt: T0,
      contactId: contacts[0]!.id,
      companyId: company.id,
      dealId: deals[0]!.id,
      repId: rep.id,
      subject: 'ហៅទូរស័ព្ទ',
      body: '-- notes --',
      direction: 'outbound',
      outcome: 'Connected',
      durationMinutes: 12,
      threadId: null,
      messageId: null,
      repAddress: null,
    };
    const table = activitiesTable([activity], exportContext);
    expect(Object.fromEntries(table.headers.map((header, index) => [header, table.rows[0]?.[index]]))).toEqual({
      ID: activity.id,
      Type: 'call',
      'Occurred At': '2025-03-04 10:30',
      Contact: 'សុខ ដារ៉ា',
      'Contact Email': 'Dara@Angkor.com.kh',
      Company: company.name,
      Deal: deals[0]!.title,
      Subject: 'ហៅទូរស័ព្ទ',
      Body: '-- notes --',
      Direction: 'outbound',
      Outcome: 'Connected',
      'Duration (min)': '12',
      Owner: rep.email,
    });
    expect(toCsv(table.headers, table.rows)).toContain(",'-- notes --,");

    const task: Task = {
      ...base(31),
      title: 'Follow up',
      note: '',
      kind: 'no-reply',
      status: 'open',
      dueAt: Date.UTC(2025, 2, 5, 2, 0),
      contactId: null,
      dealId: null,
      companyId: null,
      ownerId: null,
      threadId: null,
      accountIndex: null,
      watch: null,
      firedAt: null,
      completedAt: null,
      history: [],
    };
    expect(tasksTable([task], exportContext).rows[0]).toEqual([
      task.id,
      'Follow up',
      '',
      'no-reply',
      'open',
      '2025-03-05 09:00',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });
});
