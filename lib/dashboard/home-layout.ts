import type { HomeFigure } from '../model/settings';

/**
 * The dashboard home a rep arranges: which figures show, in what order, at what width. Pure: the view keeps the
 * figures, this keeps the list. A saved layout names figures by id; figures added to the product later appear in
 * their default place, and ids no longer known are dropped, so an old layout never hides a new figure or breaks.
 */

/** Settings.homeLayouts' key for a rep; "" when the browser has no rep chosen yet. */
export const layoutKey = (repId: string | null): string => repId ?? '';

/** The layout to show: the saved one made whole against the figures this version has, or the default. */
export function arrangeHome(defaults: readonly HomeFigure[], saved: readonly HomeFigure[] | undefined): HomeFigure[] {
  if (!saved) return defaults.map((figure) => ({ ...figure }));
  const known = new Map(defaults.map((figure) => [figure.id, figure]));
  const kept = saved.filter((figure, i) => known.has(figure.id) && saved.findIndex((f) => f.id === figure.id) === i);
  const out = kept.map((figure) => ({ ...figure }));
  // A figure the rep never saw goes after the one it follows by default, or first.
  defaults.forEach((figure, i) => {
    if (out.some((f) => f.id === figure.id)) return;
    const before = defaults[i - 1]?.id;
    const at = before === undefined ? 0 : out.findIndex((f) => f.id === before) + 1;
    out.splice(at, 0, { ...figure });
  });
  return out;
}

/** The layout with one figure moved up (-1) or down (+1); unchanged at either end. */
export function moveFigure(layout: readonly HomeFigure[], id: string, by: -1 | 1): HomeFigure[] {
  const from = layout.findIndex((figure) => figure.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= layout.length) return [...layout];
  const out = [...layout];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export function setFigure(layout: readonly HomeFigure[], id: string, patch: Partial<Omit<HomeFigure, 'id'>>) {
  return layout.map((figure) => (figure.id === id ? { ...figure, ...patch } : figure));
}
