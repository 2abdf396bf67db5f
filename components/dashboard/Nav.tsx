import { hashFor, type PageName } from '@/lib/dashboard/links';
import type { MessageKey } from '@/lib/i18n/translate';
import { t } from '../i18n';

/** The dashboard's pages; the current one is marked for screen readers as well as by style. */
export function Nav({ items, current }: { items: { name: PageName; label: MessageKey }[]; current: string }) {
  return (
    <nav class="dash-nav" aria-label={t('dash_nav_label')}>
      <ul>
        {items.map((item) => (
          <li key={item.name}>
            <a href={hashFor(item.name)} aria-current={item.name === current ? 'page' : undefined}>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
