import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AVATAR_COLORS, Avatar, avatarColor, initials } from '@/components/Avatar';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('initials', () => {
  it('takes the first letter of the first two words of a Latin name, upper-cased', () => {
    expect(initials('Dara Kim')).toBe('DK');
    expect(initials('michael tan lee')).toBe('MT');
    expect(initials('  Bopha  ')).toBe('B');
    expect(initials('Dara Kim (Angkor Trade)')).toBe('DK');
    expect(initials('(Angkor) Trade')).toBe('AT');
    expect(initials('Émile Zola')).toBe('ÉZ');
  });

  it('takes whole Khmer clusters: a consonant with its vowel sign, or with its subscript', () => {
    expect(initials('សុខ ចាន់ធី')).toBe('សុចា');
    expect(initials('ហេង ស្រីមុំ')).toBe('ហេស្រី');
    expect(initials('ស្ត្រី')).toBe('ស្ត្រី');
  });

  it('gives nothing for an empty name or one without letters', () => {
    expect(initials('')).toBe('');
    expect(initials('   ')).toBe('');
    expect(initials('— ()')).toBe('');
  });

  it('keeps Khmer clusters whole without Intl.Segmenter too', async () => {
    vi.resetModules();
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    const fallback = await import('@/components/Avatar');
    expect(fallback.initials('ហេង ស្រីមុំ')).toBe('ហេស្រី');
    expect(fallback.initials('សុខ ចាន់ធី')).toBe('សុចា');
    expect(fallback.initials('Dara Kim')).toBe('DK');
    expect(fallback.initials('')).toBe('');
  });
});

describe('avatarColor', () => {
  it('picks the same palette colour for an address however it is written', () => {
    const color = avatarColor('Dara.Kim@AngkorTrade.com.kh');
    expect(AVATAR_COLORS).toContain(color);
    expect(avatarColor(' dara.kim@angkortrade.com.kh ')).toBe(color);
  });

  it('spreads addresses over the palette', () => {
    const colors = new Set(Array.from({ length: 64 }, (_, i) => avatarColor(`rep${i}@example.com`)));
    expect(colors.size).toBeGreaterThan(4);
  });
});

describe('Avatar', () => {
  it('renders initials as text, hidden from screen readers', () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(<Avatar name={'<img/> Kim'} email="x@example.com" />, root);
    const avatar = root.querySelector('.avatar')!;
    expect(avatar.getAttribute('aria-hidden')).toBe('true');
    expect(avatar.textContent).toBe('IK');
    expect(root.querySelector('img')).toBeNull();
  });

  it('falls back to the address, then to a person icon', () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(<Avatar name="" email="dara.kim@example.com" />, root);
    expect(root.textContent).toBe('DK');
    render(<Avatar name="" email="" />, root);
    expect(root.querySelector('svg')).not.toBeNull();
  });
});
