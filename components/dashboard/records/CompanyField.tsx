import { hashFor } from '@/lib/dashboard/links';
import type { CrmDb } from '@/lib/db/schema';
import { searchCompanies } from '@/lib/db/search';
import type { Company } from '@/lib/model';
import { t } from '../../i18n';
import { RecordPicker } from './RecordPicker';

/** The company a contact or a deal belongs to: a link with Unlink, or a search to link one. */
export function CompanyField({
  db,
  company,
  onLink,
}: {
  db: CrmDb;
  company: Company | null;
  onLink(companyId: string | null): void;
}) {
  return (
    <div class="field">
      <span class="field-label">{t('contact_company')}</span>
      {company ? (
        <span>
          <a href={hashFor('company', company.id)} class="name">
            {company.name}
          </a>{' '}
          <button type="button" class="link" onClick={() => onLink(null)}>
            {t('dash_unlink')}
          </button>
        </span>
      ) : (
        <RecordPicker
          label={t('dash_link_company')}
          search={async (q) => (await searchCompanies(db, q, 10)).map((c) => ({ id: c.id, label: c.name }))}
          onPick={(o) => onLink(o.id)}
        />
      )}
    </div>
  );
}
