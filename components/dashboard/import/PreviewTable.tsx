import { unguardCell } from '@/lib/csv/guard';
import type { ImportDraft } from '@/lib/import/draft';
import { type ColumnMapping, customTarget, type MappingTarget } from '@/lib/import/mapping';
import type { PlannedRow } from '@/lib/import/plan';
import type { RowResult } from '@/lib/import/rows';
import type { CustomPropertyDef, Pipeline, Rep } from '@/lib/model';
import { normaliseEmail } from '@/lib/model';
import { lifecycleLabel, money, stageName } from '../../format';
import { formatDateTime, t } from '../../i18n';

interface Column {
  label: string;
  /** Where its value comes from: an invalid row, which has no draft, shows these columns' cells as the file has them. */
  targets: readonly MappingTarget[];
  value(draft: ImportDraft): string;
}

export interface PreviewRow {
  row: number;
  /** The row's cells as the file has them, in header order. */
  cells: readonly string[];
  result: RowResult;
  /** What the import will do with it, once all rows are checked. */
  planned: PlannedRow | null;
}

/**
 * The first rows as they will be stored, or as the file has them with their problems; once checked, what the import
 * will do with each. Every value from the file is rendered as text.
 */
export function PreviewTable({
  entity,
  rows,
  headers,
  mapping,
  defs,
  pipelines,
  reps,
  timeZone,
}: {
  entity: ImportDraft['entity'];
  rows: readonly PreviewRow[];
  headers: readonly string[];
  mapping: ColumnMapping;
  defs: readonly CustomPropertyDef[];
  pipelines: readonly Pipeline[];
  reps: readonly Rep[];
  timeZone: string;
}) {
  const columns = columnsFor(entity, defs, pipelines, timeZone);
  const knownRep = (name: string) =>
    reps.some(
      (r) =>
        normaliseEmail(r.email) === normaliseEmail(name) || r.name.trim().toLowerCase() === name.trim().toLowerCase(),
    );
  const sources = (column: Column) =>
    headers.flatMap((header, index) => (column.targets.includes(mapping[header] ?? 'skip') ? [{ header, index }] : []));
  const status = (result: Extract<RowResult, { ok: true }>, planned: PlannedRow | null) => {
    const reason = planned?.reasons.join('; ') ?? '';
    if (planned?.action === 'skip') return t('imp_row_will_skip', { reason });
    if (planned?.action === 'update') return t('imp_row_will_update', { reason });
    if (planned?.action === 'new' && reason) return t('imp_row_will_warn', { reason });
    const owner = result.draft.ownerName;
    return owner && !knownRep(owner) ? t('imp_owner_unknown', { name: owner }) : t('imp_row_ok');
  };
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
          {rows.map(({ row, cells, result, planned }) => (
            <tr key={row} class={result.ok ? (planned?.action === 'skip' ? 'imp-skipped' : undefined) : 'imp-invalid'}>
              <th scope="row">{row}</th>
              {columns.map((c) => {
                if (result.ok) return <td key={c.label}>{c.value(result.draft)}</td>;
                const from = sources(c);
                const wrong = from.some(({ header }) => result.errors.some((e) => e.column === header));
                const text = from
                  .map(({ index }) => unguardCell(cells[index] ?? '').trim())
                  .filter(Boolean)
                  .join(' ');
                const shown = text.length > 80 ? `${text.slice(0, 79)}…` : text;
                return (
                  <td key={c.label} class={wrong ? 'imp-cell-error' : undefined}>
                    {shown}
                  </td>
                );
              })}
              <td>
                {result.ok ? (
                  <span class="muted">{status(result, planned)}</span>
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
      targets: [customTarget(d.key)],
      value: (draft) => {
        const v = draft.custom[d.key];
        return v === undefined || v === null ? '' : String(v);
      },
    }));
  const owner: Column = { label: t('imp_f_owner'), targets: ['owner'], value: (draft) => draft.ownerName ?? '' };
  if (kind === 'company') {
    return [
      { label: t('imp_f_name'), targets: ['name'], value: (d) => (d.entity === 'company' ? d.name : '') },
      {
        label: t('imp_f_domain'),
        targets: ['domain'],
        value: (d) => (d.entity === 'company' ? d.domains.join(', ') : ''),
      },
      { label: t('imp_f_phone'), targets: ['phone'], value: (d) => (d.entity === 'company' ? d.phone : '') },
      { label: t('imp_f_address'), targets: ['address'], value: (d) => (d.entity === 'company' ? d.address : '') },
      owner,
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
      { label: t('imp_f_title'), targets: ['title'], value: (d) => (d.entity === 'deal' ? d.title : '') },
      {
        label: t('imp_f_amount'),
        targets: ['amount', 'currency'],
        value: (d) => (d.entity === 'deal' ? money(d.value) : ''),
      },
      {
        label: t('imp_f_stage'),
        targets: ['pipeline', 'stage'],
        value: (d) => (d.entity === 'deal' ? stageIn(d.pipelineId, d.stageId) : ''),
      },
      { label: t('imp_f_status'), targets: ['status'], value: (d) => (d.entity === 'deal' ? d.status : '') },
      {
        label: t('imp_f_expectedClose'),
        targets: ['expectedClose'],
        value: (d) =>
          d.entity === 'deal' && d.expectedCloseAt !== null ? formatDateTime(d.expectedCloseAt, timeZone, 'date') : '',
      },
      {
        label: t('imp_f_company'),
        targets: ['company'],
        value: (d) => (d.entity === 'deal' ? (d.companyName ?? '') : ''),
      },
      {
        label: t('imp_f_contactEmail'),
        targets: ['contactEmail'],
        value: (d) => (d.entity === 'deal' ? d.contactEmails.join(', ') : ''),
      },
      owner,
      ...custom,
    ];
  }
  return [
    {
      label: t('imp_f_name'),
      targets: ['name', 'firstName', 'lastName'],
      value: (d) => (d.entity === 'contact' ? d.name : ''),
    },
    {
      label: t('imp_f_email'),
      targets: ['email', 'email2'],
      value: (d) => (d.entity === 'contact' ? d.emails.map((e) => e.address).join(', ') : ''),
    },
    {
      label: t('imp_f_phone'),
      targets: ['phone'],
      value: (d) => (d.entity === 'contact' ? d.phones.map((p) => p.number).join(', ') : ''),
    },
    { label: t('imp_f_jobTitle'), targets: ['jobTitle'], value: (d) => (d.entity === 'contact' ? d.jobTitle : '') },
    {
      label: t('imp_f_company'),
      targets: ['company'],
      value: (d) => (d.entity === 'contact' ? (d.companyName ?? '') : ''),
    },
    {
      label: t('imp_f_lifecycle'),
      targets: ['lifecycle'],
      value: (d) => (d.entity === 'contact' ? lifecycleLabel(d.lifecycle) : ''),
    },
    {
      label: t('imp_f_source'),
      targets: ['source'],
      value: (d) => (d.entity === 'contact' ? (d.sourceName ?? '') : ''),
    },
    owner,
    {
      label: t('imp_f_notes'),
      targets: ['notes'],
      value: (d) => (d.entity === 'contact' ? (d.notes.length > 80 ? `${d.notes.slice(0, 79)}…` : d.notes) : ''),
    },
    ...custom,
  ];
}
