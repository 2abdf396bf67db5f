import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Template, ThreadKind } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { ErrorText } from '../ErrorText';
import { onSidecarEvent } from '../events';
import { errorText } from '../format';
import { t } from '../i18n';
import { kindLabel } from '../kind-label';
import { copyText, insertIntoCompose } from './compose-insert';

export interface TemplateRecipient {
  contactId: string;
  name: string;
}

/** What the last click did: typed into the reply, or left for the rep to copy because no reply was open. */
type Outcome =
  | { kind: 'inserted'; name: string; missing: string[]; unknown: string[] }
  | { kind: 'no-compose'; template: Template; text: string; missing: string[]; unknown: string[] }
  | { kind: 'copied'; name: string }
  | { kind: 'copy-failed'; template: Template; text: string; missing: string[]; unknown: string[] };

const matches = (template: Template, query: string) => {
  const q = query.trim().toLocaleLowerCase();
  return q === '' || template.name.toLocaleLowerCase().includes(q) || template.body.toLocaleLowerCase().includes(q);
};

function FieldNotes({ missing, unknown }: { missing: string[]; unknown: string[] }) {
  return (
    <>
      {missing.length > 0 ? (
        <p class="warn">{t('tpl_fill_in', { fields: missing.map((field) => `[${field}]`).join(', ') })}</p>
      ) : null}
      {unknown.length > 0 ? <p class="warn">{t('tpl_unknown', { fields: unknown.join(', ') })}</p> : null}
    </>
  );
}

/**
 * The reply templates beside the thread: search, and one click types the template, filled for the person chosen,
 * where the rep's caret was in Gmail's reply or compose box. With no box open it says so and offers the text to copy.
 */
export function TemplatePicker({ recipients }: { recipients: TemplateRecipient[] }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kinds, setKinds] = useState<ThreadKind[]>([]);
  /** The kind of the open thread, as the rep set it or the rules suggest: its templates come first. */
  const [threadKindId, setThreadKindId] = useState<string | null>(null);
  const copyBox = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    const load = () => void call('templates.list', {}).then(setTemplates, (e: unknown) => setError(errorText(e)));
    load();
    onSidecarEvent((event) => {
      if (event.type === 'changed' && event.stores.includes('templates')) load();
    }, controller.signal);
    return () => controller.abort();
  }, []);

  const contactId = recipients.find((r) => r.contactId === chosen)?.contactId ?? recipients[0]?.contactId ?? null;
  const shown = useMemo(() => {
    const found = templates.filter((template) => matches(template, query));
    const first = (template: Template) => (threadKindId !== null && template.kindId === threadKindId ? 0 : 1);
    return found.sort((a, b) => first(a) - first(b));
  }, [templates, query, threadKindId]);

  const kindOf = (template: Template) => kinds.find((kind) => kind.id === template.kindId);

  const readKinds = () =>
    void Promise.all([call('service.kinds', {}), call('service.thread', {})]).then(
      ([all, thread]) => {
        setKinds(all);
        setThreadKindId(thread.record?.kindId ?? thread.suggestedKindId);
      },
      () => undefined,
    );

  const use = async (template: Template) => {
    setBusy(true);
    setError(null);
    try {
      const filled = await call('template.render', { id: template.id, contactId });
      if (await insertIntoCompose(filled.text)) {
        await call('template.used', { id: template.id });
        setOutcome({ kind: 'inserted', name: template.name, missing: filled.missing, unknown: filled.unknown });
      } else {
        setOutcome({ kind: 'no-compose', template, ...filled });
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async (left: Extract<Outcome, { text: string }>) => {
    if (await copyText(left.text, copyBox.current)) {
      setOutcome({ kind: 'copied', name: left.template.name });
      await call('template.used', { id: left.template.id }).catch(() => undefined);
    } else {
      setOutcome({ ...left, kind: 'copy-failed' });
    }
  };

  return (
    <details class="templates" onToggle={(e) => e.currentTarget.open && readKinds()}>
      <summary>{t('tpl_picker_title')}</summary>
      {recipients.length > 1 ? (
        <label>
          {t('tpl_for')}
          <select value={contactId ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
            {recipients.map((r) => (
              <option key={r.contactId} value={r.contactId}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {t('tpl_search')}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {shown.length === 0 ? <p class="muted">{t('tpl_none')}</p> : null}
      <ul class="plain template-list">
        {shown.map((template) => (
          <li key={template.id}>
            <button
              type="button"
              class="link"
              disabled={busy}
              aria-label={t('tpl_insert_named', { name: template.name })}
              onClick={() => void use(template)}
            >
              <span dir="auto">{template.name}</span>
            </button>
            <span class="muted small">
              {t(template.language === 'km' ? 'tpl_lang_km' : 'tpl_lang_en')}
              {kindOf(template) ? ` · ${kindLabel(kindOf(template))}` : null}
              {template.usageCount > 0 ? ` · ${t('tpl_used', { count: template.usageCount })}` : null}
            </span>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite">
        {outcome?.kind === 'inserted' ? (
          <>
            <p>{t('tpl_inserted', { name: outcome.name })}</p>
            <FieldNotes missing={outcome.missing} unknown={outcome.unknown} />
          </>
        ) : null}
        {outcome?.kind === 'copied' ? <p>{t('tpl_copied', { name: outcome.name })}</p> : null}
        {outcome?.kind === 'no-compose' || outcome?.kind === 'copy-failed' ? (
          <div class="stack">
            <p>{t(outcome.kind === 'no-compose' ? 'tpl_no_compose' : 'tpl_copy_failed')}</p>
            <FieldNotes missing={outcome.missing} unknown={outcome.unknown} />
            <label>
              {t('tpl_text_label')}
              <textarea ref={copyBox} readOnly rows={6} dir="auto" value={outcome.text} />
            </label>
            <button type="button" onClick={() => void copy(outcome)}>
              {t('tpl_copy')}
            </button>
          </div>
        ) : null}
      </div>
      <ErrorText message={error} />
    </details>
  );
}
