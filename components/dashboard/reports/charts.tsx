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

/** Vertical columns, grouped when there are several series (won and lost side by side). */
export function ColumnChart({ columns, series }: { columns: Column[]; series: Series[] }) {
  const max = Math.max(0, ...columns.flatMap((column) => column.values));
  const group = 24 * series.length + 8;
  const width = Math.max(columns.length * group, 1);
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
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} class="columns-svg" role="presentation">
        <line x1="0" x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} class="axis" />
        {columns.map((column, c) =>
          column.values.map((value, s) => {
            const h = max > 0 ? (value / max) * (HEIGHT - 4) : 0;
            return (
              <rect
                key={`${column.key}-${s}`}
                class={series[s]?.class ?? ''}
                x={c * group + 4 + s * 24}
                y={HEIGHT - h}
                width="20"
                height={h}
              />
            );
          }),
        )}
      </svg>
      <ol class="column-labels" style={{ gridTemplateColumns: `repeat(${columns.length}, 1fr)` }}>
        {columns.map((column) => (
          <li key={column.key}>
            <span class="column-value">{column.text}</span>
            <span class="column-label">{column.label}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
