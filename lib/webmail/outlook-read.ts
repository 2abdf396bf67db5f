import type { SnapshotPerson } from '../model/snapshot';
import { attr, cut, EMAIL, squash } from './gmail-read';
import { OUTLOOK } from './outlook-selectors';

/**
 * Small readers of Outlook's page: people from headings and pills, and dates. Outlook shows a person's address next
 * to the name only on some builds (dropped in 2022, back in 2023), so a person may come back with the name alone and
 * an empty address: an address is never made up from a name.
 */

const ADDRESS = /[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+/;

/** An address inside `text` ("Dara Kim <dara@x.kh>", a title or ARIA label in any language), or ''. */
export function addressIn(text: string): string {
  const found = ADDRESS.exec(text)?.[0] ?? '';
  return found.length <= 254 && EMAIL.test(found) ? found : '';
}

/** The name of a label such as "Dara Kim <dara@x.kh>" or "dara@x.kh": the text without the address. */
function nameOf(text: string, address: string): string {
  return cut(squash(address ? text.replace(`<${address}>`, '').replace(address, '') : text), 300);
}

export function personOf(label: string, hint = ''): SnapshotPerson | null {
  const email = addressIn(label) || addressIn(hint);
  const name = nameOf(label, email);
  return email || name ? { email, name } : null;
}

/**
 * A pill's or person button's name: its first piece of text that is not an address. Outlook puts presence ("Away",
 * "Offline", in the mailbox's language) in a piece of its own after the name, where it cannot be told from a name.
 */
function firstWords(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = squash(node.nodeValue ?? '');
    if (text && !addressIn(text)) return text;
  }
  return '';
}

/**
 * The people a header heading or a recipient field names: each person button (its text the name; the address in it,
 * in its title or ARIA label, or in the text right after it), and addresses written outside any button.
 */
export function peopleIn(root: Element): SnapshotPerson[] {
  const out: SnapshotPerson[] = [];
  let last: SnapshotPerson | null = null;
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const text = c.nodeValue ?? '';
        const email = addressIn(text);
        if (!email) continue;
        // "<address>" right after a name is that name's; a bare address is someone typed in, not yet a pill.
        if (last && !last.email && text.includes(`<${email}>`)) last.email = email;
        else if (!out.some((p) => p.email === email)) {
          last = { email, name: '' };
          out.push(last);
        }
      } else if (c.nodeType === 1) {
        const el = c as Element;
        if (el.matches(OUTLOOK.personButton)) {
          last = personOf(firstWords(el), `${el.textContent} ${attr(el, 'title')} ${attr(el, 'aria-label')}`);
          if (last) out.push(last);
        } else walk(el);
      }
    }
  };
  walk(root);
  return out.slice(0, 200);
}

/**
 * A heading's text after its label ("From: Dara Kim" → "Dara Kim", Khmer "ពី៖ …" with its own colon); null when it is
 * no label, as a date is (digits of any script before its first colon).
 */
export function afterLabel(text: string): string | null {
  const m = /^\s*([^\p{Nd}:៖]{1,40})[:៖]\s*(\S.*)$/su.exec(text);
  return m ? (m[2] as string) : null;
}

/**
 * Outlook writes a message's date in the mailbox's short form, all in digits ("Fri 12/4/2026 3:15 PM",
 * "ven. 04/12/2026 15:15"): the order of day and month is that of the page's language, which the browser knows.
 * Read in the browser's time zone, where Outlook shows it. Null when the text is not such a date.
 */
export function numericDate(text: string, lang: string, now: number): number | null {
  const date = /(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})/.exec(text);
  if (!date) return null;
  const time = /(\d{1,2})[:.](\d{2})(?:\s*([AaPp])\.?[Mm])?/.exec(text.slice(date.index + date[0].length));
  let order: string[];
  try {
    order = new Intl.DateTimeFormat(lang || undefined)
      .formatToParts(0)
      .map((part) => part.type)
      .filter((type) => type === 'day' || type === 'month' || type === 'year');
  } catch {
    return null;
  }
  const numbers = date.slice(1, 4).map(Number);
  if ((numbers[0] as number) > 31) order = ['year', 'month', 'day'];
  const part = (type: string) => numbers[order.indexOf(type)] ?? Number.NaN;
  let year = part('year');
  if (year < 100) year += 2000;
  const clock = Number(time?.[1] ?? 0);
  const meridiem = time?.[3]?.toLowerCase();
  const hour = meridiem ? (clock % 12) + (meridiem === 'p' ? 12 : 0) : clock;
  const at = new Date(year, part('month') - 1, part('day'), hour, Number(time?.[2] ?? 0)).getTime();
  return Number.isFinite(at) && at <= now + 86_400_000 && part('month') <= 12 && part('day') <= 31 ? at : null;
}

/** A short, stable name for a message Outlook gives no id in the page: FNV-1a over what identifies it. */
export function messageKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
