import { describe, expect, it } from 'vitest';
import { parseAmount, parseNumber } from '../../../lib/import/cells/amounts';
import { inferDateOrder, parseDateCell } from '../../../lib/import/cells/dates';

describe('parseAmount', () => {
  it.each([
    ['1,250.50', 'USD', 125050, null],
    ['$1,250', 'KHR', 125000, 'USD'],
    ['៛4,100,000', 'USD', 4100000, 'KHR'],
    ['៤ ១០០ ០០០', 'KHR', 4100000, null],
    ['4100000 រៀល', 'USD', 4100000, 'KHR'],
    ['USD 99', 'KHR', 9900, 'USD'],
    ['1.250,50', 'EUR', 125050, null],
    ['1250,5', 'USD', 125050, null],
    ['4.100.000', 'KHR', 4100000, null],
    ['(300.00)', 'USD', -30000, null],
    ['-$5', 'USD', -500, 'USD'],
    ['1.005', 'USD', 101, null],
    ['4100000.4', 'KHR', 4100000, null],
    ['0', 'USD', 0, null],
  ])('%s (%s) → %i', (text, fallback, minor, currency) => {
    expect(parseAmount(text, fallback)).toEqual({ ok: true, minor, currency });
  });

  it.each(['', 'abc', '1,2,3', '1.2.3,4.5', '12 bananas', '$5 KHR', '1e400'])('rejects %j', (text) => {
    expect(parseAmount(text, 'USD').ok).toBe(false);
  });
});

describe('parseDateCell', () => {
  const ctx = { now: Date.UTC(2025, 5, 1), dateOrder: null };
  it.each([
    ['2025-03-04', '2025-03-04'],
    ['2025/3/4', '2025-03-04'],
    ['2025-03-04T10:00:00Z', '2025-03-04'],
    ['25/12/2025', '2025-12-25'],
    ['12/25/2025', '2025-12-25'],
    ['05/05/2025', '2025-05-05'],
    ['04.03.2025', '2025-03-04'],
    ['4 Mar 2025', '2025-03-04'],
    ['4-Mar-25', '2025-03-04'],
    ['March 4, 2025', '2025-03-04'],
    ['៤ មីនា ២០២៥', '2025-03-04'],
    ['31/12/99', '1999-12-31'],
  ])('%s → %s', (text, iso) => {
    const result = parseDateCell(text, ctx);
    expect(
      result.ok &&
        `${result.date.year}-${String(result.date.month).padStart(2, '0')}-${String(result.date.day).padStart(2, '0')}`,
    ).toBe(iso);
  });

  it.each(['03/04/2025', '31/02/2025', '2025-02-30', 'soon', '13/13/2025'])('rejects %s', (text) => {
    expect(parseDateCell(text, ctx).ok).toBe(false);
  });
});

describe('inferDateOrder', () => {
  it('finds the order from a day above 12, and gives up when rows disagree or none tells', () => {
    expect(inferDateOrder(['03/04/2025', '25/12/2025'])).toBe('dmy');
    expect(inferDateOrder(['03/04/2025', '12/25/2025'])).toBe('mdy');
    expect(inferDateOrder(['03/04/2025', '2025-12-25'])).toBeNull();
    expect(inferDateOrder(['25/12/2025', '12/25/2025'])).toBeNull();
  });
});

describe('parseNumber', () => {
  it('reads grouped, negative, exponent and Khmer-digit numbers', () => {
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('-7')).toBe(-7);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('៣៥')).toBe(35);
    expect(parseNumber('ten')).toBeNull();
  });
});
