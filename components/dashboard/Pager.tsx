import { t } from '../i18n';

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
        {total !== null
          ? ` · ${t(approximate ? 'dash_rows_about' : 'dash_rows', { count: total.toLocaleString() })}`
          : ''}
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
