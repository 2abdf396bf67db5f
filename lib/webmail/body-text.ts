import { squash } from './gmail-read';

// A message body read as text, for every webmail's adapter (where signatures are read from).
const BLOCK = /^(?:div|p|tr|li|ul|ol|table|h[1-6]|pre|hr|section|article|header|footer|address)$/;
const MAX_BODY_NODES = 20_000;

/**
 * The sender's own words with line breaks where the page shows them (textContent alone glues "--" and the name
 * together), leaving out quoted history (`quoted`: the webmail's markers of it). Bounded so a pathological body cannot
 * stall the page.
 */
export function bodyText(body: Element, quoted: string): string {
  let out = '';
  const newline = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  let budget = MAX_BODY_NODES;
  // Iterative walk: a hostile body can nest deep enough to overflow recursion. '\n' entries close block elements.
  const stack: (Node | '\n')[] = [body];
  while (stack.length && budget-- > 0) {
    const node = stack.pop()!;
    if (node === '\n') newline();
    else if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.localName === 'br') out += '\n';
      else if (el === body || !el.matches(quoted)) {
        if (BLOCK.test(el.localName)) {
          newline();
          stack.push('\n');
        }
        for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
      }
    }
  }
  return out
    .split('\n')
    .map(squash)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
