import type { ImportDraft } from '@/lib/import/draft';
import type { RowResult } from '@/lib/import/rows';
import type { CustomPropertyDef, Pipeline, Rep } from '@/lib/model';
import { normalizeEmail } from '@/lib/model';
import { lifecycleLabel, money, stageName } from '../../format';
import { formatDateTime, t } from '../../i18n';

interface Column {
  label: string;
  value(draft: ImportDraft): string;
}

/** The first rows as they will be stored, or their problems. Every value from the file is rendered as text. */
export function PreviewTable({
  rows,
  defs,
  pipelines,
  reps,
  timeZone,
}: {
  rows: { row: number; result: RowResult }[];
  defs: readonly CustomPropertyDef[];
  pipelines: readonly Pipeline[];
  reps: readonly Rep[];
  timeZone: string;
}) {
  const entity = rows.find((r) => r.result.ok)?.result;
  const kind = entity?.ok ? entity.draft.entity : 'contact';
  const columns = columnsFor(kind, defs, pipelines, timeZone);
  const knownRep = (name: string) =>
    reps.some(
      (r) =>
        normalizeEmail(r.email) === normalizeEmail(name) || r.name.trim().toLowerCase() === name.trim().toLowerCase(),
    );
  return (
    <div class="table-wrap">
      <table class="imp-table">
        <thead>
          <tr>
            <th scope="col">{t('imp_row')}</th>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">{t('imp_problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, result }) => (
            <tr key={row} class={result.ok ? undefined : 'imp-invalid'}>
              <th scope="row">{row}</th>
              {columns.map((c) => (
                <td key={c.label}>{result.ok ? c.value(result.draft) : ''}</td>
              ))}
              <td>
                {result.ok ? (
                  result.draft.ownerName && !knownRep(result.draft.ownerName) ? (
                    <span class="muted">{t('imp_owner_unknown', { name: result.draft.ownerName })}</span>
                  ) : (
                    <span class="muted">{t('imp_row_ok')}</span>
                  )
                ) : (
                  <ul class="imp-errors">
                    {result.errors.map((e) => (
                      <li key={`${e.column}${e.message}`}>{e.column ? `${e.column}: ${e.message}` : e.message}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function columnsFor(
  kind: ImportDraft['entity'],
  defs: readonly CustomPropertyDef[],
  pipelines: readonly Pipeline[],
  timeZone: string,
): Column[] {
  const custom: Column[] = defs
    .filter((d) => d.entity === kind && d.deletedAt === null)
    .map((d) => ({
      label: d.label,
      value: (draft) => {
        const v = draft.custom[d.key];
        return v === undefined || v === null ? '' : String(v);
      },
    }));
  const own = (draft: ImportDraft) => draft.ownerName ?? '';
  if (kind === 'company') {
    return [
      { label: t('imp_f_name'), value: (d) => (d.entity === 'company' ? d.name : '') },
      { label: t('imp_f_domain'), value: (d) => (d.entity === 'company' ? d.domains.join(', ') : '') },
      { label: t('imp_f_phone'), value: (d) => (d.entity === 'company' ? d.phone : '') },
      { label: t('imp_f_address'), value: (d) => (d.entity === 'company' ? d.address : '') },
      { label: t('imp_f_owner'), value: own },
      ...custom,
    ];
  }
  if (kind === 'deal') {
    const stageIn = (pipelineId: string, stageId: string) => {
      const pipeline = pipelines.find((p) => p.id === pipelineId);
      const stage = pipeline?.stages.find((s) => s.id === stageId);
      return `${pipeline?.name ?? ''} · ${stage ? stageName(stage) : ''}`;
    };
    return [
      { label: t('imp_f_title'), value: (d) => (d.entity === 'deal' ? d.title : '') },
      { label: t('imp_f_amount'), value: (d) => (d.entity === 'deal' ? money(d.value) : '') },
      { label: t('imp_f_stage'), value: (d) => (d.entity === 'deal' ? stageIn(d.pipelineId, d.stageId) : '') },
      { label: t('imp_f_status'), value: (d) => (d.entity === 'deal' ? d.status : '') },
      {
        label: t('imp_f_expectedClose'),
        value: (d) =>
          d.entity === 'deal' && d.expectedCloseAt !== null ? formatDateTime(d.expectedCloseAt, timeZone, 'date') : '',
      },
      { label: t('imp_f_company'), value: (d) => (d.entity === 'deal' ? (d.companyName ?? '') : '') },
      { label: t('imp_f_contactEmail'), value: (d) => (d.entity === 'deal' ? d.contactEmails.join(', ') : '') },
      { label: t('imp_f_owner'), value: own },
      ...custom,
    ];
  }
  return [
    { label: t('imp_f_name'), value: (d) => (d.entity === 'contact' ? d.name : '') },
    {
      label: t('imp_f_email'),
      value: (d) => (d.entity === 'contact' ? d.emails.map((e) => e.address).join(', ') : ''),
    },
    { label: t('imp_f_phone'), value: (d) => (d.entity === 'contact' ? d.phones.map((p) => p.number).join(', ') : '') },
    { label: t('imp_f_jobTitle'), value: (d) => (d.entity === 'contact' ? d.jobTitle : '') },
    { label: t('imp_f_company'), value: (d) => (d.entity === 'contact' ? (d.companyName ?? '') : '') },
    { label: t('imp_f_lifecycle'), value: (d) => (d.entity === 'contact' ? lifecycleLabel(d.lifecycle) : '') },
    { label: t('imp_f_source'), value: (d) => (d.entity === 'contact' ? (d.sourceName ?? '') : '') },
    { label: t('imp_f_owner'), value: own },
    {
      label: t('imp_f_notes'),
      value: (d) => (d.entity === 'contact' ? (d.notes.length > 80 ? `${d.notes.slice(0, 79)}…` : d.notes) : ''),
    },
    ...custom,
  ];
}
