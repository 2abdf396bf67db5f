import { useEffect, useState } from 'preact/hooks';
import { newRecordBase, type Template, type ThreadKind } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import type { ViewProps } from '../view-props';
import { RemoveButton } from './RemoveButton';
import { TemplateEditor } from './TemplateEditor';

function blankTemplate(language: Template['language']): Template {
  return {
    ...newRecordBase(Date.now()),
    name: '',
    language,
    kindId: null,
    body: '',
    usageCount: 0,
    lastUsedAt: null,
  };
}

/** The business's reply templates: each with its language and how often it was used; edit, add, remove with undo. */
export function TemplatesView({ app }: ViewProps) {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [kinds, setKinds] = useState<ThreadKind[]>([]);
  const [editing, setEditing] = useState<Template | null>(null);
  const revision = app.revision.value;
  useEffect(() => {
    void app.attempt(() => call('templates.list', {})).then((list) => list && setTemplates(list));
    void call('service.kinds', {}).then(setKinds, () => setKinds([]));
  }, [revision]);
  const kindOf = (template: Template) => kinds.find((kind) => kind.id === template.kindId);

  return (
    <div class="settings templates-page">
      <h2>{t('tpl_page_title')}</h2>
      <p class="muted">{t('tpl_page_intro')}</p>
      {editing ? (
        <section class="settings-section" aria-label={editing.name || t('tpl_new')}>
          <TemplateEditor key={editing.id} app={app} template={editing} kinds={kinds} onDone={() => setEditing(null)} />
        </section>
      ) : (
        <button type="button" onClick={() => setEditing(blankTemplate(app.settings.value?.language ?? 'en'))}>
          {t('tpl_new')}
        </button>
      )}
      {templates?.length === 0 ? <p class="muted">{t('tpl_empty')}</p> : null}
      <ul class="plain template-rows">
        {(templates ?? []).map((template) => (
          <li key={template.id} class="row">
            <div class="grow">
              <strong dir="auto">{template.name}</strong>
              <span class="muted small">
                {' · '}
                {t(template.language === 'km' ? 'tpl_lang_km' : 'tpl_lang_en')}
                {' · '}
                {template.kindId ? kindLabel(kindOf(template)) : t('tpl_kind_any')}
                {' · '}
                {t('tpl_used', { count: template.usageCount })}
              </span>
            </div>
            <button
              type="button"
              aria-label={t('tpl_edit_named', { name: template.name })}
              onClick={() => setEditing(template)}
            >
              {t('tpl_edit')}
            </button>
            <RemoveButton
              app={app}
              name={template.name}
              setDeletedAt={(deletedAt) => call('template.save', { ...template, deletedAt })}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
