import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';

/** One of the plan's tables: a caption, headed columns, a row per item, and a line saying so when there is none. */
export function PlanTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: Array<{ key: string; cells: ComponentChildren[] }>;
}) {
  if (rows.length === 0) return <p class="muted">{t('plan_nothing_yet')}</p>;
  return (
    <table class="report-table plan-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={column} scope="col" class={i === 0 ? undefined : 'num'}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} class="num">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
