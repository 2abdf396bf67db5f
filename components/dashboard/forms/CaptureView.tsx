import { useState } from 'preact/hooks';
import { z } from 'zod';
import { hashFor } from '@/lib/dashboard/links';
import { type CaptureDraft, MAX_CAPTURE_CHARS, readSelection } from '@/lib/forms/capture';
import { createContactFromDetails } from '../../contact-from-details';
import { FormFooter } from '../../FormFooter';
import { errorText } from '../../format';
import { t } from '../../i18n';
import type { ViewProps } from '../view-props';

/** What the context menu hands this page in its address (lib/worker/capture-menu.ts); anything else is refused. */
const captureParam = z.object({
  text: z.string().max(MAX_CAPTURE_CHARS),
  page: z.string().max(2000),
  title: z.string().max(300),
});

function readParam(param: string | null): { draft: CaptureDraft; title: string } | null {
  try {
    const capture = captureParam.parse(JSON.parse(param ?? ''));
    return { draft: readSelection(capture.text, capture.page), title: capture.title };
  } catch {
    return null;
  }
}

const FIELDS = [
  ['name', 'contact_name', 'text'],
  ['email', 'dash_email', 'email'],
  ['phone', 'contact_phone', 'tel'],
  ['jobTitle', 'contact_job_title', 'text'],
  ['company', 'contact_company', 'text'],
] as const;

/**
 * "Add to Sidecar" from a page's context menu: the selection read into a new contact's fields, for the rep to check
 * before anything is saved. Saving makes the contact, fills title, phone and company as a signature would, and notes
 * the page it came from.
 */
export function CaptureView({ app, param }: ViewProps) {
  const read = readParam(param);
  const [draft, setDraft] = useState<CaptureDraft | null>(read?.draft ?? null);
  const [error, setError] = useState<string | null>(null);
  if (!draft || !read) return <p class="notice">{t('capture_unreadable')}</p>;
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const contact = await createContactFromDetails(
        { ...draft, ownerId: app.settings.value?.currentRepId ?? null },
        draft.page
          ? { subject: t('capture_note_subject'), body: [read.title, draft.page].filter(Boolean).join('\n') }
          : null,
      );
      location.hash = hashFor('contact', contact.id);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="stack">
      <h2>{t('capture_title')}</h2>
      <p class="muted">{draft.page ? t('capture_from', { page: read.title || draft.page }) : null}</p>
      <form class="stack card-form" aria-label={t('capture_title')} onSubmit={save}>
        {FIELDS.map(([key, label, type]) => (
          <label key={key}>
            {t(label)}
            <input
              type={type}
              required={key === 'name'}
              maxLength={200}
              value={draft[key]}
              onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
            />
          </label>
        ))}
        <FormFooter error={error} submitLabel={t('capture_save')} onCancel={() => history.back()} />
      </form>
    </section>
  );
}
