import { useEffect, useState } from 'preact/hooks';
import { webmailThreadUrl } from '@/lib/dashboard/links';
import { call } from '@/lib/worker/client';
import type { Output } from '@/lib/worker/contract';
import { openTab } from '../browser';
import { onSidecarEvent } from '../events';
import { t } from '../i18n';
import { durationWords } from '../kind-label';
import '../styles/service.css';

/** Threads nearing or over their answer target, the most urgent first; each opens in the account that saw it. */
export function UrgentThreads() {
  const [urgent, setUrgent] = useState<Output<'service.urgent'>>([]);
  useEffect(() => {
    const load = () => void call('service.urgent', {}).then(setUrgent, () => setUrgent([]));
    load();
    const controller = new AbortController();
    onSidecarEvent((event) => {
      if (event.type === 'changed' && event.stores.some((s) => s === 'serviceThreads' || s === 'threadKinds')) load();
    }, controller.signal);
    // Nearing becomes over with time alone.
    const timer = setInterval(load, 60_000);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, []);
  if (urgent.length === 0) return null;
  return (
    <section class="urgent" aria-labelledby="urgent-title">
      <h2 id="urgent-title">{t('service_urgent_title')}</h2>
      <ul class="plain">
        {urgent.map(({ record, deadline }) => (
          <li key={record.id}>
            <button
              type="button"
              class="link"
              dir="auto"
              onClick={() => openTab(webmailThreadUrl(record.accountIndex ?? 0, record.threadId))}
            >
              {record.subject || t('service_no_subject')}
            </button>{' '}
            <span class={deadline.state === 'over' ? 'over small' : 'muted small'}>
              {deadline.state === 'over'
                ? t('service_urgent_over', { duration: durationWords(deadline.ms) })
                : t('service_urgent_due', { duration: durationWords(deadline.ms) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
