import type { MessageKey } from '@/lib/i18n/translate';
import type { FieldTarget, MappingTarget } from '@/lib/import/mapping';
import type { CustomPropertyDef } from '@/lib/model';
import { t } from '../../i18n';

const FIELD_LABELS: Record<FieldTarget, MessageKey> = {
  name: 'imp_f_name',
  firstName: 'imp_f_firstName',
  lastName: 'imp_f_lastName',
  email: 'imp_f_email',
  email2: 'imp_f_email2',
  phone: 'imp_f_phone',
  jobTitle: 'imp_f_jobTitle',
  company: 'imp_f_company',
  lifecycle: 'imp_f_lifecycle',
  source: 'imp_f_source',
  owner: 'imp_f_owner',
  notes: 'imp_f_notes',
  domain: 'imp_f_domain',
  address: 'imp_f_address',
  title: 'imp_f_title',
  amount: 'imp_f_amount',
  currency: 'imp_f_currency',
  pipeline: 'imp_f_pipeline',
  stage: 'imp_f_stage',
  expectedClose: 'imp_f_expectedClose',
  status: 'imp_f_status',
  contactEmail: 'imp_f_contactEmail',
  id: 'imp_f_id',
};

/** A mapping target as the rep reads it: a field's name, a custom property's label, or "Skip". */
export function targetLabel(target: MappingTarget, defs: readonly CustomPropertyDef[]): string {
  if (target === 'skip') return t('imp_skip');
  if (target.startsWith('custom:')) {
    const key = target.slice('custom:'.length);
    return t('imp_f_custom', { label: defs.find((d) => d.key === key && d.deletedAt === null)?.label ?? key });
  }
  const key = FIELD_LABELS[target as FieldTarget];
  return key ? t(key) : target;
}
