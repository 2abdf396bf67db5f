import type { SnapshotCompose, SnapshotPerson } from '../model/snapshot';
import { cut, shown, type Visibility } from './gmail-read';
import { peopleIn } from './outlook-read';
import { OUTLOOK } from './outlook-selectors';

/**
 * Outlook's composes: a new message or a reply, in the reading pane or Outlook's form section. Its To, Cc and Bcc
 * fields carry labels in the mailbox's language, so they are told apart by their order, which has not changed
 * through the yearly changes of their markup. Each person is a pill (its text the name, the address when Outlook
 * shows it); an address typed and not yet a pill is text in the field.
 */

const FIELDS = ['to', 'cc', 'bcc'] as const;

function unique(people: SnapshotPerson[]): SnapshotPerson[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.email.toLowerCase() || `name:${p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function readOutlookComposes(doc: Document, seen: Visibility): SnapshotCompose[] {
  const roots: Element[] = [];
  for (const root of doc.querySelectorAll(`${OUTLOOK.composeSection}, ${OUTLOOK.readingPane}`)) {
    if (roots.some((r) => r.contains(root) || root.contains(r)) || !shown(root, seen)) continue;
    if (root.querySelector(OUTLOOK.recipientFields)) roots.push(root);
  }
  return roots.slice(0, 20).map((root, index) => {
    // A sender's HTML shown in the same pane is no compose field, however it is marked.
    const fields = [...root.querySelectorAll(OUTLOOK.recipientFields)].filter((f) => !f.closest(OUTLOOK.body));
    const subjects = root.querySelectorAll<HTMLInputElement>(OUTLOOK.subjectInput);
    const compose: SnapshotCompose = {
      id: `compose-${index}`,
      // A reply written under the conversation, as Gmail's inline replies are.
      inline: root.querySelector(OUTLOOK.body) !== null,
      subject: cut(String(subjects[subjects.length - 1]?.value ?? ''), 1000),
      to: [],
      cc: [],
      bcc: [],
    };
    FIELDS.forEach((field, i) => {
      const box = fields[i];
      if (box) compose[field] = unique(peopleIn(box));
    });
    return compose;
  });
}
