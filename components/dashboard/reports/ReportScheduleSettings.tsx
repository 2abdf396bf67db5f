import { useState } from 'preact/hooks';
import { weekdayName } from '@/lib/i18n/dates';
import { withDigits } from '@/lib/i18n/locale';
import type { ReportSchedule, Settings } from '@/lib/model';
import { nextRunAt } from '@/lib/time/periods';
import { call } from '@/lib/worker/client';
import { formatCount, formatDateTime, locale, t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { NamedSelect } from '../NamedSelect';

type Frequency = ReportSchedule['frequency'];
const FREQUENCIES: Frequency[] = ['daily', 'weekly', 'monthly', 'quarterly'];
const FREQUENCY_LABEL = {
  daily: 'sched_daily',
  weekly: 'sched_weekly',
  monthly: 'sched_monthly',
  quarterly: 'sched_quarterly',
} as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** Settings section: the reports the worker generates by itself, and when. */
export function ReportScheduleSettings({ app, settings }: { app: Dashboard; settings: Settings }) {
  const schedules = settings.reportSchedules ?? [];
  const [frequency, setFrequency] = useState<Frequency>('weekly');
  const [time, setTime] = useState('08:00');
  const [weekday, setWeekday] = useState(1);
  const [dayOfMonth, setDayOfMonth] = useState(1);
  const [repId, setRepId] = useState<string | null>(null);
  const save = (next: ReportSchedule[]) => app.attempt(() => call('settings.update', { reportSchedules: next }));

  const summary = (schedule: ReportSchedule) => {
    const parts = [t(FREQUENCY_LABEL[schedule.frequency]), withDigits(schedule.time, locale())];
    if (schedule.frequency === 'weekly') parts.push(weekdayName(schedule.weekday ?? 1, locale(), 'long'));
    if (schedule.frequency === 'monthly' || schedule.frequency === 'quarterly') {
      parts.push(`${t('sched_day_of_month')} ${formatCount(schedule.dayOfMonth ?? 1)}`);
    }
    const rep = app.reps.value.find((r) => r.id === schedule.repId);
    parts.push(rep ? rep.name : t('report_team'));
    return parts.join(' · ');
  };

  return (
    <section class="settings-section" aria-labelledby="schedules-title">
      <h3 id="schedules-title">{t('sched_title')}</h3>
      <p class="muted">{t('sched_hint')}</p>
      {schedules.length === 0 ? <p class="muted">{t('sched_none')}</p> : null}
      <ul class="plain" aria-label={t('sched_list')}>
        {schedules.map((schedule) => (
          <li key={schedule.id} class="row">
            <span>{summary(schedule)}</span>
            <span class="muted small">
              {t('sched_next', {
                when: formatDateTime(nextRunAt(schedule, Date.now(), settings.timeZone), settings.timeZone),
              })}
            </span>
            <button
              type="button"
              class="danger"
              aria-label={t('sched_remove_named', {
                frequency: t(FREQUENCY_LABEL[schedule.frequency]),
                time: schedule.time,
              })}
              onClick={() => void save(schedules.filter((other) => other.id !== schedule.id))}
            >
              {t('dash_remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="row"
        aria-label={t('sched_add')}
        onSubmit={(e) => {
          e.preventDefault();
          const schedule: ReportSchedule = {
            id: crypto.randomUUID(),
            frequency,
            time,
            repId,
            ...(frequency === 'weekly' ? { weekday } : {}),
            ...(frequency === 'monthly' || frequency === 'quarterly' ? { dayOfMonth } : {}),
          };
          void save([...schedules, schedule]);
        }}
      >
        <label>
          {t('sched_frequency')}
          <select value={frequency} onChange={(e) => setFrequency(e.currentTarget.value as Frequency)}>
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(FREQUENCY_LABEL[f])}
              </option>
            ))}
          </select>
        </label>
        {frequency === 'weekly' ? (
          <label>
            {t('sched_weekday')}
            <select value={weekday} onChange={(e) => setWeekday(Number(e.currentTarget.value))}>
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {weekdayName(day, locale(), 'long')}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {frequency === 'monthly' || frequency === 'quarterly' ? (
          <label>
            {t('sched_day_of_month')}
            <input
              type="number"
              min={1}
              max={31}
              required
              value={dayOfMonth}
              onInput={(e) => setDayOfMonth(Math.min(31, Math.max(1, Number(e.currentTarget.value) || 1)))}
            />
          </label>
        ) : null}
        <label>
          {t('sched_time')}
          <input type="time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
        <NamedSelect
          label={t('sched_rep')}
          all={t('report_team')}
          options={app.reps.value}
          value={repId}
          onChange={setRepId}
        />
        <button type="submit">{t('sched_add')}</button>
      </form>
    </section>
  );
}
