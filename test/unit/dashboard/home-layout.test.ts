import { describe, expect, it } from 'vitest';
import { arrangeHome, layoutKey, moveFigure, setFigure } from '@/lib/dashboard/home-layout';

const DEFAULTS = [
  { id: 'headline', hidden: false, wide: true },
  { id: 'pipeline', hidden: false, wide: false },
  { id: 'forecast', hidden: false, wide: false },
  { id: 'waiting', hidden: false, wide: false },
];

describe('arranging the dashboard home', () => {
  it('shows the default to a rep who never arranged it', () => {
    expect(arrangeHome(DEFAULTS, undefined)).toEqual(DEFAULTS);
  });

  it('keeps a saved order and choices, drops figures no longer known, and slots new ones in their default place', () => {
    const saved = [
      { id: 'waiting', hidden: false, wide: true },
      { id: 'gone', hidden: false, wide: false },
      { id: 'headline', hidden: true, wide: true },
      { id: 'pipeline', hidden: false, wide: false },
      { id: 'waiting', hidden: true, wide: false },
    ];
    expect(arrangeHome(DEFAULTS, saved).map((f) => [f.id, f.hidden, f.wide])).toEqual([
      ['waiting', false, true],
      ['headline', true, true],
      ['pipeline', false, false],
      ['forecast', false, false],
    ]);
  });

  it('moves a figure up and down, and not past either end', () => {
    const ids = (layout: { id: string }[]) => layout.map((f) => f.id);
    expect(ids(moveFigure(DEFAULTS, 'forecast', -1))).toEqual(['headline', 'forecast', 'pipeline', 'waiting']);
    expect(ids(moveFigure(DEFAULTS, 'forecast', 1))).toEqual(['headline', 'pipeline', 'waiting', 'forecast']);
    expect(ids(moveFigure(DEFAULTS, 'headline', -1))).toEqual(ids(DEFAULTS));
    expect(ids(moveFigure(DEFAULTS, 'waiting', 1))).toEqual(ids(DEFAULTS));
  });

  it('hides and widens one figure, and keys layouts by rep', () => {
    expect(setFigure(DEFAULTS, 'pipeline', { hidden: true, wide: true })[1]).toEqual({
      id: 'pipeline',
      hidden: true,
      wide: true,
    });
    expect([layoutKey(null), layoutKey('r1')]).toEqual(['', 'r1']);
  });
});
