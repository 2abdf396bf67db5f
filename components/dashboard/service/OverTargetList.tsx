import { webmailThreadUrl } from '@/lib/dashboard/links';
import type { OverTarget } from '@/lib/service/figures';
import { formatCount, t } from '../../i18n';
import { durationWords } from '../../kind-label';

const SHOWN = 50;

/** Threads past their answer target now, oldest wait first, each a link to the thread in the account that saw it. */
export function OverTargetList({
  threads,
  kindName,
  repName,
  now,
}: {
  threads: OverTarget[];
  kindName(id: string | null): string;
  repName(id: string | null): string;
  now: number;
}) {
  return (
    <section class="figure wide" aria-labelledby="over-target-title">
      <h3 id="over-target-title">
        {t('service_over_list')} ({formatCount(threads.length)})
      </h3>
      {threads.length === 0 ? <p class="muted">{t('service_over_none')}</p> : null}
      <ol class="waiting-list">
        {threads.slice(0, SHOWN).map((thread) => (
          <li key={thread.threadId}>
            <a
              href={webmailThreadUrl(thread.accountIndex ?? 0, thread.threadId)}
              target="_blank"
              rel="noreferrer"
              dir="auto"
            >
              {thread.subject || t('service_no_subject')}
            </a>{' '}
            <span class="muted small">
              {kindName(thread.kindId)} · {repName(thread.ownerRepId)} ·{' '}
              {t('service_urgent_over', { duration: durationWords(now - thread.dueAt) })}
            </span>
          </li>
        ))}
      </ol>
      {threads.length > SHOWN ? <p class="muted small">{t('fig_more', { count: threads.length - SHOWN })}</p> : null}
    </section>
  );
}
