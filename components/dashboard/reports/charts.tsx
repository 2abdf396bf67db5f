/**
 * Small SVG charts, drawn by hand: a few bars and columns do not need a chart library, and hand-drawn SVG scales,
 * prints and takes the page's Khmer font. Labels are HTML beside the SVG, not SVG text, so long Khmer stage names
 * wrap instead of overflowing. Charts are decoration for sighted readers; FigureCard carries the table.
 */

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as people read it (money, a duration). */
  text: string;
}

/** Horizontal bars, one a row, scaled to the largest. */
export function BarChart({ bars }: { bars: Bar[] }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <ul class="bar-chart">
      {bars.map((bar) => (
        <li key={bar.key}>
          <span class="bar-label">{bar.label}</span>
          <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" role="presentation">
            <rect
              x="0"
              y="0"
              width={max > 0 ? Math.max((bar.value / max) * 100, bar.value > 0 ? 0.5 : 0) : 0}
              height="10"
            />
          </svg>
          <span class="bar-value">{bar.text}</span>
        </li>
      ))}
    </ul>
  );
}

export interface Column {
  key: string;
  label: string;
  /** One value a series, in the order of `series`. */
  values: number[];
  /** Shown above the column group. */
  text: string;
}

/** One series of a column chart: its name in the legend, and the class that colours its columns. */
export interface Series {
  name: string;
  class: string;
}

const HEIGHT = 120;
/** A bar's width and the gap after it, in px at full size; a narrow column squeezes them (see reports.css). */
const BAR = 20;
const STEP = 24;

/**
 * Vertical columns, grouped when there are several series (won and lost side by side). Each column's bars, value and
 * label sit in one cell of one grid, so a bar stays over its label at any width: drawn as one SVG across the card,
 * the bars kept their aspect ratio and bunched in the middle of a wide card while the labels spread to its edges.
 */
export function ColumnChart({ columns, series }: { columns: Column[]; series: Series[] }) {
  const max = Math.max(0, ...columns.flatMap((column) => column.values));
  const group = STEP * (series.length - 1) + BAR;
  return (
    <div class="column-chart">
      {series.length > 1 ? (
        <ul class="legend">
          {series.map((s) => (
            <li key={s.name}>
              <span class={`swatch ${s.class}`} /> {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <ol class="column-cells" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
        {columns.map((column) => (
          <li key={column.key}>
            <div class="column-plot">
              <svg
                viewBox={`0 0 ${group} ${HEIGHT}`}
                preserveAspectRatio="none"
                style={{ width: `${group}px` }}
                role="presentation"
              >
                {column.values.map((value, s) => {
                  const h = max > 0 ? (value / max) * (HEIGHT - 4) : 0;
                  return (
                    <rect
                      key={series[s]?.name ?? s}
                      class={series[s]?.class ?? ''}
                      x={s * STEP}
                      y={HEIGHT - h}
                      width={BAR}
                      height={h}
                    />
                  );
                })}
              </svg>
            </div>
            <span class="column-value">{column.text}</span>
            <span class="column-label">{column.label}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
