import { describe, expect, it } from 'vitest';
import { csvFileBytes, toCsv } from '../../../lib/csv/encode';
import { guardCell, unguardCell } from '../../../lib/csv/guard';

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
