import * as GMAIL from './gmail-selectors';

/** How the webmail page looks, for the sidebar to match: passed as its page's query (components/sidebar/look.ts). */
export interface PageLook {
  theme: 'dark' | 'light';
  density: 'compact' | 'comfortable';
}

/**
 * Gmail's theme and density. Gmail marks neither with an attribute, so they are read from what its own styles do:
 * light text on the nav labels or a dark main background means a dark theme, a 24 px nav item the compact density.
 * Reading computed styles costs a style recalculation, so this is read once, when the sidebar is put on the page.
 */
export function readGmailLook(doc: Document): PageLook {
  // Perceived lightness (0–255) of an element's computed colour; NaN when there is no element or it is transparent.
  const light = (selector: string, property: 'color' | 'backgroundColor') => {
    const element = doc.querySelector(selector);
    const [r, g, b, alpha = 1] =
      (element ? getComputedStyle(element)[property] : '').match(/[\d.]+/g)?.map(Number) ?? [];
    return alpha ? Number(r) * 0.3 + Number(g) * 0.59 + Number(b) * 0.11 : Number.NaN;
  };
  return {
    theme:
      light(GMAIL.navLabel, 'color') > 150 || light(GMAIL.mainBackground, 'backgroundColor') < 100 ? 'dark' : 'light',
    density: doc.querySelector<HTMLElement>(GMAIL.navItem)?.offsetHeight === 24 ? 'compact' : 'comfortable',
  };
}
