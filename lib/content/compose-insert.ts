import * as GMAIL from '../webmail/gmail-selectors';

/**
 * Typing text into the compose box the rep was last in, where their caret was, as if they typed it. A click in the
 * sidebar frame takes the focus out of the page, so the body and its caret are remembered while the rep is in it
 * and given back before typing. The browser's own editing command does the typing, so Gmail's undo, autosave and
 * draft sync see it, and a line break becomes the paragraph Enter would make; never `innerHTML`, which Gmail's
 * Trusted Types refuse. Answers false when no compose box the rep was in is still open.
 */
export function trackComposeCaret(doc: Document, signal: AbortSignal): (text: string) => boolean {
  let body: HTMLElement | null | undefined;
  let caret: Range | undefined;
  doc.addEventListener(
    'selectionchange',
    () => {
      const editing = doc.activeElement?.closest<HTMLElement>(GMAIL.composeBody);
      const selection = doc.getSelection();
      if (editing && selection?.rangeCount) {
        body = editing;
        caret = selection.getRangeAt(0).cloneRange();
      }
    },
    { signal },
  );
  return (text) => {
    if (!body?.isConnected) return false;
    body.focus();
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    if (caret) selection?.addRange(caret);
    return doc.execCommand('insertText', false, text);
  };
}
