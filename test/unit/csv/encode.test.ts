import { describe, expect, it } from 'vitest';
import { csvFileBytes, toCsv } from '../../../lib/csv/encode';
import { guardCell, unguardCell } from '../../../lib/csv/guard';

describe('formula guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(1)', "'+SUM(1)"],
    ['+855 12 345 678', '+855 12 345 678'],
    ['+1 (555) 010-2000', '+1 (555) 010-2000'],
    ['+855 12 345 678; 023 880 123', '+855 12 345 678; 023 880 123'],
    ['+855 12; =1', "'+855 12; =1"],
    ["'+855 12", "''+855 12"],
    ['+855 12=1', "'+855 12=1"],
    ['+855\t12', "'+855\t12"],
    ['+', "'+"],
    ['+ ()-', "'+ ()-"],
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

it('answers at once on a long run of digits that is not a phone number', () => {
  const value = `+${'1'.repeat(200_000)}x`;
  const listed = `+1${'; 1'.repeat(50_000)}x`;
  const started = performance.now();
  expect(guardCell(value)).toBe(`'${value}`);
  expect(guardCell(listed)).toBe(`'${listed}`);
  expect(performance.now() - started).toBeLessThan(200);
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
