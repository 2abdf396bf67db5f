import { useEffect, useState } from 'preact/hooks';
import type { Form } from '@/lib/forms/definition';
import type { TeamStatus } from '@/lib/team/contract';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import { teamAttempt } from '../settings/team-errors';
import type { ViewProps } from '../view-props';
import { FormEditor } from './FormEditor';
import { SnippetBox } from './SnippetBox';

type Joined = Extract<TeamStatus, { joined: true }>;
/** What the page shows under the list: nothing, a form being edited (null: a new one), or a form's snippet. */
type Panel = { kind: 'none' } | { kind: 'edit'; form: Form | null } | { kind: 'snippet'; form: Form };

/**
 * Web forms: a manager makes a form for the business's website here and pastes its snippet there; submissions reach
 * the team service and come back to every rep as leads. Forms are the team's, so the page needs a joined manager.
 */
export function FormsView({ app }: ViewProps) {
  const [team, setTeam] = useState<TeamStatus | null>(null);
  const [forms, setForms] = useState<Form[]>([]);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  useEffect(() => {
    void call('team.status', { refresh: true }).then(setTeam, () => undefined);
  }, []);
  const manager = team?.joined && team.rep.role === 'manager';
  const load = () => teamAttempt(app, () => call('forms.list', {})).then((found) => found && setForms(found));
  useEffect(() => {
    if (manager) void load();
  }, [manager]);
  if (team === null) return null;
  if (!team.joined || !manager) {
    return (
      <section class="stack">
        <h2>{t('forms_title')}</h2>
        <p class="notice">{t(team.joined ? 'forms_manager_only' : 'forms_needs_team')}</p>
      </section>
    );
  }
  const joined: Joined = team;
  const saved = (form: Form) => {
    setForms([...forms.filter((f) => f.id !== form.id), form]);
    setPanel({ kind: 'snippet', form });
    app.notify(t('forms_saved', { form: form.definition.name }));
  };
  const archive = async (form: Form) => {
    const changed = await teamAttempt(app, () => call('forms.archive', { id: form.id, archived: !form.archivedAt }));
    if (changed) setForms(forms.map((f) => (f.id === changed.id ? changed : f)));
  };
  return (
    <section class="stack">
      <h2>{t('forms_title')}</h2>
      <p class="muted">{t('forms_intro')}</p>
      {forms.length === 0 ? <p>{t('forms_none')}</p> : null}
      <ul class="stack">
        {forms.map((form) => (
          <li key={form.id} class="row" data-testid="form-item">
            <strong>{form.definition.name}</strong>
            <span class="muted">
              {t('forms_submissions', { count: form.submissions })}
              {form.archivedAt ? ` · ${t('forms_archived')}` : ''}
            </span>
            <button type="button" onClick={() => setPanel({ kind: 'edit', form })}>
              {t('forms_edit')}
            </button>
            <button type="button" onClick={() => setPanel({ kind: 'snippet', form })} disabled={!!form.archivedAt}>
              {t('forms_get_snippet')}
            </button>
            <button type="button" onClick={() => void archive(form)}>
              {t(form.archivedAt ? 'forms_reopen' : 'forms_archive')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setPanel({ kind: 'edit', form: null })}>
        {t('forms_new')}
      </button>
      {panel.kind === 'edit' ? (
        <FormEditor
          key={panel.form?.id ?? 'new'}
          app={app}
          reps={joined.reps}
          me={joined.rep.id}
          form={panel.form}
          onSaved={saved}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      ) : panel.kind === 'snippet' ? (
        <SnippetBox app={app} form={panel.form} serviceUrl={joined.serverUrl} />
      ) : null}
    </section>
  );
}
