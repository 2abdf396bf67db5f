import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/import/parse';
import {
  type ExistingRecords,
  invalidRows,
  invalidRowsCsv,
  normaliseCompanyName,
  planImport,
} from '../../../lib/import/plan';
import { type RowResult, rowToDraft } from '../../../lib/import/rows';
import { corpusContext } from '../../fixtures/csv/context';

const STORED_DARA = 'c0000000-0000-4000-8000-000000000001';
const STORED_ACME = 'd0000000-0000-4000-8000-000000000001';

const store: ExistingRecords = {
  contactIdByEmail: (email) => (email === 'dara@acme.com' ? STORED_DARA : undefined),
  companyIdByDomain: (domain) => (domain === 'acme.com' ? STORED_ACME : undefined),
  companyIdByName: (name) => (name === 'acme corp' ? STORED_ACME : undefined),
  hasRecord: () => false,
  contactsNamed: () => [],
};

const csv = [
  'Name,Email,Company',
  'Dara Sok,DARA@acme.com,',
  'Heng Lim,heng@example.com,Mekong Foods',
  'Bad,not-an-email,',
  'Heng L.,Heng@Example.com ,mekong foods',
  'Vanna,vanna@acme.com,',
  'Dara again,other@example.com; dara@acme.com,Acme Corp',
].join('\n');

function results(): { rows: string[][]; headers: string[]; results: RowResult[] } {
  const parsed = parseCsv(csv);
  const mapping = { Name: 'name', Email: 'email', Company: 'company' } as const;
  return {
    ...parsed,
    results: parsed.rows.map((row) => rowToDraft('contact', row, parsed.headers, mapping, corpusContext)),
  };
}

describe('planImport', () => {
  it('skips duplicates of stored records and of earlier rows under "skip"', () => {
    const plan = planImport(results().results, store, 'skip');
    expect(plan.rows.map((row) => [row.row, row.action, row.reasons])).toEqual([
      [1, 'skip', ['a contact with email dara@acme.com already exists']],
      [2, 'new', []],
      [3, 'invalid', ['Email: "not-an-email" is not an email address']],
      [4, 'skip', ['duplicate of row 2 (same email heng@example.com)']],
      [5, 'new', []],
      [6, 'skip', ['duplicate of row 1 (same email dara@acme.com)']],
    ]);
    expect(plan.summary).toEqual({ new: 2, updated: 0, skipped: 3, invalid: 1 });
  });

  it('updates the stored record, or the record an earlier row creates, under "update"', () => {
    const plan = planImport(results().results, store, 'update');
    expect(plan.rows[0]).toMatchObject({ action: 'update', target: { kind: 'existing', id: STORED_DARA } });
    expect(plan.rows[3]).toMatchObject({ action: 'update', target: { kind: 'row', row: 2 } });
    // Row 6 repeats row 1's address, and row 1 updates a stored contact: row 6 updates that same contact.
    expect(plan.rows[5]).toMatchObject({ action: 'update', target: { kind: 'existing', id: STORED_DARA } });
    expect(plan.summary).toEqual({ new: 2, updated: 3, skipped: 0, invalid: 1 });
  });

  it('creates every valid row under "create", still saying which ones repeat', () => {
    const plan = planImport(results().results, store, 'create');
    expect(plan.summary).toEqual({ new: 5, updated: 0, skipped: 0, invalid: 1 });
    expect(plan.rows[0]?.reasons).toEqual(['a contact with email dara@acme.com already exists']);
    expect(plan.rows[3]?.reasons).toEqual(['duplicate of row 2 (same email heng@example.com)']);
  });

  it('links contacts to companies by name, then by work email domain, and lists companies to create once', () => {
    const plan = planImport(results().results, store, 'create');
    const links = plan.rows.map((row) => (row.action === 'new' || row.action === 'update' ? row.company : 'n/a'));
    expect(links).toEqual([
      { kind: 'existing', id: STORED_ACME },
      { kind: 'new', name: 'Mekong Foods' },
      'n/a',
      { kind: 'new', name: 'Mekong Foods' },
      { kind: 'existing', id: STORED_ACME },
      { kind: 'existing', id: STORED_ACME },
    ]);
    expect(plan.companiesToCreate).toEqual(['Mekong Foods']);
  });

  it('never links by a free-mail domain', () => {
    const draft = rowToDraft('contact', ['a@gmail.com'], ['E'], { E: 'email' }, corpusContext);
    const plan = planImport([draft], { ...store, companyIdByDomain: () => 'should-not-be-used' }, 'skip');
    expect(plan.rows[0]).toMatchObject({ action: 'new', company: null });
  });

  it('finds company duplicates by domain or by name', () => {
    const parsed = parseCsv(
      'Name,Domain\nAcme Corporation,acme.com\n  ACME   corp ,\nNew Co,new.co\nNew Co Ltd,NEW.co',
    );
    const mapping = { Name: 'name', Domain: 'domain' } as const;
    const drafts = parsed.rows.map((row) => rowToDraft('company', row, parsed.headers, mapping, corpusContext));
    const plan = planImport(drafts, store, 'skip');
    expect(plan.rows.map((row) => [row.action, row.reasons])).toEqual([
      ['skip', ['a company with domain acme.com already exists']],
      ['skip', ['a company with name ACME   corp already exists']],
      ['new', []],
      ['skip', ['duplicate of row 3 (same domain new.co)']],
    ]);
    expect(normaliseCompanyName('  ACME   Corp ')).toBe('acme corp');
  });

  it('makes every deal new: deals have no natural key', () => {
    const draft = rowToDraft('deal', ['Rice'], ['Title'], { Title: 'title' }, corpusContext);
    expect(planImport([draft, draft], store, 'skip').summary).toEqual({ new: 2, updated: 0, skipped: 0, invalid: 0 });
  });

  it('treats a row a broken quote ran into as invalid, whatever its cells read', () => {
    const parsed = parseCsv('Name,Email\nAnna,anna@example.com\n"Ben" Lee,ben@example.com\n');
    const mapping = { Name: 'name', Email: 'email' } as const;
    const drafts = parsed.rows.map((row) => rowToDraft('contact', row, parsed.headers, mapping, corpusContext));
    const plan = planImport(drafts, store, 'skip', parsed.problems);
    expect(plan.rows[1]).toMatchObject({
      action: 'invalid',
      errors: [{ column: '', message: 'a quoted cell has text after its closing quote' }],
    });
    expect(plan.summary.invalid).toBe(1);
  });
});

describe('invalidRowsCsv', () => {
  it('writes the original columns plus an error column, guarded, and re-imports to the same cells', () => {
    const { headers, rows, results: drafts } = results();
    const plan = planImport(drafts, store, 'skip');
    const text = invalidRowsCsv(headers, invalidRows(plan, rows));
    expect(text).toBe(
      'Name,Email,Company,Error\r\nBad,not-an-email,,"Email: ""not-an-email"" is not an email address"',
    );
    const back = parseCsv(text);
    expect(back.headers).toEqual(['Name', 'Email', 'Company', 'Error']);
    expect(back.rows).toEqual([['Bad', 'not-an-email', '', 'Email: "not-an-email" is not an email address']]);
  });

  it('puts the rows the store refused among the invalid ones, in file order, a row with both reasons once', () => {
    const { rows, results: drafts } = results();
    const plan = planImport(drafts, store, 'skip');
    const refused = [
      { row: 5, reason: 'vanna@acme.com already belongs to another contact' },
      { row: 3, reason: 'refused too' },
    ];
    expect(invalidRows(plan, rows, refused)).toEqual([
      { cells: rows[2], reasons: ['Email: "not-an-email" is not an email address', 'refused too'] },
      { cells: rows[4], reasons: ['vanna@acme.com already belongs to another contact'] },
    ]);
  });

  it('guards formula-like cells and picks an error header the file does not use', () => {
    const text = invalidRowsCsv(['Error', 'Name'], [{ cells: ['x', '=cmd()'], reasons: ['a', 'b'] }]);
    expect(text).toBe("Error,Name,Error (2)\r\nx,'=cmd(),a; b");
  });
});
