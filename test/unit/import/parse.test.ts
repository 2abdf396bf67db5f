import { describe, expect, it } from 'vitest';
import { batches, parseCsv, uniqueHeaders } from '../../../lib/import/parse';

describe('parseCsv', () => {
  it('detects comma, semicolon and tab delimiters', () => {
    expect(parseCsv('a,b\n1,2').delimiter).toBe(',');
    expect(parseCsv('a;b\n1;2,5').delimiter).toBe(';');
    expect(parseCsv('a\tb\n1\t2').delimiter).toBe('\t');
  });

  it('falls back to the header line when rows are ragged', () => {
    const parsed = parseCsv('Name;Email;Phone\nDara;dara@example.com\nHeng;heng@example.com;012;extra\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows).toEqual([
      ['Dara', 'dara@example.com', ''],
      ['Heng', 'heng@example.com', '012'],
    ]);
    expect(parsed.problems).toEqual([
      { row: 2, message: 'has 4 cells but the header has 3: the extra cells are ignored', corruptsRow: false },
    ]);
  });

  it('keeps line breaks inside quoted cells', () => {
    expect(parseCsv('Name,Notes\r\nDara,"line 1\r\nline 2"\r\n').rows).toEqual([['Dara', 'line 1\r\nline 2']]);
  });

  it('skips empty and whitespace-only lines and rows of bare delimiters, numbering data rows without them', () => {
    const parsed = parseCsv('\n\nName,Email\n\n,\nDara,d@x.com\n   \n\t\nHeng,"h@x.com"x\n');
    expect(parsed.headers).toEqual(['Name', 'Email']);
    expect(parsed.rows[0]).toEqual(['Dara', 'd@x.com']);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.problems.map((problem) => problem.row)).toEqual([2, 2]);
    expect(parsed.problems.every((problem) => problem.corruptsRow)).toBe(true);
  });

  it('reports stray quotes without failing the file', () => {
    const parsed = parseCsv('Name,Title\nBen "Hammer" Lee,CEO\nAnna,"Buyer"s agent\n');
    expect(parsed.rows[0]).toEqual(['Ben "Hammer" Lee', 'CEO']);
    expect(parsed.problems[0]).toEqual({
      row: 2,
      message: 'a quoted cell has text after its closing quote',
      corruptsRow: true,
    });
  });

  it('strips a BOM left in the text', () => {
    expect(parseCsv('\ufeffName,Email\nDara,d@x.com').headers).toEqual(['Name', 'Email']);
  });

  it('strips the export formula guard from headers', () => {
    expect(parseCsv("'=Total,Name\n1,Dara").headers).toEqual(['=Total', 'Name']);
  });

  it('makes blank and repeated headers unique', () => {
    expect(parseCsv('Email, email ,,Email (2),\n1,2,3,4,5').headers).toEqual([
      'Email',
      'email (2)',
      'Column 3',
      'Email (2) (2)',
      'Column 5',
    ]);
    expect(uniqueHeaders(['Email', 'Email', 'Email'])).toEqual(['Email', 'Email (2)', 'Email (3)']);
  });

  it('returns no headers and a problem for an empty file', () => {
    expect(parseCsv('')).toMatchObject({ headers: [], rows: [], problems: [{ row: 0 }] });
  });

  it('parses 100k rows, which batches() then hands out a slice at a time', () => {
    const lines = ['Name,Email'];
    for (let i = 0; i < 100_000; i++) lines.push(`Person ${i},p${i}@example.com`);
    const parsed = parseCsv(lines.join('\n'));
    expect(parsed.rows).toHaveLength(100_000);
    const sizes = [...batches(parsed.rows, 500)].map((batch) => batch.length);
    expect(sizes).toHaveLength(200);
    expect(sizes.every((size) => size === 500)).toBe(true);
  });
});

describe('batches', () => {
  it('yields slices of the given size and a shorter last one', () => {
    expect([...batches([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...batches([], 3)]).toEqual([]);
  });

  it('refuses a size that would never end', () => {
    expect(() => [...batches([1], 0)]).toThrow(RangeError);
  });
});
