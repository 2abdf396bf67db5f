import { describe, expect, it } from 'vitest';
import { requiredText, shortText } from '../../../lib/model';

describe('shortText and requiredText', () => {
  it('make each bound once, since the import checks cells of 100k rows with them', () => {
    expect(shortText(40)).toBe(shortText(40));
    expect(requiredText(40)).toBe(requiredText(40));
    expect(shortText(40)).not.toBe(shortText(41));
  });

  it('trim, bound, and (required) refuse blank text, whichever was made first', () => {
    expect(requiredText(5).safeParse('   ').success).toBe(false);
    expect(shortText(5).parse('  ab  ')).toBe('ab');
    expect(shortText(5).safeParse('abcdef').error?.issues[0]?.message).toBe('must be at most 5 characters');
    expect(requiredText(5).safeParse('abcdef').success).toBe(false);
    expect(shortText(5).safeParse('').success).toBe(true);
  });
});
