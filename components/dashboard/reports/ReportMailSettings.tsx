import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** Settings → the manager a report's "Email it" is addressed to. */
export function ReportMailSettings({ app, settings }: { app: Dashboard; settings: Settings }) {
  const [email, setEmail] = useState(settings.managerEmail ?? '');
  return (
    <section class="settings-section" aria-labelledby="report-mail-title">
      <h3 id="report-mail-title">{t('report_mail_settings')}</h3>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void app.attempt(async () => {
            app.settings.value = await call('settings.update', { managerEmail: email.trim() });
          });
        }}
      >
        <label>
          {t('report_mail_manager')}
          <input type="email" maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('save')}</button>
      </form>
      <p class="muted small">{t('report_mail_help')}</p>
    </section>
  );
}
