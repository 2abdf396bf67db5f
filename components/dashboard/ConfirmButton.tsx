import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

/** An inline "are you sure?" with the question read out and focus on the safe choice. */
export function ConfirmButton({
  question,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="notice row" role="alertdialog" aria-label={question}>
      <span class="grow">{question}</span>
      <button type="button" class="danger" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" ref={cancel} onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
