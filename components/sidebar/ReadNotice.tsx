import { t } from '../i18n';

/**
 * What the sidebar says when Gmail cannot be read: the page has no mail view the adapter knows or shows no signed-in
 * account (its self-test failed: detection is degraded), or a conversation is open that it cannot read. `problem`
 * is the snapshot's, or 'no-account'.
 */
export function ReadNotice({ problem }: { problem: string | null }) {
  const text =
    problem === 'no-main'
      ? t('sidebar_degraded_main')
      : problem === 'no-account'
        ? t('sidebar_degraded_account')
        : problem === 'thread-unreadable'
          ? t('sidebar_thread_unreadable')
          : t('sidebar_cannot_read');
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}
