import { hashFor } from '@/lib/dashboard/links';
import type { Deal } from '@/lib/model';
import { money } from '../../format';
import { t } from '../../i18n';

/** The deals of a contact or a company, each a link to its page with its amount and status. */
export function DealLinks({ deals }: { deals: Deal[] }) {
  return (
    <ul class="plain">
      {deals.map((d) => (
        <li key={d.id}>
          <a href={hashFor('deal', d.id)}>{d.title}</a> <span class="amount">{money(d.value)}</span>{' '}
          <span class="badge">{t(`dash_status_${d.status}`)}</span>
        </li>
      ))}
    </ul>
  );
}
