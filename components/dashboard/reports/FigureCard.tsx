import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';

let counter = 0;

/**
 * One figure: a heading, a picture of the numbers, and a table of the same numbers. The table is always in the page
 * for screen readers (visually hidden until asked for), so the chart itself can be aria-hidden.
 */
export function FigureCard({
  title,
  hint,
  chart,
  table,
  wide = false,
}: {
  title: string;
  hint?: string;
  chart: ComponentChildren;
  table: ComponentChildren;
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
      <div aria-hidden="true">{chart}</div>
      <div id={`${id}-table`} class={open ? 'figure-table' : 'visually-hidden'}>
        {table}
      </div>
    </section>
  );
}
