import * as GMAIL from '../webmail/gmail-selectors';

/**
 * The sidebar's place in Gmail's own layout: the right-hand side-panel column where Calendar and Keep open, with
 * the main column narrowed to make room, so nothing of Gmail's is covered (facts in /work/shared/WEBMAIL.md, as
 * InboxSDK reads them). Gmail keeps one panel open at a time, and so do we: opening ours closes Gmail's, and Gmail
 * opening one of its own makes ours step aside. Everything set on Gmail's nodes is given back on close, unless Gmail
 * has set something else there meanwhile.
 */
export interface SidePanelDock {
  /** Gmail's icon strip, where the toggle sits among Calendar's and Keep's icons. */
  readonly strip: Element;
  /** Shows `panel` in the column, `width` px wide, and narrows the main column; closes Gmail's open panel first. */
  open(panel: HTMLElement, width: number): void;
  close(): void;
}

/** Gmail's icon rail, which it adds to a panel's width for the compose windows' spacer. */
const RAIL = 66;

/**
 * The dock, once Gmail has built its page (it builds it after the content script starts): 10 s at most, or 1 s when
 * the main pane is already there without the column. Without one the sidebar floats over the page, and says so once.
 */
export async function findSidePanelDock(
  doc: Document,
  stepAside: () => void,
  signal: AbortSignal,
): Promise<SidePanelDock | null> {
  const find = () => doc.querySelector(GMAIL.sidePanel);
  const column = await new Promise<Element | null>((resolve) => {
    const done = () => {
      observer.disconnect();
      resolve(find());
    };
    const observer = new MutationObserver(() => find() && done());
    observer.observe(doc, { childList: true, subtree: true });
    signal.addEventListener('abort', done);
    setTimeout(done, find() ? 0 : doc.querySelector(GMAIL.main) ? 1000 : 10_000);
  });
  const strip = column?.querySelector(GMAIL.panelStrip);
  if (signal.aborted) return null;
  if (!column || !strip || !column.querySelector(GMAIL.panelContent)) {
    console.info('Sidecar CRM: no Gmail side panel here, so the sidebar floats over the page');
    return null;
  }
  let shown = false;
  const undo: (() => void)[] = [];

  const set = (element: Element | null | undefined, property: string, value: string) => {
    const style = (element as HTMLElement | null | undefined)?.style;
    if (!style) return;
    const before = style.getPropertyValue(property);
    style.setProperty(property, value, 'important');
    undo.push(() => style.getPropertyValue(property) === value && style.setProperty(property, before));
  };
  // Gmail lays out heights and compose windows again on a resize, as it does for its own panels.
  const relayout = () => dispatchEvent(new Event('resize'));
  const close = () => {
    if (!shown) return;
    shown = false;
    for (const give of undo.splice(0).reverse()) give();
    relayout();
  };

  // Gmail opening one of its panels makes that panel's icon the active one.
  const active = GMAIL.panelActiveIcon;
  const observer = new MutationObserver((records) => {
    const opened = ({ target, oldValue }: MutationRecord) =>
      (target as Element).classList.contains(active) && !oldValue?.includes(active);
    if (shown && records.some(opened)) stepAside();
  });
  observer.observe(column, { subtree: true, attributeFilter: ['class'], attributeOldValue: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    close();
  });

  return {
    strip,
    open(panel, width) {
      if (shown) return;
      // Gmail's icons act on the whole press, not on `click` alone.
      for (const type of ['mousedown', 'mouseup', 'click']) {
        column.querySelector(`.${active}`)?.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      }
      const content = column.querySelector(GMAIL.panelContent);
      const wrapper = content?.classList.contains(GMAIL.panelOldWrapper) ? content : content?.parentElement;
      if (!wrapper) return;
      const main = [wrapper, column]
        .map((element) => element.previousElementSibling as HTMLElement | null)
        .find((element) => element?.matches('.nH'));
      // What Gmail keeps beside the main column (its icon rail) stays; the panel's width comes on top.
      const narrow = main && `calc(100% - ${(main.parentElement?.clientWidth ?? 0) - main.offsetWidth + width}px)`;
      shown = true;
      if (panel.parentNode !== wrapper) wrapper.append(panel);
      for (const child of wrapper.children) if (child !== panel) set(child, 'display', 'none');
      set(wrapper, 'display', 'block');
      if (narrow) set(main, 'width', narrow);
      set([...doc.querySelectorAll(GMAIL.moleSpacer)].pop(), 'width', `${width + RAIL}px`);
      relayout();
    },
    close,
  };
}
