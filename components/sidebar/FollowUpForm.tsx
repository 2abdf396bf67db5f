import { useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n/translate';
import type { Task } from '@/lib/model';
import { REMINDER_PRESETS, type ReminderPreset } from '@/lib/reminders/presets';
import { fromWallClock } from '@/lib/time/zoned';
import { call } from '@/lib/worker/client';
import { FormFooter } from '../FormFooter';
import { errorText } from '../format';
import { t } from '../i18n';
import { useRequestId } from '../request-id';

/** Follow up in one or two clicks: a preset button, or a date and time in the rep's zone. */
export function FollowUpForm({
  title,
  contactId,
  inThread,
  timeZone,
  onDone,
}: {
  title: string;
  contactId: string | null;
  inThread: boolean;
  timeZone: string;
  /** Called with the new task once it is saved, without one when the rep cancels. */
  onDone(created?: Task): void;
}) {
  const [note, setNote] = useState('');
  const [noReply, setNoReply] = useState(false);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [error, setError] = useState<string | null>(null);
  const { requestId, renew } = useRequestId();

  const create = async (due: { preset: ReminderPreset } | { at: number }) => {
    setError(null);
    try {
      const created = await call('task.followUp', {
        title,
        note,
        due,
        contactId,
        fromOpenThread: inThread,
        noReply: inThread && noReply,
        requestId,
      });
      renew();
      onDone(created);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const custom = (e: Event) => {
    e.preventDefault();
    const [y, m, d] = date.split('-').map(Number);
    const [hh, mm, ss = 0] = time.split(':').map(Number);
    if (!y || !m || !d || hh === undefined || mm === undefined) return setError(t('followup_pick_date'));
    void create({ at: fromWallClock({ year: y, month: m, day: d, hour: hh, minute: mm, second: ss }, timeZone) });
  };

  return (
    <form class="stack card-form" onSubmit={custom} aria-label={t('followup_title')}>
      <label>
        {t('followup_note')}
        <input value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {inThread ? (
        <label class="check">
          <input type="checkbox" checked={noReply} onChange={(e) => setNoReply(e.currentTarget.checked)} />
          {t('followup_no_reply')}
        </label>
      ) : null}
      <fieldset class="presets">
        <legend>{t('followup_when')}</legend>
        {REMINDER_PRESETS.map((preset) => (
          <button key={preset} type="button" onClick={() => void create({ preset })}>
            {t(`preset_${preset.replaceAll('-', '_')}` as MessageKey)}
          </button>
        ))}
      </fieldset>
      <div class="row">
        <label class="grow">
          {t('followup_date')}
          <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <label>
          {t('followup_time')}
          <input type="time" step={60} value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
      </div>
      <FormFooter error={error} submitLabel={t('followup_set')} onCancel={() => onDone()} />
    </form>
  );
}
