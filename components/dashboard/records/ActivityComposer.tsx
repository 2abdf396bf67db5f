import { useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n/translate';
import { ErrorText } from '../../ErrorText';
import { errorText } from '../../format';
import { t } from '../../i18n';
import { useRequestId } from '../../request-id';

export const LOGGABLE = ['note', 'call', 'meeting', 'voicemail'] as const;
export type Loggable = (typeof LOGGABLE)[number];

export interface ActivityInput {
  type: Loggable;
  subject: string;
  body: string;
  outcome: string;
  durationMinutes: number | null;
}

/** Add a note, or log a call, meeting or voicemail with its outcome and duration. */
export function ActivityComposer({ onAdd }: { onAdd(input: ActivityInput, requestId: string): Promise<unknown> }) {
  const [type, setType] = useState<Loggable>('note');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [outcome, setOutcome] = useState('');
  const [duration, setDuration] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { requestId, renew } = useRequestId();

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const minutes = duration.trim() === '' ? null : Number(duration);
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)) {
      return setError(t('dash_duration_invalid'));
    }
    if (!subject.trim() && !body.trim() && !outcome.trim()) return setError(t('dash_activity_empty'));
    try {
      await onAdd({ type, subject, body, outcome, durationMinutes: type === 'note' ? null : minutes }, requestId);
      renew();
      setSubject('');
      setBody('');
      setOutcome('');
      setDuration('');
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <form class="stack card-form" onSubmit={submit} aria-label={t('dash_log_activity')}>
      <fieldset class="row plain-fieldset">
        <legend>{t('dash_activity_type')}</legend>
        {LOGGABLE.map((kind) => (
          <label class="check" key={kind}>
            <input type="radio" name="activity-type" checked={type === kind} onChange={() => setType(kind)} />
            {t(`activity_${kind}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('dash_subject')}
        <input value={subject} maxLength={500} onInput={(e) => setSubject(e.currentTarget.value)} />
      </label>
      <label>
        {t('dash_notes')}
        <textarea rows={3} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      {type !== 'note' ? (
        <div class="row">
          <label class="grow">
            {t('dash_outcome')}
            <input value={outcome} maxLength={200} onInput={(e) => setOutcome(e.currentTarget.value)} />
          </label>
          <label>
            {t('dash_duration')}
            <input
              type="number"
              min={0}
              max={1440}
              value={duration}
              onInput={(e) => setDuration(e.currentTarget.value)}
            />
          </label>
        </div>
      ) : null}
      <ErrorText message={error} />
      <button type="submit" class="primary">
        {t(type === 'note' ? 'dash_add_note' : 'dash_log')}
      </button>
    </form>
  );
}
