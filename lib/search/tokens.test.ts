import { describe, expect, it } from 'vitest';
import { matchesAllTerms, queryTerms, searchKeys } from './tokens';

const matches = (record: Parameters<typeof searchKeys>[0], query: string) =>
  matchesAllTerms(searchKeys(record), queryTerms(query));

describe('search keys', () => {
  it('finds any word of a name by its start, in any case and without accents', () => {
    expect(matches({ texts: ['José Ramírez'] }, 'ram')).toBe(true);
    expect(matches({ texts: ['José Ramírez'] }, 'jose r')).toBe(true);
    expect(matches({ texts: ['José Ramírez'] }, 'mirez')).toBe(false);
  });

  it('splits Khmer words the segmenter knows', () => {
    expect(matches({ texts: ['ក្រុមហ៊ុនដឹកជញ្ជូនសុខា'] }, 'ដឹកជញ្ជូន')).toBe(true);
    expect(matches({ texts: ['ក្រុមហ៊ុនដឹកជញ្ជូនសុខា'] }, 'សុខា')).toBe(true);
  });

  it('finds a Khmer compound by a later syllable run', () => {
    expect(matches({ texts: ['ធនាគារជាតិនៃកម្ពុជា'] }, 'កម្ពុជា')).toBe(true);
    expect(matches({ texts: ['ធនាគារជាតិនៃកម្ពុជា'] }, 'ជាតិ')).toBe(true);
  });

  it('does not start a key at a subscript consonant after coeng', () => {
    const keys = searchKeys({ texts: ['កម្ពុជា'] });
    expect(keys).toContain('ជា');
    expect(keys.some((key) => key.startsWith('ពុ'))).toBe(false);
  });

  it('keys an email by address, local part, domain and their pieces', () => {
    const record = { emails: ['Dara.Kim+Quotes@AngkorTrade.com.kh'] };
    expect(matches(record, 'dara.kim+quotes@angkortrade.com.kh')).toBe(true);
    expect(matches(record, 'angkor')).toBe(true);
    expect(matches(record, 'quotes')).toBe(true);
    expect(matches(record, 'trade')).toBe(false);
  });

  it('ignores zero-width characters that would hide a match', () => {
    expect(matches({ texts: ['So\u200bphea'] }, 'phea')).toBe(true);
  });

  it('bounds the number of keys a hostile 10 KB name can create', () => {
    const keys = searchKeys({ texts: ['ក'.repeat(10_000), 'word '.repeat(5000)] });
    expect(keys.length).toBeLessThanOrEqual(200);
  });
});
