import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { BarChart, ColumnChart, type Series } from './charts';

/** One row of a figure's table: its heading, then its values as text, one a column. */
export interface FigureRow {
  key: string;
  head: string;
  cells: string[];
}

/** A row the figure's chart draws too, under the row's heading. */
export interface PlottedRow extends FigureRow {
  /** One value a series (one for bars), and the value as people read it. */
  plot: { values: number[]; text: string };
}

interface TableProps<Row extends FigureRow> {
  /** Column headings, the row headings' column first. */
  columns: string[];
  rows: Row[];
  /** The cells of a "Total" row under the others. */
  total?: string[];
}

/** The numbers of a figure, a heading a column and a heading a row. */
export function FigureTable({
  caption,
  hideCaption = false,
  columns,
  rows,
  total,
}: TableProps<FigureRow> & { caption?: string; hideCaption?: boolean }) {
  // Cells are keyed by their column's heading: a row's values can repeat, the headings cannot.
  const cells = (values: string[]) => values.map((value, i) => <td key={columns[i + 1]}>{value}</td>);
  return (
    <table>
      {caption === undefined ? null : <caption class={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.head}</th>
            {cells(row.cells)}
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr>
            <th scope="row">{t('fig_total')}</th>
            {cells(total)}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** The table's rows drawn: a bar each, or with `series`, a group of columns each. */
function FigureChart({ rows, series }: { rows: PlottedRow[]; series: Series[] | undefined }) {
  const plotted = rows.map((row) => ({ key: row.key, label: row.head, ...row.plot }));
  if (series) return <ColumnChart series={series} columns={plotted} />;
  return <BarChart bars={plotted.map(({ values, ...bar }) => ({ ...bar, value: values[0] ?? 0 }))} />;
}

let counter = 0;

/**
 * One figure: a heading, a picture of the numbers, and a table of the same numbers. The table is always in the page
 * for screen readers (visually hidden until asked for), so the chart itself can be aria-hidden.
 */
export function FigureCard({
  title,
  hint,
  series,
  empty = null,
  caption,
  wide = false,
  ...table
}: TableProps<PlottedRow> & {
  title: string;
  hint?: string;
  series?: Series[];
  /** Said instead of the chart when there is nothing to draw. */
  empty?: string | null;
  /** A caption shown above the table; without one, the title captions it for screen readers only. */
  caption?: string;
  wide?: boolean;
}) {
  const [id] = useState(() => `figure-${++counter}`);
  const [open, setOpen] = useState(false);
  return (
    <section class={wide ? 'figure wide' : 'figure'} aria-labelledby={`${id}-title`}>
      <div class="row spread">
        <h3 id={`${id}-title`}>{title}</h3>
        <button
          type="button"
          class="link-button small"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={`${id}-table`}
          onClick={() => setOpen(!open)}
        >
          {open ? t('fig_hide_numbers') : t('fig_show_numbers')}
        </button>
      </div>
      {hint ? <p class="muted small">{hint}</p> : null}
      <div aria-hidden="true">
        {empty === null ? <FigureChart rows={table.rows} series={series} /> : <p class="muted">{empty}</p>}
      </div>
      <div id={`${id}-table`} class={open ? 'figure-table' : 'visually-hidden'}>
        <FigureTable caption={caption ?? title} hideCaption={caption === undefined} {...table} />
      </div>
    </section>
  );
}
