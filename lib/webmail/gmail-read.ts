import type { SnapshotPerson } from '../model/snapshot';

/**
 * Small readers of page data shared by the thread and the compose readers. Everything read is page data (possibly
 * hostile): copied as strings, bounded, and never turned back into markup.
 */

export const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+$/;

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair (the schema counts units). */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\ud800-\udbff]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

export function cutTail(value: string, max: number): string {
  if (value.length <= max) return value;
  const start = value.length - max;
  return value.slice(/[\udc00-\udfff]/.test(value.charAt(start)) ? start + 1 : start);
}

export const attr = (el: Element | null | undefined, name: string) => el?.getAttribute(name) ?? '';
export const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

/** What one read has learnt of which elements are shown: the messages of a thread share most of their ancestors. */
export type Visibility = Map<Element, boolean>;

/** Gmail hides earlier views instead of removing them; an inline style or `hidden` says so without asking for layout. */
export function shown(el: Element, seen: Visibility): boolean {
  const unknown: Element[] = [];
  let visible = true;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const known = seen.get(e);
    if (known !== undefined) {
      visible = known;
      break;
    }
    unknown.push(e);
  }
  // From the outermost unknown ancestor down, so each element is looked at once per read however deep the page.
  for (let i = unknown.length - 1; i >= 0; i--) {
    const e = unknown[i] as Element;
    if (visible && (e.hasAttribute('hidden') || /display\s*:\s*none/i.test(e.getAttribute('style') ?? ''))) {
      visible = false;
    }
    seen.set(e, visible);
  }
  return visible;
}

export function firstShown(list: Iterable<Element>, seen: Visibility): Element | null {
  for (const el of list) if (shown(el, seen)) return el;
  return null;
}

export function person(email: string, name: string): SnapshotPerson | null {
  const address = email.trim();
  if (address.length > 254 || !EMAIL.test(address)) return null;
  return { email: address, name: cut(squash(name), 300) };
}

/** "Dara Kim <dara@x.kh>", "\"Kim, Dara\" <dara@x.kh>" or a bare address. */
function parseAddress(raw: string): SnapshotPerson | null {
  const m = /^\s*"?([^<]*?)"?\s*<([^<>]+)>\s*$/.exec(raw);
  return m ? person(m[2] ?? '', m[1] ?? '') : person(raw, '');
}

// Commas inside a quoted display name ("Chea, Bopha" <…>) do not separate addresses.
export const parseList = (raw: string) => (raw.match(/(?:"[^"]*"|[^,;\n"])+/g) ?? []).map(parseAddress);

export function fromElement(el: Element): SnapshotPerson | null {
  return person(attr(el, 'email') || attr(el, 'data-hovercard-id'), attr(el, 'name') || el.textContent || '');
}
