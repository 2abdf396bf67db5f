import { describe, expect, it } from 'vitest';
import { csvFileBytes, toCsv } from '../../../lib/csv/encode';
import { companiesTable, contactsTable, dealsTable } from '../../../lib/export/tables';
import { decodeCsvBytes } from '../../../lib/import/decode';
import { guessMapping } from '../../../lib/import/mapping';
import { parseCsv } from '../../../lib/import/parse';
import { type ImportContext, rowToDraft } from '../../../lib/import/rows';
import { corpusPipeline } from '../../fixtures/csv/context';
import { company, contacts, deals, defs, exportContext, rep, T0 } from './records';

const importContext: ImportContext = {
  defaultCurrency: 'USD',
  pipelines: [corpusPipeline],
  defaultPipelineId: corpusPipeline.id,
  propertyDefs: defs,
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

describe('export → import round trip', () => {
  it('contacts, with Khmer text, formula-like cells and every custom property type, come back unchanged', () => {
    const table = contactsTable(contacts, exportContext);
    // The standard columns prove themselves by coming back below; the custom ones follow them in the properties' order.
    expect(table.headers.slice(-7)).toEqual([
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
        id: contacts[0]!.id,
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
        id: deals[0]!.id,
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
        id: company.id,
        name: company.name,
        domains: company.domains,
        phone: company.phone,
        address: company.address,
        custom: { industry: '=Rice' },
      }),
    ]);
  });
});
