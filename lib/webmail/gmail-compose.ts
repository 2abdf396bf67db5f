import { normaliseEmail } from '../model/email-address';
import type { SnapshotCompose, SnapshotPerson } from '../model/snapshot';
import { attr, cut, parseList, person, shown, type Visibility } from './gmail-read';
import * as GMAIL from './gmail-selectors';

/** Compose windows and inline replies: who the rep is writing to, from the chip UI or the older hidden inputs. */

type Field = (typeof GMAIL.RECIPIENT_FIELDS)[number];

function inputValue(el: Element): string {
  return el.localName === 'input' || el.localName === 'textarea'
    ? String((el as HTMLInputElement).value ?? '')
    : attr(el, 'value');
}

function readField(root: Element, field: Field): SnapshotPerson[] {
  const found: (SnapshotPerson | null)[] = [];
  for (const box of root.querySelectorAll(`[name="${field}"]`)) {
    if (box.localName === 'input' || box.localName === 'textarea') found.push(...parseList(inputValue(box)));
    else {
      for (const chip of box.querySelectorAll(GMAIL.chip)) {
        found.push(person(attr(chip, 'data-hovercard-id'), attr(chip, 'data-name')));
      }
      for (const typed of box.querySelectorAll(GMAIL.typed)) found.push(...parseList(inputValue(typed)));
    }
  }
  const seen = new Set<string>();
  const out: SnapshotPerson[] = [];
  for (const p of found) {
    if (!p || seen.has(normaliseEmail(p.email))) continue;
    seen.add(normaliseEmail(p.email));
    out.push(p);
  }
  return out.slice(0, 200);
}

export function readComposes(doc: Document, seen: Visibility): SnapshotCompose[] {
  const roots: Element[] = [];
  const fields = `${GMAIL.subjectBox}, [name=to], [name=cc], [name=bcc]`;
  const add = (el: Element) => {
    if (roots.some((r) => r.contains(el) || el.contains(r)) || !el.querySelector(fields) || !shown(el, seen)) return;
    roots.push(el);
  };
  for (const el of doc.querySelectorAll(GMAIL.composeRoots)) {
    if (el.getAttribute('role') !== 'dialog' || el.querySelector(GMAIL.composeForm)) add(el);
  }
  for (const box of doc.querySelectorAll(GMAIL.subjectBox)) add(box.closest(GMAIL.composeForm) ?? box.parentElement!);
  return roots.slice(0, 20).map((root, index) => {
    const draft = inputValue(root.querySelector(GMAIL.draftId) ?? root).trim();
    const subjectBox = root.querySelector(GMAIL.subjectBox);
    return {
      id: cut(draft && draft !== 'undefined' && draft !== 'null' ? draft : `compose-${index}`, 200),
      inline: root.getAttribute('role') !== 'dialog' && !root.closest('[role=dialog]'),
      subject: cut(subjectBox ? inputValue(subjectBox) : '', 1000),
      to: readField(root, 'to'),
      cc: readField(root, 'cc'),
      bcc: readField(root, 'bcc'),
    };
  });
}
