import { useState } from 'preact/hooks';
import { weekdayName } from '@/lib/i18n/dates';
import { isTimeZone, type Settings } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { ErrorText } from '../../ErrorText';
import { followSettings, language, locale, t } from '../../i18n';
import type { Dashboard } from '../app-model';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Phnom_Penh', 'Asia/Bangkok', 'UTC'];
  }
}

/** Language (independent of the browser's), time zone and working hours. */
export function GeneralSettings({ app, settings }: { app: Dashboard; settings: Settings }) {
  const [zone, setZone] = useState(settings.timeZone);
  const [hours, setHours] = useState(settings.workingHours);
  const [quiet, setQuiet] = useState(settings.quietOutsideWorkingHours ?? false);
  const [neverLog, setNeverLog] = useState(settings.neverLogDomains.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const save = (patch: Partial<Settings>) => app.attempt(() => call('settings.update', patch));

  return (
    <section class="settings-section" aria-labelledby="general-title">
      <h3 id="general-title">{t('dash_settings_general')}</h3>
      <fieldset class="row plain-fieldset">
        <legend>{t('dash_language')}</legend>
        {(['en', 'km'] as const).map((lang) => (
          <label class="check" key={lang} lang={lang}>
            <input
              type="radio"
              name="language"
              checked={language.value === lang}
              onChange={() => {
                // Shown at once; the setting follows so the sidebar and popup switch too.
                followSettings({ ...settings, language: lang });
                void save({ language: lang });
              }}
            />
            {lang === 'en' ? 'English' : 'ខ្មែរ'}
          </label>
        ))}
      </fieldset>
      {language.value === 'km' ? (
        <div class="stack">
          <label class="check">
            <input
              type="checkbox"
              checked={locale().khmerDigits}
              onChange={(e) => {
                const khmerDigits = e.currentTarget.checked;
                followSettings({ ...settings, khmerDigits });
                void save({ khmerDigits });
              }}
            />
            {t('settings_khmer_digits')}
          </label>
          <p class="muted">{t('settings_khmer_digits_hint')}</p>
        </div>
      ) : null}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!isTimeZone(zone.trim())) return setError(t('dash_time_zone_invalid'));
          setError(null);
          void save({ timeZone: zone.trim() });
        }}
      >
        <label class="grow">
          {t('dash_time_zone')}
          <input
            list="time-zones"
            value={zone}
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => setZone(e.currentTarget.value)}
          />
          <datalist id="time-zones">
            {zones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <button type="submit">{t('save')}</button>
      </form>
      <ErrorText message={error} />
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ workingHours: hours, quietOutsideWorkingHours: quiet });
        }}
      >
        <div class="row">
          <label>
            {t('dash_work_start')}
            <input
              type="time"
              value={hours.start}
              onInput={(e) => setHours({ ...hours, start: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('dash_work_end')}
            <input type="time" value={hours.end} onInput={(e) => setHours({ ...hours, end: e.currentTarget.value })} />
          </label>
        </div>
        <fieldset class="row plain-fieldset">
          <legend>{t('dash_work_days')}</legend>
          {WEEKDAYS.map((day) => (
            <label class="check" key={day}>
              <input
                type="checkbox"
                checked={hours.days.includes(day)}
                onChange={(e) =>
                  setHours({
                    ...hours,
                    days: e.currentTarget.checked ? [...hours.days, day].sort() : hours.days.filter((d) => d !== day),
                  })
                }
              />
              {weekdayName(day, locale(), 'short')}
            </label>
          ))}
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.currentTarget.checked)} />
          {t('settings_quiet_hours')}
        </label>
        <p class="muted">{t('settings_quiet_hours_hint')}</p>
        <button type="submit">{t('dash_save_hours')}</button>
      </form>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const domains = [
            ...new Set(
              neverLog
                .split(/[\s,;]+/)
                .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
                .filter(Boolean),
            ),
          ];
          void save({ neverLogDomains: domains });
        }}
      >
        <label>
          {t('settings_never_log')}
          <textarea rows={3} value={neverLog} onInput={(e) => setNeverLog(e.currentTarget.value)} />
        </label>
        <p class="muted">{t('settings_never_log_hint')}</p>
        <button type="submit">{t('save')}</button>
      </form>
    </section>
  );
}
