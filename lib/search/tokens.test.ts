import { describe, expect, it } from 'vitest';
import { matchesAllTerms, pairTerm, queryTerms, searchKeys, splitTerms } from './tokens';

const matches = (record: Parameters<typeof searchKeys>[0], query: string) =>
  matchesAllTerms(searchKeys(record), queryTerms(query));

describe('search keys', () => {
  it('finds any word of a name by its start, in any case and without accents', () => {
    expect(matches({ texts: ['José Ramírez'] }, 'ram')).toBe(true);
    expect(matches({ texts: ['José Ramírez'] }, 'jose r')).toBe(true);
    expect(matches({ texts: ['José Ramírez'] }, 'mirez')).toBe(false);
  });

  it('keys the words of a name in pairs, in every order, and other texts in their own order', () => {
    const keys = searchKeys({ names: ['Dara Kim'], texts: ['Angkor Logistics Group'] });
    expect(keys).toEqual(expect.arrayContaining(['dara kim', 'kim dara', 'angkor logistics', 'logistics group']));
    expect(keys).not.toContain('logistics angkor');
    expect(matches({ names: ['ដារ៉ា គឹម'] }, 'គឹម ដារ៉ា')).toBe(true);
    expect(pairTerm(queryTerms('kim da'))).toBe('kim da');
  });

  it('drops a key that only starts another key of the same record', () => {
    const keys = searchKeys({ names: ['Dara Kim'], emails: ['dara.kim@kb.com.kh'] });
    expect(keys).not.toContain('dara');
    expect(keys).not.toContain('kb');
    expect(keys).toEqual(expect.arrayContaining(['dara kim', 'dara.kim@kb.com.kh', 'kim@kb.com.kh', 'kb.com.kh']));
    for (const query of ['dara', 'kim', 'kb', 'dara.kim', 'kim@kb', 'kb.com']) {
      expect(matches({ names: ['Dara Kim'], emails: ['dara.kim@kb.com.kh'] }, query)).toBe(true);
    }
    // The labels every address shares are not keys.
    expect(matches({ emails: ['dara.kim@kb.com.kh'] }, 'com')).toBe(false);
    expect(matches({ emails: ['angkor-logistics.com.kh'] }, 'logistics')).toBe(true);
    // Nor is a lone final consonant.
    expect(searchKeys({ names: ['វិបុល'] }).sort()).toEqual(['បុល', 'វិបុល']);
  });

  it('keeps a dotted or hyphenated query whole, and can split it for a second try', () => {
    expect(queryTerms('Dara.Kim')).toEqual(['dara.kim']);
    expect(queryTerms('  "Co., Ltd."  ')).toEqual(['co', 'ltd']);
    expect(splitTerms(queryTerms('angkor-logistics sok'))).toEqual(['angkor', 'logistics', 'sok']);
    expect(matches({ texts: ['Jean-Pierre Dupont'] }, 'jean-pierre')).toBe(true);
    expect(matches({ texts: ['Jean-Pierre Dupont'] }, 'pierre')).toBe(true);
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
