import type { MessageKey } from '@/lib/i18n/translate';
import type { Money } from '@/lib/model';
import { lifecycleLabel, money, sourceLabel, stageName } from '../../format';
import { formatCalendarDay, formatDateTime, t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** The label each field that can conflict is shown with; other fields show their own name. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'contact_name',
  jobTitle: 'contact_job_title',
  lifecycle: 'contact_lifecycle',
  phones: 'contact_phone',
  emails: 'dash_emails',
  ownerId: 'contact_owner',
  sourceId: 'contact_source',
  companyId: 'contact_company',
  domains: 'dash_domains',
  address: 'dash_address',
  stageId: 'deal_stage',
  value: 'deal_amount',
  expectedCloseAt: 'deal_close_date',
  status: 'dash_status',
  title: 'deal_title',
  pipelineId: 'deal_pipeline',
  lostReason: 'deal_lost_reason',
  phone: 'contact_phone',
  deletedAt: 'history_deleted',
  custom: 'dash_custom_properties',
};

/** A field's former value as the rep reads it: names for the ids of reps, sources and stages, text for lists. */
export function shown(app: Dashboard, field: string, value: unknown): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('team_empty');
  if (field === 'ownerId') return app.reps.value.find((rep) => rep.id === value)?.name ?? t('team_someone');
  if (field === 'sourceId') {
    const source = app.sources.value.find((s) => s.id === value);
    return source ? sourceLabel(source) : String(value);
  }
  if (field === 'stageId') {
    const stage = app.pipelines.value.flatMap((p) => p.stages).find((s) => s.id === value);
    return stage ? stageName(stage) : String(value);
  }
  if (field === 'pipelineId') return app.pipelines.value.find((p) => p.id === value)?.name ?? String(value);
  if (field === 'companyId') return t('history_linked');
  if (field === 'value' && typeof value === 'object' && 'amount' in value) return money(value as Money);
  if (field === 'expectedCloseAt' && typeof value === 'number') return formatCalendarDay(value);
  if (field === 'deletedAt' && typeof value === 'number') return formatDateTime(value, app.timeZone.value);
  if (field === 'lifecycle') return lifecycleLabel(value as Parameters<typeof lifecycleLabel>[0]);
  if (Array.isArray(value)) {
    return value
      .map((item) => (typeof item === 'object' && item ? (item.address ?? item.number ?? JSON.stringify(item)) : item))
      .join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${item === null ? t('team_empty') : String(item)}`)
      .join(', ');
  }
  return String(value);
}

/** A field's name as the rep reads it. */
export function fieldLabel(field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}
