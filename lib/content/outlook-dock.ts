import { OUTLOOK } from '../webmail/outlook-selectors';
import type { SidePanelDock } from './sidebar-dock';
import { waitFor } from './wait-for';

/**
 * The sidebar's place beside Outlook on the web. Outlook has no side-panel column an add-on may join (its own panes
 * are generated markup that changes every few months), so the dock makes one: a rail at the right edge of the window
 * holding the toggle, and the panel beside it when open, with Outlook's whole app (the page's top-level element
 * around its reading pane or message list) narrowed to the room left. The reading pane and the message list then lay
 * themselves out in less width, and nothing of Outlook's is covered. All set on Outlook's element is given back when
 * the script ends, unless Outlook has set something else there meanwhile.
 */

const RAIL = 56;
const FIXED = 'position:fixed;top:0;bottom:0;z-index:2147483000;box-sizing:border-box;background:#fff;';

/**
 * The dock, once Outlook has built its app (it builds it long after the content script starts): 20 s at most.
 * Without an app, the sidebar floats over the page, and says so once.
 */
export async function findOutlookDock(doc: Document, signal: AbortSignal): Promise<SidePanelDock | null> {
  const find = () => {
    const anchor = doc.querySelector(`${OUTLOOK.readingPane}, ${OUTLOOK.listRow}, ${OUTLOOK.composeSection}`);
    return [...doc.body.children].find((child) => child.contains(anchor)) as HTMLElement | undefined;
  };
  const app = await waitFor(doc, find, signal, 20_000);
  if (signal.aborted) return null;
  if (!app) {
    console.info('Sidecar CRM: no Outlook app here, so the sidebar floats over the page');
    return null;
  }
  const rail = doc.createElement('div');
  rail.style.cssText = `${FIXED}right:0;width:${RAIL}px;border-left:1px solid #e1dfdd;display:flex;justify-content:center`;
  const column = doc.createElement('div');
  column.style.cssText = `${FIXED}right:${RAIL}px;display:none`;
  doc.documentElement.append(column, rail);

  const given: string[] = [];
  const narrow = (room: number) => {
    for (const [property, value] of [
      ['width', `calc(100% - ${room}px)`],
      ['right', `${room}px`],
    ] as const) {
      if (!given.includes(property)) given.push(property, app.style.getPropertyValue(property));
      app.style.setProperty(property, value, 'important');
    }
    // Outlook lays its panes out again on a resize, as when the window itself narrows.
    dispatchEvent(new Event('resize'));
  };
  narrow(RAIL);
  signal.addEventListener('abort', () => {
    for (let i = 0; i < given.length; i += 2) app.style.setProperty(given[i] as string, given[i + 1] as string);
    column.remove();
    rail.remove();
    dispatchEvent(new Event('resize'));
  });

  return {
    strip: rail,
    open(panel, width) {
      if (panel.parentNode !== column) column.append(panel);
      column.style.width = `${width}px`;
      column.style.display = 'block';
      narrow(RAIL + width);
    },
    close() {
      column.style.display = 'none';
      narrow(RAIL);
    },
  };
}
