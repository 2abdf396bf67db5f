import { useState } from 'preact/hooks';
import type { Form } from '@/lib/forms/definition';
import { formSnippet, type SnippetLanguage } from '@/lib/forms/snippet';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** The HTML to paste into the website, in the language the site speaks, with a button that copies it. */
export function SnippetBox({ app, form, serviceUrl }: { app: Dashboard; form: Form; serviceUrl: string }) {
  const [language, setLanguage] = useState<SnippetLanguage>('en');
  const html = formSnippet(form, serviceUrl, language);
  return (
    <section class="stack" aria-labelledby="form-snippet-title">
      <h4 id="form-snippet-title">{t('forms_snippet_title', { form: form.definition.name })}</h4>
      <p class="muted">{t('forms_snippet_help', { origins: form.definition.allowedOrigins.join(', ') })}</p>
      <label>
        {t('forms_snippet_language')}
        <select value={language} onChange={(e) => setLanguage(e.currentTarget.value as SnippetLanguage)}>
          <option value="en">English</option>
          <option value="km">ខ្មែរ</option>
        </select>
      </label>
      <textarea readOnly rows={12} value={html} aria-label={t('forms_snippet_title', { form: form.definition.name })} />
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(html).then(
            () => app.notify(t('forms_snippet_copied')),
            () => app.notify(t('forms_snippet_copy_failed')),
          )
        }
      >
        {t('forms_snippet_copy')}
      </button>
    </section>
  );
}
