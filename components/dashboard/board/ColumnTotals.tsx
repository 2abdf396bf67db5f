import type { ColumnTotal } from '@/lib/dashboard/board';
import { money } from '../../format';
import { t } from '../../i18n';

/** Sums per currency, and their total in the default currency unless a rate is missing: never a wrong sum. */
export function ColumnTotals({ total }: { total: ColumnTotal }) {
  if (total.byCurrency.length === 0) return <p class="totals muted">{t('dash_total_none')}</p>;
  return (
    <div class="totals">
      <ul class="plain">
        {total.byCurrency.map((sum) => (
          <li key={sum.currency}>{money(sum)}</li>
        ))}
      </ul>
      {total.byCurrency.length > 1 ||
      total.missingRates.length > 0 ||
      total.byCurrency[0]?.currency !== total.converted?.currency ? (
        total.converted ? (
          <p>
            {t('dash_total_converted')} <strong>{money(total.converted)}</strong>
          </p>
        ) : (
          <p class="muted">{t('dash_no_rate', { currencies: total.missingRates.join(', ') })}</p>
        )
      ) : null}
    </div>
  );
}
