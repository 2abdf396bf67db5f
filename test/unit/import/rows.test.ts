import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../lib/export/tables';
import type { ColumnMapping } from '../../../lib/import/mapping';
import { type ImportContext, rowToDraft } from '../../../lib/import/rows';
import { corpusContext, corpusPipeline } from '../../fixtures/csv/context';

const context: ImportContext = corpusContext;

function contact(cells: Record<string, string>, mapping: ColumnMapping, ctx: ImportContext = context) {
  const headers = Object.keys(cells);
  return rowToDraft('contact', Object.values(cells), headers, mapping, ctx);
}

function deal(cells: Record<string, string>, mapping: ColumnMapping, ctx: ImportContext = context) {
  const headers = Object.keys(cells);
  return rowToDraft('deal', Object.values(cells), headers, mapping, ctx);
}

describe('rowToDraft: contacts', () => {
  it('builds a contact draft with defaults and the fields the row gave', () => {
    const result = contact(
      {
        Name: ' Dara Sok ',
        Email: 'Dara@Example.com; dara.sok@gmail.com',
        Phone: '០១២ ៣៤៥ ៦៧៨ / 097 111 222',
        Co: 'Acme',
      },
      { Name: 'name', Email: 'email', Phone: 'phone', Co: 'company' },
    );
    expect(result).toEqual({
      ok: true,
      draft: {
        entity: 'contact',
        id: null,
        name: 'Dara Sok',
        emails: [{ address: 'Dara@Example.com' }, { address: 'dara.sok@gmail.com' }],
        phones: [{ number: '012 345 678' }, { number: '097 111 222' }],
        jobTitle: '',
        companyName: 'Acme',
        lifecycle: 'lead',
        sourceName: null,
        ownerName: null,
        notes: '',
        custom: {},
        provided: ['name', 'email', 'phone', 'company'],
      },
    });
  });

  it('joins first and last name, family name first for Khmer', () => {
    const mapping: ColumnMapping = { F: 'firstName', L: 'lastName' };
    expect(contact({ F: 'John', L: 'Smith' }, mapping)).toMatchObject({ draft: { name: 'John Smith' } });
    expect(contact({ F: 'ដារ៉ា', L: 'សុខ' }, mapping)).toMatchObject({ draft: { name: 'សុខ ដារ៉ា' } });
    expect(contact({ F: '', L: 'Smith' }, mapping)).toMatchObject({ draft: { name: 'Smith' } });
  });

  it('names an address-only contact by its address, and rejects a row with neither', () => {
    const mapping: ColumnMapping = { Name: 'name', Email: 'email' };
    expect(contact({ Name: '', Email: 'x@example.com' }, mapping)).toMatchObject({ draft: { name: 'x@example.com' } });
    expect(contact({ Name: '', Email: '' }, mapping)).toEqual({
      ok: false,
      errors: [{ column: 'Name', message: 'a name or an email address is required' }],
    });
  });

  it('accepts lifecycle words in English and Khmer', () => {
    const mapping: ColumnMapping = { Name: 'name', Stage: 'lifecycle' };
    const stage = (word: string) => {
      const result = contact({ Name: 'A', Stage: word }, mapping);
      return result.ok ? result.draft.lifecycle : result.errors;
    };
    expect(stage('Lead')).toBe('lead');
    expect(stage('អតិថិជនសក្តានុពល')).toBe('lead');
    expect(stage('អតិថិជនសក្ដានុពល')).toBe('lead');
    expect(stage('អតិថិជន')).toBe('customer');
    expect(stage('Sales Qualified Lead')).toBe('opportunity');
    expect(stage('')).toBe('lead');
    expect(stage('hot')).toEqual([
      {
        column: 'Stage',
        message: '"hot" is not a lifecycle stage (subscriber, lead, opportunity, customer, evangelist, other)',
      },
    ]);
  });

  it('reports every bad cell with its column and why', () => {
    const result = contact(
      { N: 'x'.repeat(201), E: 'sok@', P: '012-ABC', S: 'x'.repeat(81) },
      { N: 'name', E: 'email', P: 'phone', S: 'source' },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { column: 'E', message: '"sok@" is not an email address' },
        { column: 'P', message: '"012-ABC" has characters a phone number cannot have' },
        { column: 'N', message: expect.stringMatching(/^".{37}…" must be at most 200 characters$/) },
        { column: 'S', message: expect.stringContaining('must be at most 80 characters') },
      ],
    });
  });

  it('strips the export formula guard from cells, exactly once', () => {
    const result = contact(
      { N: "'=SUM(A1)", P: "'+855 12 345 678", J: "''@x", T: "'plain" },
      {
        N: 'name',
        P: 'phone',
        J: 'jobTitle',
        T: 'notes',
      },
    );
    expect(result).toMatchObject({
      ok: true,
      draft: { name: '=SUM(A1)', phones: [{ number: '+855 12 345 678' }], jobTitle: "'@x", notes: "'plain" },
    });
  });

  it('coerces custom values by type and validates them with the model schema', () => {
    const mapping: ColumnMapping = { N: 'name', P: 'custom:province', B: 'custom:birthday', V: 'custom:vip' };
    expect(
      contact({ N: 'A', P: 'siem reap', B: '០៥/០៦/១៩៩០', V: 'បាទ' }, mapping, { ...context, dateOrder: 'dmy' }),
    ).toMatchObject({
      ok: true,
      draft: { custom: { province: 'Siem Reap', birthday: '1990-06-05', vip: true } },
    });
    expect(contact({ N: 'A', P: '', B: '', V: 'No' }, mapping)).toMatchObject({
      ok: true,
      draft: { custom: { vip: false }, provided: ['name', 'custom:vip'] },
    });
    expect(contact({ N: 'A', P: 'Kep', B: '2025-13-01', V: '2' }, mapping)).toEqual({
      ok: false,
      errors: [
        { column: 'P', message: '"Kep" is not one of: Phnom Penh, Siem Reap, Battambang' },
        { column: 'B', message: '"2025-13-01" is not a date (use YYYY-MM-DD)' },
        { column: 'V', message: '"2" is not yes or no' },
      ],
    });
  });

  it('reports an empty required custom property', () => {
    const defs = context.propertyDefs.map((def) => (def.key === 'province' ? { ...def, required: true } : def));
    expect(
      contact({ N: 'A', P: ' ' }, { N: 'name', P: 'custom:province' }, { ...context, propertyDefs: defs }),
    ).toEqual({
      ok: false,
      errors: [{ column: 'P', message: 'is required' }],
    });
  });
});

describe('rowToDraft: companies', () => {
  it('turns websites and addresses into domains', () => {
    const result = rowToDraft(
      'company',
      ['Acme', 'https://www.Acme.com/about, info@acme.co.uk', '023 123 456'],
      ['Name', 'Website', 'Phone'],
      { Name: 'name', Website: 'domain', Phone: 'phone' },
      context,
    );
    expect(result).toMatchObject({ ok: true, draft: { name: 'Acme', domains: ['acme.com', 'acme.co.uk'] } });
  });

  it('requires a name and real domains', () => {
    const result = rowToDraft(
      'company',
      ['', 'not a domain'],
      ['Name', 'Web'],
      { Name: 'name', Web: 'domain' },
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { column: 'Name', message: 'a company name is required' },
        { column: 'Web', message: '"not" is not a domain name' },
        { column: 'Web', message: '"a" is not a domain name' },
        { column: 'Web', message: '"domain" is not a domain name' },
      ],
    });
  });
});

describe('rowToDraft: deals', () => {
  const mapping: ColumnMapping = {
    T: 'title',
    A: 'amount',
    C: 'currency',
    S: 'stage',
    D: 'expectedClose',
    X: 'status',
  };

  it('parses amounts into minor units per currency, stage names into ids and the close day in the zone', () => {
    const result = deal({ T: 'Rice', A: '៛4,100,000', C: '', S: 'demo', D: '2025-12-31', X: 'Won' }, mapping);
    expect(result).toMatchObject({
      ok: true,
      draft: {
        title: 'Rice',
        value: { amount: 4_100_000, currency: 'KHR' },
        pipelineId: corpusPipeline.id,
        stageId: corpusPipeline.stages[2]?.id,
        status: 'won',
      },
    });
    if (result.ok) expect(formatDate(result.draft.expectedCloseAt, 'Asia/Phnom_Penh')).toBe('2025-12-31');
  });

  it('uses the default currency, the default pipeline and its first stage when the row names none', () => {
    expect(deal({ T: 'Site', A: '1,250.50' }, { T: 'title', A: 'amount' })).toMatchObject({
      ok: true,
      draft: { value: { amount: 125050, currency: 'USD' }, stageId: corpusPipeline.stages[0]?.id, status: 'open' },
    });
    expect(
      deal({ T: 'Site', A: '1,250.50' }, { T: 'title', A: 'amount' }, { ...context, defaultCurrency: 'KHR' }),
    ).toMatchObject({
      draft: { value: { amount: 1251, currency: 'KHR' } },
    });
  });

  it('reports bad amounts, currencies, stages, statuses and ambiguous dates by column', () => {
    const result = deal({ T: '', A: '12abc', C: 'dollarz', S: 'Won it', D: '03/04/2025', X: 'maybe' }, mapping);
    expect(result).toEqual({
      ok: false,
      errors: [
        { column: 'T', message: 'a deal title is required' },
        { column: 'C', message: '"dollarz" is not a currency code (USD, KHR …)' },
        { column: 'A', message: '"12abc" is not an amount' },
        { column: 'S', message: '"Won it" is not a stage of pipeline "Sales"' },
        { column: 'X', message: '"maybe" is not a deal status (open, won, lost)' },
        { column: 'D', message: '"03/04/2025" is ambiguous: day/month or month/day? Use YYYY-MM-DD' },
      ],
    });
  });

  it('reads an ambiguous date in the order the context gives', () => {
    const result = deal(
      { T: 'x', D: '03/04/2025' },
      { T: 'title', D: 'expectedClose' },
      { ...context, dateOrder: 'mdy' },
    );
    expect(result.ok && formatDate(result.draft.expectedCloseAt, 'Asia/Phnom_Penh')).toBe('2025-03-04');
  });

  it('rejects an unknown pipeline and a contact email that is not one', () => {
    expect(deal({ T: 'x', P: 'Rentals', E: 'nobody' }, { T: 'title', P: 'pipeline', E: 'contactEmail' })).toEqual({
      ok: false,
      errors: [
        { column: 'P', message: '"Rentals" is not a pipeline' },
        { column: 'E', message: '"nobody" is not an email address' },
      ],
    });
  });
});
