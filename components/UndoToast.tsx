import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';
import type { Toast } from './toaster';

/**
 * What just happened, with an Undo button when it can be undone; stays until dismissed or replaced. With
 * `hideAfterMs`, a toast with nothing to undo goes by itself (the sidebar's, which would cover the card below it).
 */
export function UndoToast({
  toast,
  onClose,
  hideAfterMs,
}: {
  toast: Toast | null;
  onClose(): void;
  hideAfterMs?: number;
}) {
  const [busy, setBusy] = useState(false);
  useEffect(() => setBusy(false), [toast]);
  useEffect(() => {
    if (!toast || toast.undo || hideAfterMs === undefined) return;
    const timer = setTimeout(onClose, hideAfterMs);
    return () => clearTimeout(timer);
  }, [toast, hideAfterMs]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast ? (
        <div class="toast">
          <span class="toast-text">{toast.message}</span>
          {toast.undo ? (
            <button
              type="button"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await toast.undo?.();
                } finally {
                  onClose();
                }
              }}
            >
              {t('dash_undo')}
            </button>
          ) : null}
          <button type="button" aria-label={t('dash_dismiss')} onClick={onClose}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
