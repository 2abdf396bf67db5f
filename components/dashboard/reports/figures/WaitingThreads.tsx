import { webmailThreadUrl } from '@/lib/dashboard/links';
import { outlookThreadOf } from '@/lib/model/webmail-thread';
import type { WaitingThread } from '@/lib/reports/response-times';
import { formatCount, formatDateTime, t } from '../../../i18n';
import { duration } from '../report-format';

/** Waiting threads shown; the count above says how many there are in all. */
const WAITING_SHOWN = 50;

/** Threads whose last word is a contact's, oldest wait first, each a link to the thread in Gmail. */
export function WaitingThreads({
  waiting,
  names,
  timeZone,
}: {
  waiting: WaitingThread[];
  /** Contact names by id. */
  names: Record<string, string>;
  timeZone: string;
}) {
  return (
    <section class="figure" aria-labelledby="waiting-title">
      <h3 id="waiting-title">
        {t('fig_waiting')} ({formatCount(waiting.length)})
      </h3>
      <p class="muted small">{t('fig_waiting_hint')}</p>
      {waiting.length === 0 ? <p class="muted">{t('fig_waiting_none')}</p> : null}
      <ol class="waiting-list">
        {waiting.slice(0, WAITING_SHOWN).map((thread) => {
          const name = names[thread.contactId] ?? t('fig_unknown_contact');
          return (
            <li key={thread.threadId}>
              <a
                // In the webmail and account (/mail/u/N/) that saw the thread; mail logged before that was kept, the first.
                href={webmailThreadUrl(thread.accountIndex ?? 0, thread.threadId)}
                target="_blank"
                rel="noreferrer"
                aria-label={t(outlookThreadOf(thread.threadId) ? 'fig_open_outlook' : 'fig_open_gmail', { name })}
              >
                <span class="name">{name}</span>
              </a>{' '}
              <span class="muted small">
                {t('fig_waiting_for', { duration: duration(thread.waitingMs) })} ·{' '}
                {t('fig_messages', { count: thread.messages })} ·{' '}
                <time dateTime={new Date(thread.since).toISOString()}>{formatDateTime(thread.since, timeZone)}</time>
              </span>
            </li>
          );
        })}
      </ol>
      {waiting.length > WAITING_SHOWN ? (
        <p class="muted small">{t('fig_more', { count: waiting.length - WAITING_SHOWN })}</p>
      ) : null}
    </section>
  );
}
