import type { RepResponseStats } from '@/lib/reports/response-times';
import { formatCount, t } from '../../../i18n';
import { FigureTable } from '../FigureCard';
import { duration } from '../report-format';

/** Reply times per rep: a table only, since reps are compared by their numbers. */
export function ResponseByRep({
  byRep,
  repName,
}: {
  byRep: RepResponseStats[];
  repName: (id: string | null) => string;
}) {
  return (
    <section class="figure wide" aria-labelledby="by-rep-title">
      <h3 id="by-rep-title">
        {t('fig_response')} · {t('fig_response_by_rep')}
      </h3>
      {byRep.length === 0 ? (
        <p class="muted">{t('fig_response_none')}</p>
      ) : (
        <FigureTable
          columns={[t('fig_rep'), t('fig_replies'), t('fig_median'), t('fig_p90')]}
          rows={byRep.map((rep) => ({
            key: rep.repId ?? rep.repAddress ?? 'none',
            // A reply from an address no rep claims is shown by that address.
            head: rep.repId ? repName(rep.repId) : (rep.repAddress ?? t('fig_no_rep')),
            cells: [formatCount(rep.count), duration(rep.medianMs), duration(rep.p90Ms)],
          }))}
        />
      )}
    </section>
  );
}
