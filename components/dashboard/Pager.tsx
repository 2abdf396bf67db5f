import { useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * Where a paged view stands: the start offset of each page visited so far, the last being the page shown, so Previous
 * goes back exactly and Next goes on from the offset the read reported.
 */
export function usePageStarts() {
  const [starts, setStarts] = useState<number[]>([0]);
  return {
    offset: starts.at(-1) ?? 0,
    restart: () => setStarts([0]),
    /** Page `page` (from 1) of pages `size` rows long: only where every page's start is known from a count. */
    jump: (page: number, size: number) => setStarts(Array.from({ length: page }, (_, i) => i * size)),
    /** The Pager's page and moves, given the offset the read says comes next (none on the last page). */
    moves: (nextOffset: number | null | undefined) => ({
      page: starts.length,
      hasPrev: starts.length > 1,
      hasNext: nextOffset != null,
      onFirst: () => setStarts([0]),
      onPrev: () => setStarts(starts.slice(0, -1)),
      onNext: () => nextOffset != null && setStarts([...starts, nextOffset]),
    }),
  };
}

/** First / previous / next page, the page number and the row count; "about" when the count is approximate. */
export function Pager({
  page,
  pages,
  total,
  approximate,
  hasPrev,
  hasNext,
  onFirst,
  onPrev,
  onNext,
  onJump,
}: {
  page: number;
  pages: number | null;
  total: number | null;
  approximate: boolean;
  hasPrev: boolean;
  hasNext: boolean;
  onFirst(): void;
  onPrev(): void;
  onNext(): void;
  onJump: ((page: number) => void) | null;
}) {
  return (
    <nav class="pager row" aria-label={t('dash_pages')}>
      <button type="button" disabled={!hasPrev} onClick={onFirst}>
        {t('dash_page_first')}
      </button>
      <button type="button" disabled={!hasPrev} onClick={onPrev}>
        {t('dash_page_prev')}
      </button>
      <span aria-live="polite">
        {pages !== null ? t('dash_page_of', { page, pages }) : t('dash_page_n', { page })}
        {total !== null ? ` · ${t(approximate ? 'dash_rows_about' : 'dash_rows', { count: total })}` : ''}
      </span>
      <button type="button" disabled={!hasNext} onClick={onNext}>
        {t('dash_page_next')}
      </button>
      {onJump && pages !== null && pages > 1 ? (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const input = (e.currentTarget as HTMLFormElement).elements.namedItem('page') as HTMLInputElement;
            const n = Number(input.value);
            if (Number.isInteger(n) && n >= 1 && n <= pages) onJump(n);
          }}
        >
          <label class="inline">
            {t('dash_page_go')}
            <input name="page" type="number" min={1} max={pages} size={5} />
          </label>
          <button type="submit">{t('dash_go')}</button>
        </form>
      ) : null}
    </nav>
  );
}
