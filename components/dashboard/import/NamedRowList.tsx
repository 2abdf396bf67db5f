import type { NamedRow } from '@/lib/import/plan';
import { t } from '../../i18n';

/** A long list is cut here: the page stays quick, and the counts above still cover every row. */
const SHOWN = 200;

/** Rows of the plan named one by one, with why: those the import skips, or those it warns about. */
export function NamedRowList({ id, title, rows }: { id: string; title: string; rows: readonly NamedRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={id} class="imp-named">
      <h4 id={id}>{title}</h4>
      <ul>
        {rows.slice(0, SHOWN).map(({ row, reasons }) => (
          <li key={row}>{t('imp_problem_row', { row, message: reasons.join('; ') })}</li>
        ))}
      </ul>
      {rows.length > SHOWN && <p class="muted small">{t('imp_list_capped', { shown: SHOWN })}</p>}
    </section>
  );
}
