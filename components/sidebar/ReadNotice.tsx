import type { WebmailSnapshot } from '@/lib/model';
import { t } from '../i18n';

/**
 * What the sidebar says when the webmail cannot be read (in Gmail's or Outlook's words): the page has no mail view the adapter knows or shows no signed-in
 * account (its self-test failed: detection is degraded), or a conversation is open that it cannot read. `problem`
 * is the snapshot's, or 'no-account'.
 */
export function ReadNotice({ problem, provider }: { problem: string | null; provider?: WebmailSnapshot['provider'] }) {
  const outlook = provider === 'outlook';
  const text =
    problem === 'no-main'
      ? t('sidebar_degraded_main')
      : problem === 'no-account'
        ? t(outlook ? 'sidebar_degraded_account_outlook' : 'sidebar_degraded_account')
        : problem === 'thread-unreadable'
          ? t(outlook ? 'sidebar_thread_unreadable_outlook' : 'sidebar_thread_unreadable')
          : t(outlook ? 'sidebar_cannot_read_outlook' : 'sidebar_cannot_read');
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}
