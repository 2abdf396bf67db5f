import { reasonName } from '@/lib/model';
import type { ReasonRow } from '@/lib/winloss/analysis';
import { formatCount, language, t } from '../../i18n';
import { FigureCard } from '../reports/FigureCard';
import { moneyTotal } from '../reports/report-format';

/** A reason row's name: the listed reason in the rep's language, "Other" with the rep's words, or none given. */
export function reasonLabel(row: ReasonRow): string {
  if (row.reason.kind === 'other') {
    return row.words.length > 0 ? `${t('winloss_other')}: ${row.words.join('; ')}` : t('winloss_other');
  }
  if (row.reason.kind === 'none') return t('winloss_no_reason');
  return row.record ? reasonName(row.record, language.value) : t('winloss_reason_gone');
}

/** Deals won and lost of the period, by the reason they closed for. */
export function ReasonsFigure({ rows }: { rows: ReasonRow[] }) {
  return (
    <FigureCard
      title={t('winloss_by_reason')}
      wide
      empty={rows.length === 0 ? t('fig_none_closed') : null}
      columns={[t('winloss_reason'), t('winloss_outcome'), t('winloss_deals'), t('winloss_value')]}
      rows={rows.map((row) => ({
        key: row.key,
        head: `${t(row.outcome === 'won' ? 'fig_won' : 'fig_lost')} · ${reasonLabel(row)}`,
        cells: [t(row.outcome === 'won' ? 'fig_won' : 'fig_lost'), formatCount(row.count), moneyTotal(row.value)],
        plot: { values: [row.count], text: formatCount(row.count) },
      }))}
    />
  );
}
