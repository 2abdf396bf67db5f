import { useEffect, useState } from 'preact/hooks';
import { moveFigure, setFigure } from '@/lib/dashboard/home-layout';
import type { HomeFigure } from '@/lib/model';
import { t } from '../../i18n';

/**
 * Arranging the dashboard home by keyboard or pointer alike: show or hide each figure, full or half width, and move
 * it up or down with buttons (focus stays on the button pressed, and the new place is announced).
 */
export function ArrangeHome({
  layout,
  names,
  onChange,
  onReset,
}: {
  layout: HomeFigure[];
  names: Record<string, string>;
  onChange(layout: HomeFigure[]): void;
  onReset(): void;
}) {
  const [moved, setMoved] = useState<{ id: string; by: -1 | 1; seq: number } | null>(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!moved) return;
    const button = document.querySelector<HTMLButtonElement>(`[data-move="${moved.id}:${moved.by}"]:not(:disabled)`);
    // At an end the pressed button is disabled; the other direction's takes the focus.
    (button ?? document.querySelector<HTMLButtonElement>(`[data-move="${moved.id}:${-moved.by}"]`))?.focus();
  }, [moved]);

  const move = (id: string, by: -1 | 1) => {
    const next = moveFigure(layout, id, by);
    onChange(next);
    setMoved({ id, by, seq: (moved?.seq ?? 0) + 1 });
    const at = next.findIndex((figure) => figure.id === id) + 1;
    setSaid(t('home_moved_to', { name: names[id] ?? id, position: at, count: next.length }));
  };

  return (
    <section class="arrange-home" aria-labelledby="arrange-title">
      <h3 id="arrange-title">{t('home_arrange_title')}</h3>
      <p class="muted small">{t('home_arrange_help')}</p>
      <ol class="plain">
        {layout.map((figure, i) => {
          const name = names[figure.id] ?? figure.id;
          return (
            <li key={figure.id} class="row">
              <span class="grow">{name}</span>
              <label>
                <input
                  type="checkbox"
                  checked={!figure.hidden}
                  onChange={(e) => onChange(setFigure(layout, figure.id, { hidden: !e.currentTarget.checked }))}
                />
                <span class="visually-hidden">{t('home_show_named', { name })}</span>
                <span aria-hidden="true">{t('home_show')}</span>
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={figure.wide}
                  onChange={(e) => onChange(setFigure(layout, figure.id, { wide: e.currentTarget.checked }))}
                />
                <span class="visually-hidden">{t('home_wide_named', { name })}</span>
                <span aria-hidden="true">{t('home_wide')}</span>
              </label>
              <button
                type="button"
                class="small"
                data-move={`${figure.id}:-1`}
                disabled={i === 0}
                aria-label={t('home_move_up_named', { name })}
                onClick={() => move(figure.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="small"
                data-move={`${figure.id}:1`}
                disabled={i === layout.length - 1}
                aria-label={t('home_move_down_named', { name })}
                onClick={() => move(figure.id, 1)}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ol>
      <div class="row">
        <button type="button" onClick={onReset}>
          {t('home_reset')}
        </button>
      </div>
      <p role="status" class="visually-hidden">
        {said}
      </p>
    </section>
  );
}
