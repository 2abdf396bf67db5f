import { useRef, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n/translate';
import { TEMPLATE_FIELDS, type Template, type TemplateField, type ThreadKind } from '@/lib/model';
import { renderTemplate } from '@/lib/templates/render';
import { sampleContext } from '@/lib/templates/sample';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import type { Dashboard } from '../app-model';
import { TemplatePreview } from './TemplatePreview';

const fieldLabel = (field: TemplateField) => t(`tpl_field_${field.replace('.', '_')}` as MessageKey);

/**
 * Writing a template: its name, language, the kind of thread it answers and its text, fields put in at the cursor
 * from a list, and a preview that fills them for a sample customer as the rep types.
 */
export function TemplateEditor({
  app,
  template,
  kinds,
  onDone,
}: {
  app: Dashboard;
  template: Template;
  kinds: ThreadKind[];
  onDone(): void;
}) {
  const [draft, setDraft] = useState(template);
  const body = useRef<HTMLTextAreaElement>(null);
  const settings = app.settings.value!;
  const rep = app.reps.value.find((r) => r.id === settings.currentRepId) ?? null;
  const preview = renderTemplate(draft, sampleContext(draft.language, rep, Date.now(), settings));
  const edit = (patch: Partial<Template>) => setDraft((d) => ({ ...d, ...patch }));

  const putField = (field: string) => {
    const box = body.current;
    if (!box || !field) return;
    // Where the rep's cursor is in the text, as typing it would.
    box.setRangeText(`{{${field}}}`, box.selectionStart, box.selectionEnd, 'end');
    edit({ body: box.value });
    box.focus();
  };

  return (
    <form
      class="stack template-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void app
          .attempt(() => call('template.save', draft))
          .then((saved) => {
            if (!saved) return;
            app.notify(t('tpl_saved', { name: saved.name }));
            onDone();
          });
      }}
    >
      <div class="row">
        <label class="grow">
          {t('tpl_name')}
          <input required maxLength={120} value={draft.name} onInput={(e) => edit({ name: e.currentTarget.value })} />
        </label>
        <label>
          {t('tpl_language')}
          <select
            value={draft.language}
            onChange={(e) => edit({ language: e.currentTarget.value === 'km' ? 'km' : 'en' })}
          >
            <option value="en">{t('tpl_lang_en')}</option>
            <option value="km">{t('tpl_lang_km')}</option>
          </select>
        </label>
        <label>
          {t('tpl_kind')}
          <select value={draft.kindId ?? ''} onChange={(e) => edit({ kindId: e.currentTarget.value || null })}>
            <option value="">{t('tpl_kind_any')}</option>
            {kinds.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('tpl_fields')}
        <select
          value=""
          onChange={(e) => {
            putField(e.currentTarget.value);
            e.currentTarget.value = '';
          }}
        >
          <option value="">…</option>
          {TEMPLATE_FIELDS.map((field) => (
            <option key={field} value={field}>
              {fieldLabel(field)} — {`{{${field}}}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('tpl_body')}
        <textarea
          ref={body}
          required
          rows={12}
          maxLength={10_000}
          dir="auto"
          lang={draft.language}
          value={draft.body}
          onInput={(e) => edit({ body: e.currentTarget.value })}
        />
      </label>
      <h4>{t('tpl_preview')}</h4>
      <p class="muted small">{t('tpl_preview_note')}</p>
      <TemplatePreview pieces={preview.pieces} label={t('tpl_preview')} />
      <div class="row">
        <button type="submit">{t('tpl_save')}</button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
