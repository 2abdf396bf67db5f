import type { ThreadKind } from '../model';

/** Case and accents aside, so "REFUND" finds "refund"; Khmer has neither and is compared as written. */
const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The kind the business's rules suggest for a thread: the first kind in their order with one of its Gmail labels on
 * the thread, else the first with one of its words in the subject. Khmer is written without spaces between words,
 * so a word is found anywhere in the subject, not only at a word start. Null when no rule matches: the rep chooses.
 */
export function suggestKind(
  kinds: readonly ThreadKind[],
  thread: { subject: string; labels?: readonly string[] },
): ThreadKind | null {
  const live = kinds.filter((kind) => kind.deletedAt === null).sort((a, b) => a.order - b.order);
  const labels = new Set((thread.labels ?? []).map(fold));
  const byLabel = live.find((kind) => kind.labels.some((label) => labels.has(fold(label))));
  if (byLabel) return byLabel;
  const subject = fold(thread.subject);
  return live.find((kind) => kind.words.some((word) => subject.includes(fold(word)))) ?? null;
}

/** A rule list as the settings form takes it: one per line or comma, blanks and repeats dropped. */
export function ruleList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\n,،]/)) {
    const value = part.trim();
    if (value === '' || seen.has(fold(value))) continue;
    seen.add(fold(value));
    out.push(value);
  }
  return out;
}
