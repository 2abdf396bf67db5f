import type { Source } from '@/lib/model';
import type { SourceCount } from '@/lib/reports/activity-figures';
import { sourceLabel } from '../../../format';
import { formatCount, t } from '../../../i18n';
import { FigureCard } from '../FigureCard';

/** New contacts of the period by where they came from, and how many of them are still leads. */
export function SourcesFigure({ counts, sources }: { counts: SourceCount[]; sources: readonly Source[] }) {
  const sourceName = (id: string | null) => {
    const source = sources.find((s) => s.id === id);
    return source ? sourceLabel(source) : t('fig_no_source');
  };
  return (
    <FigureCard
      title={t('fig_sources')}
      empty={counts.length === 0 ? t('fig_nothing') : null}
      columns={[t('fig_source'), t('fig_contacts'), t('fig_leads')]}
      rows={counts.map((s) => ({
        key: s.sourceId ?? 'none',
        head: sourceName(s.sourceId),
        cells: [formatCount(s.contacts), formatCount(s.leads)],
        plot: { values: [s.contacts], text: formatCount(s.contacts) },
      }))}
    />
  );
}
