import type { ComponentChildren } from 'preact';
import { ErrorText } from './ErrorText';
import { t } from './i18n';

/**
 * The end of a form: what went wrong, then its submit button, Cancel where the form can be left, any other actions,
 * and "Saved" once a save went through.
 */
export function FormFooter({
  error = null,
  submitLabel,
  onCancel,
  saved = false,
  children,
}: {
  error?: string | null;
  submitLabel: string;
  onCancel?(): void;
  saved?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <>
      <ErrorText message={error} />
      <div class="row">
        <button type="submit" class="primary">
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : null}
        {children}
        {saved ? (
          <span class="muted" role="status">
            {t('dash_saved')}
          </span>
        ) : null}
      </div>
    </>
  );
}
