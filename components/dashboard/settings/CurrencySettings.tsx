import { useState } from 'preact/hooks';
import { perDefaultFromRate, rateFromPerDefault, rebaseRates } from '@/lib/dashboard/currency';
import { parseRate } from '@/lib/dashboard/pipeline-edit';
import { type Settings, SUPPORTED_CURRENCIES } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { ErrorText } from '../../ErrorText';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** Default currency, the currencies offered on deals, and exchange rates shown as "1 USD = 4,100 KHR". */
export function CurrencySettings({ app, settings }: { app: Dashboard; settings: Settings }) {
  const [error, setError] = useState<string | null>(null);
  const others = settings.enabledCurrencies.filter((c) => c !== settings.defaultCurrency);
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(others.map((c) => [c, String(perDefaultFromRate(settings.exchangeRates[c]) ?? '')])),
  );
  const save = (patch: Partial<Settings>) => app.attempt(() => call('settings.update', patch));
  const known = [...new Set([...SUPPORTED_CURRENCIES, ...settings.enabledCurrencies])];

  return (
    <section class="settings-section" aria-labelledby="currency-title">
      <h3 id="currency-title">{t('dash_settings_currencies')}</h3>
      <label>
        {t('dash_default_currency')}
        <select
          value={settings.defaultCurrency}
          onChange={(e) => {
            const next = e.currentTarget.value;
            const rates = rebaseRates(settings.exchangeRates, settings.defaultCurrency, next);
            if (!rates) return setError(t('dash_rate_needed', { currency: next }));
            setError(null);
            const enabled = settings.enabledCurrencies.includes(next)
              ? settings.enabledCurrencies
              : [...settings.enabledCurrencies, next];
            void save({ defaultCurrency: next, exchangeRates: rates, enabledCurrencies: enabled }).then((saved) => {
              if (saved) {
                setDrafts(
                  Object.fromEntries(
                    saved.enabledCurrencies.map((c) => [c, String(perDefaultFromRate(saved.exchangeRates[c]) ?? '')]),
                  ),
                );
              }
            });
          }}
        >
          {known.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="row plain-fieldset">
        <legend>{t('dash_enabled_currencies')}</legend>
        {known.map((c) => (
          <label class="check" key={c}>
            <input
              type="checkbox"
              checked={settings.enabledCurrencies.includes(c)}
              disabled={c === settings.defaultCurrency}
              onChange={(e) =>
                void save({
                  enabledCurrencies: e.currentTarget.checked
                    ? [...settings.enabledCurrencies, c]
                    : settings.enabledCurrencies.filter((x) => x !== c),
                })
              }
            />
            {c}
          </label>
        ))}
      </fieldset>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const rates: Record<string, number> = { ...settings.exchangeRates };
          for (const c of others) {
            const text = drafts[c] ?? '';
            if (text.trim() === '') {
              delete rates[c];
              continue;
            }
            const perDefault = parseRate(text);
            if (perDefault === null) return setError(t('dash_rate_invalid', { currency: c }));
            rates[c] = rateFromPerDefault(perDefault);
          }
          setError(null);
          void save({ exchangeRates: rates }).then((saved) => saved && app.notify(t('dash_saved')));
        }}
      >
        {others.map((c) => (
          <label key={c}>
            {t('dash_rate_label', { from: settings.defaultCurrency, to: c })}
            <input
              inputMode="decimal"
              value={drafts[c] ?? ''}
              onInput={(e) => setDrafts({ ...drafts, [c]: e.currentTarget.value })}
            />
          </label>
        ))}
        <ErrorText message={error} />
        {others.length > 0 ? <button type="submit">{t('dash_save_rates')}</button> : null}
      </form>
    </section>
  );
}
