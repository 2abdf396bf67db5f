import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** Settings → the addresses the business's form notifications come from, so the sidebar offers their leads. */
export function FormSendersSettings({ app, settings }: { app: Dashboard; settings: Settings }) {
  const [text, setText] = useState((settings.formSenders ?? []).join('\n'));
  return (
    <section class="settings-section" aria-labelledby="form-senders-title">
      <h3 id="form-senders-title">{t('form_senders_title')}</h3>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const formSenders = text
            .split(/[\s,;]+/)
            .map((address) => address.trim())
            .filter(Boolean);
          void app.attempt(async () => {
            app.settings.value = await call('settings.update', { formSenders });
          });
        }}
      >
        <label>
          {t('form_senders_label')}
          <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('save')}</button>
      </form>
      <p class="muted small">{t('form_senders_help')}</p>
    </section>
  );
}
