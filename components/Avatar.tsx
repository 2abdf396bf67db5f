import { normaliseEmail } from '@/lib/model';
import { Icon } from './icons';

/** Background colours for avatars; white initials on each have a contrast of at least 4.5:1. */
export const AVATAR_COLORS = [
  '#1967d2',
  '#137333',
  '#b06000',
  '#a50e0e',
  '#8430ce',
  '#007b83',
  '#9c166b',
  '#5f6368',
] as const;

const COENG = '\u17d2';
const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * The first user-perceived character of `word`. A Khmer consonant with a subscript (ស្រី) is one: older ICU data
 * ends a cluster at the coeng sign (U+17D2), so a cluster ending there takes the next one too. Without
 * Intl.Segmenter, a base character and the marks after it, subscripts included.
 */
function firstGrapheme(word: string): string {
  if (!segmenter) return /^\P{M}(?:\u17d2\P{M}|\p{M})*/u.exec(word)?.[0] ?? '';
  let first = '';
  for (const { segment } of segmenter.segment(word)) {
    first += segment;
    if (!first.endsWith(COENG)) break;
  }
  return first;
}

/**
 * Initials for an avatar: the first character of the first one or two words of a name, upper-cased where the
 * script has case. Words start at their first letter or digit, so "(Angkor" gives "A"; an empty name gives "".
 */
export function initials(name: string): string {
  const words = name
    .split(/\s+/u)
    .map((word) => word.slice(word.search(/[\p{L}\p{N}]/u)))
    .filter((word) => /^[\p{L}\p{N}]/u.test(word));
  return words
    .slice(0, 2)
    .map((word) => firstGrapheme(word).toLocaleUpperCase())
    .join('');
}

/** A colour from the palette, the same for an address every time (FNV-1a of the normalised address). */
export function avatarColor(key: string): string {
  let hash = 0x811c9dc5;
  for (const char of normaliseEmail(key)) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return AVATAR_COLORS[hash % AVATAR_COLORS.length]!;
}

/**
 * A round badge with a person's initials, coloured by their address. Decorative: the name is always written beside
 * it, so screen readers skip it. The initials come from email data and are rendered as text.
 */
export function Avatar({ name, email, size = 'md' }: { name: string; email: string; size?: 'sm' | 'md' | 'lg' }) {
  // No name: the address's local part, its dots and dashes read as spaces ("dara.kim" gives "DK").
  const letters = initials(name) || initials((email.split('@')[0] ?? '').replace(/[._+-]+/g, ' '));
  return (
    <span class={`avatar avatar-${size}`} style={{ backgroundColor: avatarColor(email || name) }} aria-hidden="true">
      {letters || <Icon name="person" size={size === 'lg' ? 28 : 18} />}
    </span>
  );
}
